import { Link } from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';
import { ReportLink } from '@network-scorecard/common';
import { HubbleLink } from './HubbleLink';
import { grafanaUrl } from '../../utils/links';

export interface ReportLinksProps {
  links: ReportLink[];
  /** the entity's namespace on the cluster; Hubble UI is filtered to it */
  namespace: string | null;
  /** false when the Hubble link is shown elsewhere (the namespace findings of a service's card) */
  hubble?: boolean;
  /** the window of the report's traffic evidence: dashboards open on it */
  window?: string | null;
}

/** Deep links from a report: Hubble UI (filtered to the namespace) and the Grafana dashboards. */
export const ReportLinks = ({
  links,
  namespace,
  hubble: showHubble = true,
  window = null,
}: ReportLinksProps) => {
  const hubble = showHubble
    ? links.find(link => link.kind === 'hubble-ui')
    : undefined;
  const grafana = links.filter(link => link.kind === 'grafana');
  if (!hubble && grafana.length === 0) return null;
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 12 }}>
      {hubble && <HubbleLink link={hubble} namespace={namespace} />}
      {grafana.length > 0 && (
        <Typography variant="body2" component="span" color="textSecondary">
          Grafana:
        </Typography>
      )}
      {grafana.map(link => (
        <Link key={link.url} to={grafanaUrl(link.url, window)} externalLinkIcon>
          {link.title}
        </Link>
      ))}
    </Box>
  );
};
