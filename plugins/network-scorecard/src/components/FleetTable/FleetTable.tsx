import { ReactNode, useMemo, useState } from 'react';
import {
  makeStyles,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  TableSortLabel,
  Typography,
} from '@material-ui/core';
import { SparklineHistoryProvider } from '../ScoreSparkline';
import { EntityPathProvider } from './cells';
import { FLEET_COLUMNS } from './columns';
import { FleetTableRow } from './FleetTableRow';
import { FleetRow } from './rows';
import { FleetSort, SortKey, sortRows } from './sorting';

// as the catalog's own table: 20 to a page, 50 or 100 on request
const PAGE_SIZE = 20;
const PAGE_SIZES = [PAGE_SIZE, 50, 100];

// Fixed layout with shares of the width: long values wrap inside their cell
// instead of pushing columns out of the page.
const useStyles = makeStyles(theme => ({
  title: { padding: theme.spacing(2, 2, 1) },
  table: { tableLayout: 'fixed' },
  header: { padding: 8, overflowWrap: 'anywhere' },
  cell: { padding: '6px 8px', overflowWrap: 'anywhere' },
}));

/** Header clicks cycle a column through ascending, descending and unsorted. */
function nextSort(sort: FleetSort | null, key: SortKey): FleetSort | null {
  if (sort?.key !== key) return { key, direction: 'asc' };
  return sort.direction === 'asc' ? { key, direction: 'desc' } : null;
}

/** The page shown: back to the first whenever the rows change (a filter). */
function usePage(rows: FleetRow[]) {
  const [state, setState] = useState({ rows, page: 0 });
  const page = state.rows === rows ? state.page : 0;
  return [page, (next: number) => setState({ rows, page: next })] as const;
}

export interface FleetTableProps {
  /** the rows to show (already filtered), in their unsorted order */
  rows: FleetRow[];
  /** clusters in the fleet, filtered or not */
  total: number;
  sort: FleetSort | null;
  onSortChange: (sort: FleetSort | null) => void;
  /** shown instead of the rows when there are none */
  emptyContent?: ReactNode;
}

/** The fleet's clusters side by side, sortable, 20 to a page (50 or 100 on request). */
export const FleetTable = (props: FleetTableProps) => {
  const { rows, total, sort, onSortChange, emptyContent } = props;
  const classes = useStyles();
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const [page, setPage] = usePage(sorted);
  const shown = sorted.slice(page * pageSize, (page + 1) * pageSize);
  return (
    <Paper>
      <Typography variant="h5" component="h2" className={classes.title}>
        {rows.length === total
          ? `Clusters (${total})`
          : `Clusters (${rows.length} of ${total})`}
      </Typography>
      <SparklineHistoryProvider>
        <EntityPathProvider>
          <Table size="small" className={classes.table}>
            <TableHead>
              <TableRow>
                {FLEET_COLUMNS.map(({ key, title, width }) => {
                  const active = sort?.key === key;
                  return (
                    <TableCell
                      key={key}
                      className={classes.header}
                      style={{ width }}
                      sortDirection={active ? sort.direction : false}
                    >
                      <TableSortLabel
                        active={active}
                        direction={active ? sort.direction : 'asc'}
                        onClick={() => onSortChange(nextSort(sort, key))}
                      >
                        {title}
                      </TableSortLabel>
                    </TableCell>
                  );
                })}
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((row, slot) => (
                <FleetTableRow
                  // Keyed by place on the page, not by cluster: a filter
                  // change or a new page fills the same rows with other
                  // clusters instead of unmounting and mounting every cell
                  // (the largest part of a change). A row that keeps its
                  // place and cluster is not rendered again.
                  key={slot}
                  row={row}
                  cellClass={classes.cell}
                />
              ))}
              {rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={FLEET_COLUMNS.length}>
                    {emptyContent}
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </EntityPathProvider>
      </SparklineHistoryProvider>
      {rows.length > PAGE_SIZE && (
        <TablePagination
          component="div"
          count={rows.length}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={PAGE_SIZES}
          onPageChange={(_event, next) => setPage(next)}
          onRowsPerPageChange={event => {
            setPageSize(Number(event.target.value));
            setPage(0);
          }}
        />
      )}
    </Paper>
  );
};
