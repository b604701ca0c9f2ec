import { useState } from 'react';
import { Box, Button, Tooltip, Typography } from '@material-ui/core';
import { EntityClusterReport } from '@network-scorecard/common';
import { CheckItem, EvidenceList } from '../CheckItem';
import { GradeBadge } from '../GradeBadge';
import { ClusterNotices } from '../ClusterNotices';
import { NamespaceFindings } from './NamespaceFindings';
import { ReportLinks } from '../ReportLinks';
import { ScanTime } from '../ScanTime';
import { StatusLabel } from '../StatusLabel';
import { formatPercent, formatScore, plural } from '../../utils/format';
import { needsAttention, sortChecksBySeverity } from '../../utils/status';
import { trafficWindow } from '../../utils/links';

const MAX_SHOWN = 5;

function moreLabel(hidden: number, needingAttention: number): string {
  const passing = hidden - needingAttention;
  const parts = [
    needingAttention > 0 ? `${needingAttention} more to look at` : '',
    passing > 0 ? `${passing} passing or not applicable` : '',
  ].filter(Boolean);
  return `Show ${plural(hidden, 'more check')} (${parts.join(', ')})`;
}

/**
 * One cluster in the entity card: grade, what concerns the service's own
 * namespace (when it has one), what needs attention, detected anti-patterns,
 * links.
 */
export const ClusterCardSection = ({ item }: { item: EntityClusterReport }) => {
  const { cluster, report, namespace } = item;
  const [showAll, setShowAll] = useState(false);
  const checks = report ? sortChecksBySeverity(report.checks) : [];
  // a card shows the top recommendations; the rest is one click away
  const attention = checks.filter(needsAttention);
  const shown = attention.slice(0, MAX_SHOWN);
  const hidden = checks.slice(shown.length);
  const hiddenAttention = attention.length - shown.length;
  const detected =
    report?.antiPatterns.filter(ap => ap.status === 'detected') ?? [];

  return (
    <Box mb={2} data-testid={`cluster-${cluster.name}`}>
      <Box display="flex" alignItems="center" style={{ gap: 16 }}>
        <GradeBadge
          grade={report?.grade ?? null}
          score={report?.score}
          coverage={report?.coverage}
          size="large"
          testId={`grade-${cluster.name}`}
        />
        <Box>
          <Typography variant="h6">{cluster.title || cluster.name}</Typography>
          {report ? (
            <Typography variant="body2" color="textSecondary" component="div">
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
              {' · '}
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
        </Box>
      </Box>
      <ClusterNotices cluster={cluster} report={report} spacing={1} />
      {report && (
        <>
          {namespace && (
            <NamespaceFindings report={report} namespace={namespace} />
          )}
          {shown.map(check => (
            <CheckItem key={check.id} check={check} />
          ))}
          {hidden.length > 0 && (
            <Button size="small" onClick={() => setShowAll(!showAll)}>
              {showAll
                ? 'Show fewer checks'
                : moreLabel(hidden.length, hiddenAttention)}
            </Button>
          )}
          {showAll &&
            hidden.map(check => <CheckItem key={check.id} check={check} />)}
          {detected.length > 0 && (
            <Box mt={1}>
              <Typography variant="subtitle2">
                Anti-patterns detected
              </Typography>
              {detected.map(ap => (
                <Box key={ap.id} py={0.5}>
                  <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                    <StatusLabel
                      status={ap.acknowledged ? 'acknowledged' : 'detected'}
                    />
                    <Typography variant="body2">{ap.title}</Typography>
                  </Box>
                  <Typography variant="caption" color="textSecondary">
                    {ap.lesson}
                  </Typography>
                  <EvidenceList evidence={ap.evidence} />
                </Box>
              ))}
            </Box>
          )}
          <Box mt={1}>
            <ReportLinks
              links={report.links}
              namespace={namespace}
              hubble={!namespace}
              window={trafficWindow(report)}
            />
          </Box>
        </>
      )}
    </Box>
  );
};
