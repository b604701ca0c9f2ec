import { createApiRef } from '@backstage/core-plugin-api';
import {
  AcknowledgementListResponse,
  AcknowledgementRequest,
  AcknowledgementResponse,
  AcknowledgementWithdrawalResponse,
  ClusterHistoryResponse,
  ClusterListResponse,
  ClusterReport,
  EntityReportResponse,
  FleetHistoryResponse,
  FleetSummary,
} from '@network-scorecard/common';

/** A time range of history; ISO 8601 bounds, both optional. @public */
export interface HistoryRange {
  from?: string;
  to?: string;
}

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
  /** past scans of one cluster in a range, oldest first, at most 500 points (every change kept); `limit` keeps the newest N */
  getClusterHistory(
    cluster: string,
    options?: HistoryRange & { limit?: number },
  ): Promise<ClusterHistoryResponse>;
  /** the fleet per day or week: clusters by grade, readiness counts, detected anti-patterns */
  getFleetHistory(
    options?: HistoryRange & { bucket?: 'day' | 'week' },
  ): Promise<FleetHistoryResponse>;
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
  /** the acknowledgement audit trail of one cluster, newest first */
  listAcknowledgements(cluster: string): Promise<AcknowledgementListResponse>;
  /** withdraws the standing acknowledgement of an anti-pattern */
  withdrawAcknowledgement(
    cluster: string,
    antiPatternId: string,
  ): Promise<AcknowledgementWithdrawalResponse>;
}

/** @public */
export const networkScorecardApiRef = createApiRef<NetworkScorecardApi>({
  id: 'plugin.network-scorecard.service',
});
