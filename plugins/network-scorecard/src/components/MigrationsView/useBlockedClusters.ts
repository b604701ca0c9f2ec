import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { ClusterSummary, ReadinessReport } from '@network-scorecard/common';
import { networkScorecardApiRef } from '../../api';
import { mapBounded } from './mapBounded';

/** Reports fetched at once; enough to be quick, few enough not to flood the backend on a large fleet. */
const PARALLEL_REPORTS = 4;

export interface BlockedCluster {
  cluster: ClusterSummary;
  /** the item as the cluster's latest report states it; null when the report could not be read */
  readiness: ReadinessReport | null;
  error?: Error;
}

/** Clusters whose last scan has `itemId` blocked, with that item of their latest report. */
export function useBlockedClusters(itemId: string | undefined) {
  const api = useApi(networkScorecardApiRef);
  return useAsync(async (): Promise<BlockedCluster[]> => {
    if (!itemId) return [];
    const { items } = await api.listClusters();
    const blocked = items.filter(
      cluster => cluster.lastScan?.readiness?.[itemId] === 'blocked',
    );
    const reports = await mapBounded(blocked, PARALLEL_REPORTS, cluster =>
      api.getClusterReport(cluster.name),
    );
    return blocked.map((cluster, index) => {
      const result = reports[index];
      if (result.status === 'rejected') {
        return { cluster, readiness: null, error: result.reason as Error };
      }
      const readiness =
        result.value.readiness.find(item => item.id === itemId) ?? null;
      return { cluster, readiness };
    });
  }, [api, itemId]);
}
