import { Box, Tooltip, Typography } from '@material-ui/core';
import { ClusterReport } from '@network-scorecard/common';
import { HubbleLink } from '../ReportLinks';
import { StatusLabel } from '../StatusLabel';
import { namespacePolicy, NamespacePolicy } from './namespacePolicy';
import { NamespaceDrops, namespaceDrops } from './namespaceDrops';

function dropsStatus(drops: NamespaceDrops): string {
  if (drops.status !== 'known') return 'unknown';
  return drops.perMinute > 0 ? 'warn' : 'pass';
}

const LABELS: Record<NamespacePolicy['status'], string> = {
  'default-deny': 'pass',
  selected: 'warn',
  'not-selected': 'fail',
  'not-enforced': 'fail',
  unknown: 'unknown',
};

/**
 * What concerns the service's own namespace on one cluster, shown before the
 * cluster's checks: Hubble UI filtered to it, and its network policy coverage.
 */
export const NamespaceFindings = ({
  report,
  namespace,
}: {
  report: ClusterReport;
  namespace: string;
}) => {
  const hubble = report.links.find(link => link.kind === 'hubble-ui');
  const policy = namespacePolicy(report, namespace);
  const drops = namespaceDrops(report, namespace);
  return (
    <Box
      mt={1}
      mb={1}
      p={1}
      border={1}
      borderColor="divider"
      borderRadius={4}
      data-testid={`namespace-findings-${report.cluster}`}
    >
      <Typography variant="subtitle2" component="h4">
        Namespace {namespace}
      </Typography>
      <Box
        display="flex"
        alignItems="center"
        style={{ gap: 8 }}
        data-testid="namespace-policy"
      >
        <StatusLabel status={LABELS[policy.status]} />
        <Tooltip
          title={
            policy.evidence.length
              ? `From the scan's policies fact: ${policy.evidence.join('; ')}`
              : "From the scan's policies fact"
          }
        >
          <Typography variant="body2">{policy.text}</Typography>
        </Tooltip>
      </Box>
      {drops.status !== 'not-connected' && (
        <Box
          display="flex"
          alignItems="center"
          style={{ gap: 8 }}
          mt={0.5}
          data-testid="namespace-drops"
        >
          <StatusLabel status={dropsStatus(drops)} />
          <Typography variant="body2">{drops.text}</Typography>
          {hubble && drops.status === 'known' && drops.perMinute > 0 && (
            <HubbleLink link={hubble} namespace={namespace} dropped />
          )}
        </Box>
      )}
      <Box mt={0.5}>
        {hubble ? (
          <HubbleLink link={hubble} namespace={namespace} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            No Hubble UI link for this cluster
            (network-scorecard.io/hubble-ui-url on its catalog entity).
          </Typography>
        )}
      </Box>
    </Box>
  );
};
