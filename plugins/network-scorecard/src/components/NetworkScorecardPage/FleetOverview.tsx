import { useMemo } from 'react';
import { Box, Button, makeStyles, Paper, Typography } from '@material-ui/core';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import GetAppIcon from '@material-ui/icons/GetApp';
import { ClusterSummary, FleetSummary } from '@network-scorecard/common';
import { downloadCsv } from '../../utils/csv';
import {
  filterRows,
  FleetFilters,
  NO_FILTERS,
  useGroupTree,
} from '../FleetFilters';
import { FleetSummaryRow } from '../FleetSummaryRow';
import {
  fleetCsv,
  fleetCsvFilename,
  FleetTable,
  sortRows,
  toFleetRow,
} from '../FleetTable';
import { FleetTrendChart } from '../FleetTrendChart';
import { useFleetQuery } from './useFleetQuery';

const useStyles = makeStyles(theme => ({
  stack: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: theme.spacing(3),
  },
  filters: { padding: theme.spacing(2) },
}));

const FleetSummaryTiles = ({
  summary,
  error,
}: {
  summary?: FleetSummary;
  error?: Error;
}) => {
  if (error) return <ResponseErrorPanel error={error} />;
  if (!summary) return <Progress />;
  return <FleetSummaryRow summary={summary} />;
};

/** Summary, trend, filters and the table over one list of clusters. */
export const FleetOverview = ({
  clusters,
  summary,
  summaryError,
}: {
  clusters: ClusterSummary[];
  /** undefined while it loads */
  summary?: FleetSummary;
  summaryError?: Error;
}) => {
  const classes = useStyles();
  const rows = useMemo(() => clusters.map(toFleetRow), [clusters]);
  const { filters, sort, setFilters, setSort } = useFleetQuery();
  const { groups, error: groupsError } = useGroupTree();
  const shown = useMemo(
    () => filterRows(rows, filters, groups),
    [rows, filters, groups],
  );
  const download = () =>
    downloadCsv(fleetCsvFilename(), fleetCsv(sortRows(shown, sort)));

  return (
    <div className={classes.stack}>
      <FleetSummaryTiles summary={summary} error={summaryError} />
      <FleetTrendChart />
      <Paper className={classes.filters}>
        <FleetFilters
          rows={rows}
          shown={shown.length}
          filters={filters}
          onChange={setFilters}
          groups={groups}
          groupsError={groupsError}
          actions={
            <Button
              size="small"
              variant="outlined"
              startIcon={<GetAppIcon />}
              disabled={shown.length === 0}
              onClick={download}
            >
              Download CSV
            </Button>
          }
        />
      </Paper>
      <FleetTable
        rows={shown}
        total={rows.length}
        sort={sort}
        onSortChange={setSort}
        emptyContent={
          <Box p={3} textAlign="center">
            <Typography variant="body1">
              No cluster matches these filters.
            </Typography>
            <Button onClick={() => setFilters(NO_FILTERS)}>
              Clear filters
            </Button>
          </Box>
        }
      />
    </div>
  );
};
