import { Link } from '@backstage/core-components';
import { Tooltip } from '@material-ui/core';
import { ReportLink } from '@network-scorecard/common';
import { hubbleNamespaceUrl } from '../../utils/links';

/** Hubble UI of a cluster, filtered to the namespace when there is one. */
export const HubbleLink = ({
  link,
  namespace,
}: {
  link: ReportLink;
  namespace: string | null;
}) => (
  <Tooltip
    title={
      namespace
        ? `Hubble UI of this cluster, showing flows of namespace ${namespace}`
        : 'Hubble UI of this cluster'
    }
  >
    <span>
      <Link to={hubbleNamespaceUrl(link.url, namespace)} externalLinkIcon>
        {namespace ? `Hubble UI (${namespace})` : 'Hubble UI'}
      </Link>
    </span>
  </Tooltip>
);
