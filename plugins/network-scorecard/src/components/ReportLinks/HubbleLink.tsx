import { Link } from '@backstage/core-components';
import { Tooltip } from '@material-ui/core';
import { ReportLink } from '@network-scorecard/common';
import { hubbleNamespaceUrl } from '../../utils/links';

/** Hubble UI of a cluster, filtered to the namespace when there is one (and to dropped flows when asked). */
export const HubbleLink = ({
  link,
  namespace,
  dropped = false,
}: {
  link: ReportLink;
  namespace: string | null;
  dropped?: boolean;
}) => (
  <Tooltip
    title={
      namespace
        ? `Hubble UI of this cluster, showing ${
            dropped ? 'dropped ' : ''
          }flows of namespace ${namespace}`
        : 'Hubble UI of this cluster'
    }
  >
    <span>
      <Link
        to={hubbleNamespaceUrl(
          link.url,
          namespace,
          dropped ? 'DROPPED' : undefined,
        )}
        externalLinkIcon
      >
        {namespace
          ? `Hubble UI (${namespace}${dropped ? ', dropped' : ''})`
          : 'Hubble UI'}
      </Link>
    </span>
  </Tooltip>
);
