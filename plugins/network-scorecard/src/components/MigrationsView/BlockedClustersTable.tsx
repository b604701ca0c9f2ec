import { Link, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { BlockedCluster } from './useBlockedClusters';

/** The path of the entity tab that shows one cluster's report. */
const TAB_PATH = '/network-scorecard';

function parseRef(
  ref: string | null,
  defaultKind: string,
): CompoundEntityRef | undefined {
  if (!ref) return undefined;
  try {
    return parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' });
  } catch {
    return undefined;
  }
}

const Owner = ({ owner }: { owner: string | null }) => {
  const entityRoute = useRouteRef(entityRouteRef);
  const ref = parseRef(owner, 'group');
  if (!ref) return <>{owner ?? '–'}</>;
  return (
    <Link to={entityRoute(entityRouteParams(ref))}>
      {humanizeEntityRef(ref, { defaultKind: 'group' })}
    </Link>
  );
};

const ClusterName = ({ row }: { row: BlockedCluster }) => {
  const entityRoute = useRouteRef(entityRouteRef);
  const ref = parseRef(row.cluster.entityRef, 'resource');
  if (!ref) return <>{row.cluster.name}</>;
  return (
    <Link to={`${entityRoute(entityRouteParams(ref))}${TAB_PATH}`}>
      {row.cluster.name}
    </Link>
  );
};

const Blockers = ({ row }: { row: BlockedCluster }) => {
  if (row.error) {
    return (
      <ResponseErrorPanel
        error={row.error}
        title={`Could not read the report of ${row.cluster.name}`}
      />
    );
  }
  const blockers = row.readiness?.blockers ?? [];
  if (blockers.length === 0) return <>–</>;
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {blockers.map(blocker => (
        <li key={blocker}>{blocker}</li>
      ))}
    </ul>
  );
};

/** Each blocked cluster: who owns it, what blocks it, what to do next. */
export const BlockedClustersTable = ({ rows }: { rows: BlockedCluster[] }) => {
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No cluster is blocked on this item.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Blocked clusters">
      <TableHead>
        <TableRow>
          <TableCell>Cluster</TableCell>
          <TableCell>Owner</TableCell>
          <TableCell>Blockers</TableCell>
          <TableCell>Next step</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow
            key={row.cluster.name}
            data-testid={`blocked-${row.cluster.name}`}
          >
            <TableCell>
              <ClusterName row={row} />
            </TableCell>
            <TableCell>
              <Owner owner={row.cluster.owner} />
            </TableCell>
            <TableCell>
              <Blockers row={row} />
            </TableCell>
            <TableCell>{row.readiness?.steps[0] ?? '–'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
