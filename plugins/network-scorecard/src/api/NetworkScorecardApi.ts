import { createApiRef } from '@backstage/core-plugin-api';
import {
  AcknowledgementRequest,
  AcknowledgementResponse,
  ClusterHistoryResponse,
  ClusterListResponse,
  ClusterReport,
  EntityReportResponse,
  FleetSummary,
} from '@network-scorecard/common';

/**
 * The Network Scorecard backend, as the frontend sees it. Every method
 * rejects with a `ResponseError` when the backend answers with an error.
 * @public
 */
export interface NetworkScorecardApi {
  /** every known cluster with a summary of its last scan */
  listClusters(): Promise<ClusterListResponse>;
  /** the latest report of one cluster */
  getClusterReport(cluster: string): Promise<ClusterReport>;
  /** past scans of one cluster, newest first as the backend returns them */
  getClusterHistory(
    cluster: string,
    options?: { limit?: number },
  ): Promise<ClusterHistoryResponse>;
  /** the clusters a catalog entity runs on (or the cluster itself) with their latest reports */
  getEntityReport(entityRef: string): Promise<EntityReportResponse>;
  /** counts across the fleet */
  getFleetSummary(): Promise<FleetSummary>;
  /** scans one cluster now and returns the new report */
  scanCluster(cluster: string): Promise<ClusterReport>;
  /** acknowledges a detected anti-pattern on one cluster until an expiry date */
  acknowledgeAntiPattern(
    cluster: string,
    request: AcknowledgementRequest,
  ): Promise<AcknowledgementResponse>;
}

/** @public */
export const networkScorecardApiRef = createApiRef<NetworkScorecardApi>({
  id: 'plugin.network-scorecard.service',
});
