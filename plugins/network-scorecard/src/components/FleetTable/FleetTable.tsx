import { useMemo } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import { Tooltip } from '@material-ui/core';
import { ClusterSummary } from '@network-scorecard/common';
import { GradeBadge } from '../GradeBadge';
import { formatPercent, formatScore } from '../../utils/format';
import { ClusterNameCell, CountCell, LastScanCell, OwnerCell } from './cells';
import { compareNullable, FleetRow, toFleetRow } from './rows';
import { ScoreTrend } from './ScoreTrend';

const scoreSource = (row: FleetRow) =>
  `Last scan: area scores weighted by area, ruleset ${
    row.rulesetVersion
  }; ${formatPercent(row.coverage ?? 0)} of applicable checks could be judged`;

const columns: TableColumn<FleetRow>[] = [
  {
    title: 'Cluster',
    field: 'name',
    highlight: true,
    render: row => <ClusterNameCell row={row} />,
  },
  {
    title: 'Grade',
    field: 'gradeRank',
    customSort: (a, b) => a.gradeRank - b.gradeRank,
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
    title: 'Score',
    field: 'score',
    customSort: (a, b) => compareNullable(a.score, b.score),
    render: row =>
      row.scannedAt === null ? (
        '–'
      ) : (
        <>
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
        </>
      ),
  },
  { title: 'CNI', field: 'cni', render: row => row.cni || '–' },
  { title: 'Mesh', field: 'mesh', render: row => row.mesh || '–' },
  {
    title: 'Lifecycle',
    field: 'lifecycle',
    render: row => row.lifecycle || '–',
  },
  {
    title: 'Owner',
    field: 'owner',
    customSort: (a, b) => compareNullable(a.owner, b.owner),
    render: row => <OwnerCell owner={row.owner} />,
  },
  {
    title: 'Anti-patterns',
    field: 'antiPatterns',
    customSort: (a, b) => compareNullable(a.antiPatterns, b.antiPatterns),
    render: row => (
      <CountCell
        count={row.antiPatterns}
        unit="detected"
        source="Anti-patterns detected in the last scan and not acknowledged"
      />
    ),
  },
  {
    title: 'Blockers',
    field: 'blockers',
    customSort: (a, b) => compareNullable(a.blockers, b.blockers),
    render: row => (
      <CountCell
        count={row.blockers}
        unit={row.blockers === 1 ? 'blocker' : 'blockers'}
        source="Blockers summed over the migration-readiness items of the last scan"
      />
    ),
  },
  {
    title: 'Last scan',
    field: 'scannedAt',
    customSort: (a, b) => compareNullable(a.scannedAt, b.scannedAt),
    render: row => <LastScanCell row={row} />,
  },
];

/** Every cluster of the fleet side by side, sortable. */
export const FleetTable = ({ clusters }: { clusters: ClusterSummary[] }) => {
  const rows = useMemo(() => clusters.map(toFleetRow), [clusters]);
  return (
    <Table<FleetRow>
      title={`Clusters (${rows.length})`}
      options={{
        paging: rows.length > 50,
        pageSize: 50,
        search: true,
        padding: 'dense',
      }}
      columns={columns}
      data={rows}
    />
  );
};
