import { memo } from 'react';
import { InfoCard } from '@backstage/core-components';
import { Box, Chip, makeStyles, Tooltip, Typography } from '@material-ui/core';
import { FleetSummary, Grade } from '@network-scorecard/common';
import { GradeBadge } from '../GradeBadge';
import { gradeRank } from '../../utils/grades';
import { plural } from '../../utils/format';

const SOURCE = 'latest scan of each cluster';

const useStyles = makeStyles(theme => ({
  // as many tiles per line as fit, the rest wrap: never wider than the page
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: theme.spacing(3),
    '& > *': { minWidth: 0 },
  },
}));

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

const SummaryTiles = ({ summary }: { summary: FleetSummary }) => {
  const classes = useStyles();
  const grades = Object.entries(summary.byGrade).sort(
    (a, b) => gradeRank(a[0] as Grade) - gradeRank(b[0] as Grade),
  );
  return (
    <div className={classes.tiles}>
      <div>
        <InfoCard title="Clusters" variant="gridItem">
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
      </div>
      <div>
        <InfoCard title="By grade" variant="gridItem">
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
      </div>
      <div>
        <InfoCard title="By CNI" variant="gridItem">
          <Counts counts={summary.byCni} noun="CNI" />
        </InfoCard>
      </div>
      <div>
        <InfoCard title="By service mesh" variant="gridItem">
          <Counts counts={summary.byMesh} noun="mesh" />
        </InfoCard>
      </div>
    </div>
  );
};

/** Fleet-wide counts from `GET /fleet/summary`; unchanged by the page's filters, so memoised. */
export const FleetSummaryRow = memo(SummaryTiles);
