import { InfoCard } from '@backstage/core-components';
import { Box, Chip, Grid, Tooltip, Typography } from '@material-ui/core';
import { FleetSummary, Grade } from '@network-scorecard/common';
import { GradeBadge } from '../GradeBadge';
import { gradeRank } from '../../utils/grades';
import { plural } from '../../utils/format';

const SOURCE = 'latest scan of each cluster';

const Counts = ({
  counts,
  noun,
}: {
  counts: Record<string, number>;
  noun: string;
}) => {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        no scanned cluster yet
      </Typography>
    );
  }
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
      {entries.map(([name, count]) => (
        <Tooltip
          key={name}
          title={`${plural(count, 'cluster')} with ${noun} ${name} (${SOURCE})`}
        >
          <Chip size="small" label={`${name}: ${plural(count, 'cluster')}`} />
        </Tooltip>
      ))}
    </Box>
  );
};

/** Fleet-wide counts from `GET /fleet/summary`. */
export const FleetSummaryRow = ({ summary }: { summary: FleetSummary }) => {
  const grades = Object.entries(summary.byGrade).sort(
    (a, b) => gradeRank(a[0] as Grade) - gradeRank(b[0] as Grade),
  );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={3}>
        <InfoCard title="Clusters">
          <Tooltip title="Clusters known from Kubernetes config, the catalog and snapshots; scanned = at least one finished scan">
            <Typography variant="h4" component="p">
              {plural(summary.clusters, 'cluster')}
            </Typography>
          </Tooltip>
          <Typography variant="body2" color="textSecondary">
            {summary.scanned} scanned, {summary.clusters - summary.scanned} not
            scanned yet
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={3}>
        <InfoCard title="By grade">
          <Box display="flex" flexWrap="wrap" style={{ gap: 12 }}>
            {grades.map(([grade, count]) => (
              <Box
                key={grade}
                display="flex"
                alignItems="center"
                style={{ gap: 4 }}
              >
                <GradeBadge grade={grade as Grade} />
                <Tooltip
                  title={`${plural(
                    count,
                    'cluster',
                  )} graded ${grade} (${SOURCE})`}
                >
                  <Typography variant="body2">× {count}</Typography>
                </Tooltip>
              </Box>
            ))}
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={3}>
        <InfoCard title="By CNI">
          <Counts counts={summary.byCni} noun="CNI" />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={3}>
        <InfoCard title="By service mesh">
          <Counts counts={summary.byMesh} noun="mesh" />
        </InfoCard>
      </Grid>
    </Grid>
  );
};
