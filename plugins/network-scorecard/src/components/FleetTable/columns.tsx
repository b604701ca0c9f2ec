import { ReactNode } from 'react';
import { LazyTooltip } from '../LazyTooltip';
import { GradeBadge } from '../GradeBadge';
import { ScoreSparkline } from '../ScoreSparkline';
import { formatPercent, formatScore } from '../../utils/format';
import { ClusterNameCell, CountCell, LastScanCell, OwnerCell } from './cells';
import { FleetRow } from './rows';
import { ScoreTrend } from './ScoreTrend';
import { SortKey } from './sorting';

export interface FleetColumn {
  key: SortKey;
  title: string;
  /** share of the table's width: the table is as wide as the page */
  width: string;
  render: (row: FleetRow) => ReactNode;
}

const scoreSource = (row: FleetRow) =>
  `Last scan: area scores weighted by area, ruleset ${
    row.rulesetVersion
  }; ${formatPercent(row.coverage ?? 0)} of applicable checks could be judged`;

const ScoreCell = ({ row }: { row: FleetRow }) => {
  if (row.scannedAt === null) return <>–</>;
  return (
    <div>
      <LazyTooltip title={scoreSource(row)}>
        <span>
          {row.score === null ? 'not graded' : formatScore(row.score)}
        </span>
      </LazyTooltip>
      <ScoreTrend
        score={row.score}
        rulesetVersion={row.rulesetVersion}
        previous={row.previous}
      />
      <ScoreSparkline cluster={row.name} />
    </div>
  );
};

/** The fleet table's columns, left to right; each sorts with its comparator in sorting.ts. */
export const FLEET_COLUMNS: FleetColumn[] = [
  {
    key: 'name',
    title: 'Cluster',
    width: '15%',
    render: row => <ClusterNameCell row={row} />,
  },
  {
    key: 'grade',
    title: 'Grade',
    width: '7%',
    render: row => (
      <GradeBadge
        grade={row.grade}
        score={row.score}
        coverage={row.coverage ?? undefined}
        testId={`fleet-grade-${row.name}`}
      />
    ),
  },
  {
    key: 'score',
    title: 'Score',
    width: '12%',
    render: row => <ScoreCell row={row} />,
  },
  { key: 'cni', title: 'CNI', width: '7%', render: row => row.cni || '–' },
  { key: 'mesh', title: 'Mesh', width: '8%', render: row => row.mesh || '–' },
  {
    key: 'lifecycle',
    title: 'Lifecycle',
    width: '9%',
    render: row => row.lifecycle || '–',
  },
  {
    key: 'owner',
    title: 'Owner',
    width: '12%',
    render: row => <OwnerCell owner={row.owner} />,
  },
  {
    key: 'antiPatterns',
    title: 'Anti-patterns',
    width: '10%',
    render: row => (
      <CountCell
        count={row.antiPatterns}
        unit="detected"
        source="Anti-patterns detected in the last scan and not acknowledged"
      />
    ),
  },
  {
    key: 'blockers',
    title: 'Blockers',
    width: '8%',
    render: row => (
      <CountCell
        count={row.blockers}
        unit={row.blockers === 1 ? 'blocker' : 'blockers'}
        source="Blockers summed over the migration-readiness items of the last scan"
      />
    ),
  },
  {
    key: 'scannedAt',
    title: 'Last scan',
    width: '12%',
    render: row => <LastScanCell row={row} />,
  },
];
