import { Link } from '@backstage/core-components';
import { Box, Tooltip, Typography } from '@material-ui/core';
import { ReportLink } from '@network-scorecard/common';
import { hubbleNamespaceUrl } from '../../utils/links';

export interface ReportLinksProps {
  links: ReportLink[];
  /** the entity's namespace on the cluster; Hubble UI is filtered to it */
  namespace: string | null;
}

/** Deep links from a report: Hubble UI (filtered to the namespace) and the Grafana dashboards. */
export const ReportLinks = ({ links, namespace }: ReportLinksProps) => {
  const hubble = links.find(link => link.kind === 'hubble-ui');
  const grafana = links.filter(link => link.kind === 'grafana');
  if (!hubble && grafana.length === 0) return null;
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 12 }}>
      {hubble && (
        <Tooltip
          title={
            namespace
              ? `Hubble UI of this cluster, showing flows of namespace ${namespace}`
              : 'Hubble UI of this cluster'
          }
        >
          <span>
            <Link
              to={hubbleNamespaceUrl(hubble.url, namespace)}
              externalLinkIcon
            >
              {namespace ? `Hubble UI (${namespace})` : 'Hubble UI'}
            </Link>
          </span>
        </Tooltip>
      )}
      {grafana.length > 0 && (
        <Typography variant="body2" component="span" color="textSecondary">
          Grafana:
        </Typography>
      )}
      {grafana.map(link => (
        <Link key={link.url} to={link.url} externalLinkIcon>
          {link.title}
        </Link>
      ))}
    </Box>
  );
};
