import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { ClusterSummary } from '@network-scorecard/common';
import { GradeBadge } from '../GradeBadge';
import { ScanTime } from '../ScanTime';
import { gradeRank } from '../../utils/grades';
import { ClusterTabLink, groupLabel } from './entityLinks';

/** Worst grade first, never scanned last; then by name. */
function byGrade(a: ClusterSummary, b: ClusterSummary): number {
  const rank = (c: ClusterSummary) =>
    c.lastScan ? -gradeRank(c.lastScan.grade) : 1;
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

/** The clusters a group owns, itself or through its sub-groups, each with its grade and a link to its Network tab. */
export const OwnedClusters = ({
  clusters,
  groupTitle,
}: {
  clusters: ClusterSummary[];
  groupTitle: string;
}) => {
  if (clusters.length === 0) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="group-owns-no-cluster"
      >
        {groupTitle} owns no cluster the scorecard knows, neither itself nor
        through a sub-group (a cluster counts when its catalog entity has
        spec.owner set to one of them).
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={`Clusters owned by ${groupTitle}`}>
      <TableHead>
        <TableRow>
          <TableCell>Grade</TableCell>
          <TableCell>Cluster</TableCell>
          <TableCell>Owner</TableCell>
          <TableCell>Last scan</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...clusters].sort(byGrade).map(cluster => (
          <TableRow key={cluster.name}>
            <TableCell>
              <GradeBadge
                grade={cluster.lastScan?.grade ?? null}
                score={cluster.lastScan?.score}
                coverage={cluster.lastScan?.coverage}
                testId={`group-cluster-grade-${cluster.name}`}
              />
            </TableCell>
            <TableCell>
              <ClusterTabLink cluster={cluster} />
            </TableCell>
            <TableCell>{groupLabel(cluster.owner)}</TableCell>
            <TableCell>
              <ScanTime
                at={cluster.lastScan?.scannedAt ?? null}
                source={cluster.source}
                stale={cluster.stale}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
