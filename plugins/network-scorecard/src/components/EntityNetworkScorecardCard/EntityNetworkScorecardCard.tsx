import { Fragment, ReactNode } from 'react';
import {
  InfoCard,
  InfoCardVariants,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { Divider } from '@material-ui/core';
import { useEntityReport } from '../../hooks/useEntityReport';
import { ClusterCardSection } from './ClusterCardSection';

/** @public */
export interface EntityNetworkScorecardCardProps {
  variant?: InfoCardVariants;
}

/**
 * Overview card: the grade and top recommendations of each cluster the
 * entity runs on. An entity whose Resources are none of them a known
 * cluster (a database, a bucket) gets no card at all: the tab says why.
 */
export const EntityNetworkScorecardCard = (
  props: EntityNetworkScorecardCardProps,
) => {
  const { value, loading, error } = useEntityReport();

  let body: ReactNode;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (loading || !value) {
    body = <Progress />;
  } else if (value.clusters.length === 0) {
    return null;
  } else {
    body = value.clusters.map((item, index) => (
      <Fragment key={item.cluster.name}>
        {index > 0 && <Divider />}
        <ClusterCardSection item={item} />
      </Fragment>
    ));
  }

  return (
    <div
      data-testid="network-scorecard-card"
      style={props.variant === 'gridItem' ? { height: '100%' } : undefined}
    >
      <InfoCard title="Network scorecard" variant={props.variant}>
        {body}
      </InfoCard>
    </div>
  );
};
