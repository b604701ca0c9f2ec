import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { networkScorecardApiRef } from '../api';

/** The clusters of the current catalog entity with their latest reports; `retry` reloads. */
export function useEntityReport() {
  const { entity } = useEntity();
  const api = useApi(networkScorecardApiRef);
  const entityRef = stringifyEntityRef(entity);
  return useAsyncRetry(() => api.getEntityReport(entityRef), [api, entityRef]);
}
