import { useMemo } from 'react';
import { Box, Button, makeStyles, Paper, Typography } from '@material-ui/core';
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

/** Summary, trend, filters and the table over one list of clusters. */
export const FleetOverview = ({
  clusters,
  summary,
}: {
  clusters: ClusterSummary[];
  summary: FleetSummary;
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
      <FleetSummaryRow summary={summary} />
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
