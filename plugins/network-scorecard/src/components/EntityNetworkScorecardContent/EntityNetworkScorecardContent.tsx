import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Box } from '@material-ui/core';
import { useEntityReport } from '../../hooks/useEntityReport';
import { NoClusterRelated } from '../NoClusterRelated';
import { ClusterReportPanel } from './ClusterReportPanel';

/** Entity tab: the full report of every cluster the entity runs on. */
export const EntityNetworkScorecardContent = () => {
  const { value, loading, error, retry } = useEntityReport();
  if (error) return <ResponseErrorPanel error={error} />;
  // keep showing the old report while a scan reloads it
  if (loading && !value) return <Progress />;
  if (!value) return null;
  if (value.clusters.length === 0) return <NoClusterRelated />;
  return (
    <Box data-testid="network-scorecard-content">
      {value.clusters.map(item => (
        <Box key={item.cluster.name} mb={4}>
          <ClusterReportPanel item={item} onScanned={retry} />
        </Box>
      ))}
    </Box>
  );
};
