import { CSSProperties, memo, ReactNode, useMemo } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import { Tooltip } from '@material-ui/core';
import { GradeBadge } from '../GradeBadge';
import { ScoreSparkline, SparklineHistoryProvider } from '../ScoreSparkline';
import { formatPercent, formatScore } from '../../utils/format';
import {
  ClusterNameCell,
  CountCell,
  EntityPathProvider,
  LastScanCell,
  OwnerCell,
} from './cells';
import { FleetRow } from './rows';
import { ScoreTrend } from './ScoreTrend';
import { COMPARATORS, FleetSort, SortKey } from './sorting';

const PAGE_SIZE = 50;

// Fixed layout with shares of the width: the table is as wide as the page
// and long values wrap inside their cell instead of pushing columns out.
const CELL_STYLE: CSSProperties = {
  padding: '6px 8px',
  overflowWrap: 'anywhere',
};
const HEADER_STYLE: CSSProperties = {
  padding: '8px',
  overflowWrap: 'anywhere',
};

const scoreSource = (row: FleetRow) =>
  `Last scan: area scores weighted by area, ruleset ${
    row.rulesetVersion
  }; ${formatPercent(row.coverage ?? 0)} of applicable checks could be judged`;

const ScoreCell = ({ row }: { row: FleetRow }) => {
  if (row.scannedAt === null) return <>–</>;
  return (
    <div>
      <Tooltip title={scoreSource(row)}>
        <span>
          {row.score === null ? 'not graded' : formatScore(row.score)}
        </span>
      </Tooltip>
      <ScoreTrend
        score={row.score}
        rulesetVersion={row.rulesetVersion}
        previous={row.previous}
      />
      <ScoreSparkline cluster={row.name} />
    </div>
  );
};

/**
 * material-table re-renders every row of the page on each filter change and
 * hands each render a copy of the row (plus its own tableData): a cell whose
 * row fields are all the same is not rendered again.
 */
function sameRow(before: { row: FleetRow }, after: { row: FleetRow }) {
  const a = before.row as unknown as Record<string, unknown>;
  const b = after.row as unknown as Record<string, unknown>;
  return Object.keys(b).every(key => key === 'tableData' || a[key] === b[key]);
}
const NameCell = memo(ClusterNameCell, sameRow);
const GradeCell = memo(GradeBadge);
const ScoreColumnCell = memo(ScoreCell, sameRow);
const OwnerColumnCell = memo(OwnerCell);
const CountColumnCell = memo(CountCell);
const ScanCell = memo(LastScanCell, sameRow);

interface FleetColumn {
  key: SortKey;
  width: string;
  column: TableColumn<FleetRow>;
}

const FLEET_COLUMNS: FleetColumn[] = [
  {
    key: 'name',
    width: '15%',
    column: {
      title: 'Cluster',
      field: 'name',
      highlight: true,
      render: row => <NameCell row={row} />,
    },
  },
  {
    key: 'grade',
    width: '7%',
    column: {
      title: 'Grade',
      field: 'gradeRank',
      render: row => (
        <GradeCell
          grade={row.grade}
          score={row.score}
          coverage={row.coverage ?? undefined}
          testId={`fleet-grade-${row.name}`}
        />
      ),
    },
  },
  {
    key: 'score',
    width: '12%',
    column: {
      title: 'Score',
      field: 'score',
      render: row => <ScoreColumnCell row={row} />,
    },
  },
  {
    key: 'cni',
    width: '7%',
    column: { title: 'CNI', field: 'cni', render: row => row.cni || '–' },
  },
  {
    key: 'mesh',
    width: '8%',
    column: { title: 'Mesh', field: 'mesh', render: row => row.mesh || '–' },
  },
  {
    key: 'lifecycle',
    width: '9%',
    column: {
      title: 'Lifecycle',
      field: 'lifecycle',
      render: row => row.lifecycle || '–',
    },
  },
  {
    key: 'owner',
    width: '12%',
    column: {
      title: 'Owner',
      field: 'owner',
      render: row => <OwnerColumnCell owner={row.owner} />,
    },
  },
  {
    key: 'antiPatterns',
    width: '10%',
    column: {
      title: 'Anti-patterns',
      field: 'antiPatterns',
      render: row => (
        <CountColumnCell
          count={row.antiPatterns}
          unit="detected"
          source="Anti-patterns detected in the last scan and not acknowledged"
        />
      ),
    },
  },
  {
    key: 'blockers',
    width: '8%',
    column: {
      title: 'Blockers',
      field: 'blockers',
      render: row => (
        <CountColumnCell
          count={row.blockers}
          unit={row.blockers === 1 ? 'blocker' : 'blockers'}
          source="Blockers summed over the migration-readiness items of the last scan"
        />
      ),
    },
  },
  {
    key: 'scannedAt',
    width: '12%',
    column: {
      title: 'Last scan',
      field: 'scannedAt',
      render: row => <ScanCell row={row} />,
    },
  },
];

function columnsFor(sort: FleetSort | null): TableColumn<FleetRow>[] {
  return FLEET_COLUMNS.map(({ key, width, column }) => ({
    ...column,
    width,
    // copies: Backstage's Table writes the highlight into these objects
    cellStyle: { ...CELL_STYLE },
    headerStyle: { ...HEADER_STYLE },
    customSort: COMPARATORS[key],
    defaultSort: sort?.key === key ? sort.direction : undefined,
  }));
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

/** The fleet's clusters side by side, sortable, 50 to a page. */
export const FleetTable = (props: FleetTableProps) => {
  const { rows, total, sort, onSortChange, emptyContent } = props;
  const columns = useMemo(() => columnsFor(sort), [sort]);
  return (
    <SparklineHistoryProvider>
      <EntityPathProvider>
        <Table<FleetRow>
          title={
            rows.length === total
              ? `Clusters (${total})`
              : `Clusters (${rows.length} of ${total})`
          }
          options={{
            paging: rows.length > PAGE_SIZE,
            pageSize: PAGE_SIZE,
            pageSizeOptions: [20, PAGE_SIZE, 100],
            search: false,
            padding: 'dense',
            tableLayout: 'fixed',
          }}
          columns={columns}
          data={rows}
          emptyContent={emptyContent}
          onOrderChange={(index, direction) => {
            const key = FLEET_COLUMNS[index]?.key;
            onSortChange(
              key && (direction === 'asc' || direction === 'desc')
                ? { key, direction }
                : null,
            );
          }}
        />
      </EntityPathProvider>
    </SparklineHistoryProvider>
  );
};
