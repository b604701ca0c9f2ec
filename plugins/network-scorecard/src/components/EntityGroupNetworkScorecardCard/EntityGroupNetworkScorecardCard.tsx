import {
  InfoCard,
  InfoCardVariants,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, useEntity } from '@backstage/plugin-catalog-react';
import { Box, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { networkScorecardApiRef } from '../../api';
import { loadGroupScorecard } from './loadGroupScorecard';
import { OwnedClusters } from './OwnedClusters';
import { ServiceProblems } from './ServiceProblems';

/** @public */
export interface EntityGroupNetworkScorecardCardProps {
  variant?: InfoCardVariants;
}

/**
 * Group page card: the clusters the group owns (through its sub-groups too)
 * with their grades, and the group's services whose clusters have failing
 * checks or readiness blockers, one sentence per problem.
 */
export const EntityGroupNetworkScorecardCard = (
  props: EntityGroupNetworkScorecardCardProps,
) => {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const api = useApi(networkScorecardApiRef);
  const { value, loading, error } = useAsync(
    () => loadGroupScorecard(entity, catalogApi, api),
    [entity, catalogApi, api],
  );
  const title = entity.metadata.title ?? entity.metadata.name;

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (loading || !value) {
    body = <Progress />;
  } else {
    body = (
      <>
        <Typography variant="h6" component="h3" gutterBottom>
          Clusters owned by {title} and its sub-groups (
          {value.ownedClusters.length})
        </Typography>
        <OwnedClusters clusters={value.ownedClusters} groupTitle={title} />
        <Box mt={3}>
          <Typography variant="h6" component="h3" gutterBottom>
            Services on clusters with problems
          </Typography>
          <ServiceProblems data={value} groupTitle={title} />
        </Box>
      </>
    );
  }

  return (
    <div
      data-testid="network-scorecard-group-card"
      style={props.variant === 'gridItem' ? { height: '100%' } : undefined}
    >
      <InfoCard title="Network scorecard" variant={props.variant}>
        {body}
      </InfoCard>
    </div>
  );
};
