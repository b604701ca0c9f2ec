import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
} from 'react';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  entityRouteParams,
  entityRouteRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { Chip, makeStyles, Typography } from '@material-ui/core';
import { LazyTooltip } from '../LazyTooltip';
import WarningIcon from '@material-ui/icons/Warning';
import ErrorIcon from '@material-ui/icons/Error';
import { formatAbsoluteTime, formatRelativeTime } from '../../utils/format';
import { capturedAgo } from './scanAge';
import { FleetRow } from './rows';

type EntityPath = (ref: CompoundEntityRef) => string;

const EntityPathContext = createContext<EntityPath | null>(null);

/**
 * Resolves the catalog's entity route once for every cell below it:
 * resolving it in each cell cost the table a thrown and caught error per
 * cell on every render (the new frontend system's API lookup falling back).
 */
export const EntityPathProvider = ({ children }: { children: ReactNode }) => {
  // The entity route is absolute: its paths do not depend on the address.
  // A callback that stays the same when the address changes (each filter
  // change) keeps every cell of the table from rendering again.
  // The paths are kept by entity: a filter change shows clusters whose
  // paths were resolved before, and resolving one is not free.
  const entityRoute = useRouteRef(entityRouteRef);
  const latest = useRef(entityRoute);
  latest.current = entityRoute;
  const paths = useMemo(() => new Map<string, string>(), []);
  const entityPath = useCallback(
    (ref: CompoundEntityRef) => {
      const key = stringifyEntityRef(ref);
      let path = paths.get(key);
      if (path === undefined) {
        path = latest.current(entityRouteParams(ref));
        paths.set(key, path);
      }
      return path;
    },
    [paths],
  );
  return (
    <EntityPathContext.Provider value={entityPath}>
      {children}
    </EntityPathContext.Provider>
  );
};

function useEntityPath(): EntityPath {
  const entityPath = useContext(EntityPathContext);
  if (!entityPath)
    throw new Error('fleet table cells render inside an EntityPathProvider');
  return entityPath;
}

// Static classes, not <Box>: each Box mounts a style sheet of its own, and a
// page of rows mounting hundreds of them made every filter change slow.
const useCellStyles = makeStyles(theme => ({
  row: { display: 'flex', alignItems: 'center', gap: 4 },
  wrap: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 4 },
  stale: {
    color: theme.palette.warning.dark,
    borderColor: theme.palette.warning.main,
  },
}));

function parseRef(ref: string, defaultKind: string) {
  try {
    return parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' });
  } catch {
    return undefined;
  }
}

/** Cluster name (and catalog title), linked to its catalog entity when it has one, with config errors flagged. */
export const ClusterNameCell = ({ row }: { row: FleetRow }) => {
  const classes = useCellStyles();
  const entityPath = useEntityPath();
  const ref = row.entityRef ? parseRef(row.entityRef, 'resource') : undefined;
  return (
    <div className={classes.row}>
      <div>
        {ref ? (
          <Link to={entityPath(ref)}>{row.name}</Link>
        ) : (
          <LazyTooltip title="Configured in app-config only: no catalog entity">
            <Typography variant="body2" component="span">
              {row.name}
            </Typography>
          </LazyTooltip>
        )}
        {row.title !== row.name && (
          <Typography variant="caption" color="textSecondary" component="div">
            {row.title}
          </Typography>
        )}
      </div>
      {row.configErrors.length > 0 && (
        <LazyTooltip
          title={
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {row.configErrors.map(error => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          }
        >
          <WarningIcon
            fontSize="small"
            color="error"
            aria-label={`${row.configErrors.length} configuration problems`}
            data-testid={`config-errors-${row.name}`}
          />
        </LazyTooltip>
      )}
    </div>
  );
};

export const OwnerCell = ({ owner }: { owner: string | null }) => {
  const entityPath = useEntityPath();
  const ref = owner ? parseRef(owner, 'group') : undefined;
  if (!ref) return <>{owner ?? '–'}</>;
  return (
    <Link to={entityPath(ref)}>
      {humanizeEntityRef(ref, { defaultKind: 'group' })}
    </Link>
  );
};

/** A count with its unit and a tooltip saying where it came from. */
export const CountCell = (props: {
  count: number | null;
  unit: string;
  source: string;
}) => {
  if (props.count === null) return <>–</>;
  return (
    <LazyTooltip title={props.source}>
      <span>{`${props.count} ${props.unit}`}</span>
    </LazyTooltip>
  );
};

/** When the results were taken: a live scan's time, or a dump's capture time (neutral: a dump is as old as it is). */
const ScanAge = ({ row, at }: { row: FleetRow; at: string }) => (
  <LazyTooltip
    title={
      row.source === 'snapshot'
        ? `Read from a cluster dump captured ${formatAbsoluteTime(at)}`
        : `Scanned ${formatAbsoluteTime(at)}`
    }
  >
    <Typography variant="body2" component="span">
      {row.source === 'snapshot' ? capturedAgo(at) : formatRelativeTime(at)}
    </Typography>
  </LazyTooltip>
);

/** Last scan time, whether it read everything, and whether a newer attempt failed. */
export const LastScanCell = ({ row }: { row: FleetRow }) => {
  const classes = useCellStyles();
  return (
    <div className={classes.wrap}>
      {row.scannedAt ? (
        <ScanAge row={row} at={row.scannedAt} />
      ) : (
        <Typography variant="body2" color="textSecondary" component="span">
          not scanned yet
        </Typography>
      )}
      {row.status && row.status !== 'ok' && (
        <LazyTooltip
          title={`The scan could not read ${
            row.status === 'failed' ? 'any' : 'some'
          } facts; open the cluster for details`}
        >
          <Chip size="small" label={row.status} />
        </LazyTooltip>
      )}
      {row.stale && (
        <LazyTooltip title="The newest scan attempt failed after this scan: the cluster may have changed since these results">
          <Chip
            size="small"
            variant="outlined"
            label="stale"
            className={classes.stale}
            data-testid={`stale-${row.name}`}
          />
        </LazyTooltip>
      )}
      {row.lastError && (
        <LazyTooltip
          title={`Latest scan attempt failed ${formatAbsoluteTime(
            row.lastError.at,
          )}: ${row.lastError.message}`}
        >
          <ErrorIcon
            fontSize="small"
            color="error"
            aria-label="latest scan attempt failed"
            data-testid={`scan-error-${row.name}`}
          />
        </LazyTooltip>
      )}
    </div>
  );
};
