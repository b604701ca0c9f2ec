import useAsync from 'react-use/esm/useAsync';
import { useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  buildGroupTree,
  EMPTY_GROUP_TREE,
  GROUP_FIELDS,
  GroupTree,
} from './groupTree';

export interface GroupTreeState {
  groups: GroupTree;
  /** why sub-groups are unknown: the owner filter then matches owners exactly */
  error?: Error;
}

/**
 * The catalog's group hierarchy, in one request for every group with only the
 * fields the hierarchy needs. An app without a catalog, or a catalog error,
 * leaves the owner filter matching exact owners.
 */
export function useGroupTree(): GroupTreeState {
  const catalogApi = useApiHolder().get(catalogApiRef);
  const { value, error } = useAsync(async () => {
    if (!catalogApi) return EMPTY_GROUP_TREE;
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: GROUP_FIELDS,
    });
    return buildGroupTree(items);
  }, [catalogApi]);
  return { groups: value ?? EMPTY_GROUP_TREE, error };
}
