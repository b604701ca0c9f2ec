import { InfoCard } from '@backstage/core-components';
import { Box, Grid, Tooltip, Typography } from '@material-ui/core';
import { EntityClusterReport } from '@network-scorecard/common';
import { AntiPatternChecklist } from '../AntiPatternChecklist';
import { AreaScores } from '../AreaScores';
import { ChecksByArea } from '../ChecksByArea';
import { GradeBadge } from '../GradeBadge';
import { ClusterNotices } from '../ClusterNotices';
import { ReadinessList } from '../ReadinessList';
import { ReportLinks } from '../ReportLinks';
import { ScanButton } from '../ScanButton';
import { ScanTime } from '../ScanTime';
import { trafficWindow } from '../../utils/links';
import { ScoreHistoryChart } from '../ScoreHistoryChart';
import { formatPercent, formatScore } from '../../utils/format';

export interface ClusterReportPanelProps {
  item: EntityClusterReport;
  /** called after a scan so the caller reloads the report */
  onScanned(): void;
}

/** Everything about one cluster: areas, checks, anti-patterns, readiness, history, links. */
export const ClusterReportPanel = ({
  item,
  onScanned,
}: ClusterReportPanelProps) => {
  const { cluster, report, namespace } = item;
  return (
    <Grid container spacing={3} data-testid={`cluster-report-${cluster.name}`}>
      <Grid item xs={12}>
        <InfoCard>
          <Box
            display="flex"
            alignItems="center"
            flexWrap="wrap"
            style={{ gap: 24 }}
          >
            <GradeBadge
              grade={report?.grade ?? null}
              score={report?.score}
              coverage={report?.coverage}
              size="large"
              testId={`grade-${cluster.name}`}
            />
            <Box flexGrow={1}>
              <Typography variant="h5">
                {cluster.title || cluster.name}
              </Typography>
              {report ? (
                <Typography
                  variant="body2"
                  color="textSecondary"
                  component="div"
                >
                  <Tooltip title="Area scores of the last scan, weighted by area">
                    <span>
                      {report.score === null
                        ? 'not graded'
                        : formatScore(report.score)}
                    </span>
                  </Tooltip>
                  {' · '}
                  <Tooltip title="Share of applicable checks whose status could be judged from what the scan read">
                    <span>{formatPercent(report.coverage)} coverage</span>
                  </Tooltip>
                  {` · ruleset ${report.rulesetVersion} · source ${report.source} · `}
                  <ScanTime
                    at={report.scannedAt}
                    source={report.source}
                    stale={cluster.stale}
                  />
                </Typography>
              ) : (
                <Typography variant="body2" color="textSecondary">
                  not scanned yet
                </Typography>
              )}
              {report && (
                <ReportLinks
                  links={report.links}
                  namespace={namespace}
                  window={trafficWindow(report)}
                />
              )}
            </Box>
            <ScanButton cluster={cluster.name} onScanned={onScanned} />
          </Box>
          <ClusterNotices cluster={cluster} report={report} spacing={2} />
        </InfoCard>
      </Grid>
      {report && (
        <>
          <Grid item xs={12} md={4}>
            <AreaScores areas={report.areas} checks={report.checks} />
          </Grid>
          <Grid item xs={12} md={8}>
            <ScoreHistoryChart
              cluster={cluster.name}
              refreshKey={report.scannedAt}
            />
          </Grid>
          <Grid item xs={12}>
            <ChecksByArea checks={report.checks} />
          </Grid>
          <Grid item xs={12} md={6}>
            <AntiPatternChecklist
              cluster={cluster.name}
              antiPatterns={report.antiPatterns}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <ReadinessList readiness={report.readiness} />
          </Grid>
        </>
      )}
    </Grid>
  );
};
