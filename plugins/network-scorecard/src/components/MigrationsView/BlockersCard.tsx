import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';
import { BlockedClustersTable } from './BlockedClustersTable';
import { BlockerRanking } from './BlockerRanking';
import { rankBlockers } from './rankBlockers';
import { useBlockedClusters } from './useBlockedClusters';

/** What blocks one readiness item across the fleet, from the clusters' latest reports. */
export const BlockersCard = ({ itemId }: { itemId: string }) => {
  const { value, loading, error } = useBlockedClusters(itemId);
  let body;
  if (error) body = <ResponseErrorPanel error={error} />;
  else if (loading || !value) body = <Progress />;
  else {
    const groups = rankBlockers(
      value.map(row => ({
        name: row.cluster.name,
        blockers: row.readiness?.blockers ?? [],
      })),
    );
    body = (
      <>
        <Typography variant="h6" component="h3">
          Blockers by clusters blocked
        </Typography>
        <BlockerRanking groups={groups} />
        <Box mt={3}>
          <Typography variant="h6" component="h3">
            Blocked clusters
          </Typography>
          <BlockedClustersTable rows={value} />
        </Box>
      </>
    );
  }
  return (
    <InfoCard
      title="What blocks it"
      subheader="From the latest report of every cluster blocked on this item"
    >
      {body}
    </InfoCard>
  );
};
