import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { Typography } from '@material-ui/core';
import { ClusterSummary } from '@network-scorecard/common';

/** The path of the entity tab that shows one cluster's report. */
const TAB_PATH = '/network-scorecard';

/** A cluster's name, linked to its Network tab when it has a catalog entity. */
export const ClusterTabLink = ({ cluster }: { cluster: ClusterSummary }) => {
  const entityRoute = useRouteRef(entityRouteRef);
  let path: string | undefined;
  try {
    path = cluster.entityRef
      ? `${entityRoute(
          entityRouteParams(parseEntityRef(cluster.entityRef)),
        )}${TAB_PATH}`
      : undefined;
  } catch {
    path = undefined;
  }
  if (!path) {
    return (
      <Typography variant="body2" component="span">
        {cluster.name}
      </Typography>
    );
  }
  return (
    <Link to={path} aria-label={`${cluster.name}: Network tab`}>
      {cluster.name}
    </Link>
  );
};

/** A service's title (else its name), linked to its entity page. */
export const ServiceLink = ({ entity }: { entity: Entity }) => {
  const entityRoute = useRouteRef(entityRouteRef);
  return (
    <Link to={entityRoute(entityRouteParams(entity))}>
      {entity.metadata.title ?? entity.metadata.name}
    </Link>
  );
};

/** A group ref as the catalog shows it, e.g. "team-platform". */
export function groupLabel(ref: string | null): string {
  if (!ref) return '–';
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'group' });
  } catch {
    return ref;
  }
}
