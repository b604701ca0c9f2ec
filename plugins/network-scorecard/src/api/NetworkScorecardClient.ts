import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AcknowledgementRequest,
  AcknowledgementResponse,
  ClusterHistoryResponse,
  ClusterListResponse,
  ClusterReport,
  EntityReportResponse,
  FleetSummary,
} from '@network-scorecard/common';
import { NetworkScorecardApi } from './NetworkScorecardApi';

/**
 * Talks to the `network-scorecard` backend plugin through Backstage's
 * discovery and (authenticated) fetch APIs.
 * @public
 */
export class NetworkScorecardClient implements NetworkScorecardApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listClusters(): Promise<ClusterListResponse> {
    return this.request('/clusters');
  }

  getClusterReport(cluster: string): Promise<ClusterReport> {
    return this.request(`/clusters/${encodeURIComponent(cluster)}`);
  }

  getClusterHistory(
    cluster: string,
    options?: { limit?: number },
  ): Promise<ClusterHistoryResponse> {
    const query = options?.limit !== undefined ? `?limit=${options.limit}` : '';
    return this.request(
      `/clusters/${encodeURIComponent(cluster)}/history${query}`,
    );
  }

  getEntityReport(entityRef: string): Promise<EntityReportResponse> {
    return this.request(`/entity?entityRef=${encodeURIComponent(entityRef)}`);
  }

  getFleetSummary(): Promise<FleetSummary> {
    return this.request('/fleet/summary');
  }

  scanCluster(cluster: string): Promise<ClusterReport> {
    return this.request(`/clusters/${encodeURIComponent(cluster)}/scan`, {
      method: 'POST',
    });
  }

  acknowledgeAntiPattern(
    cluster: string,
    request: AcknowledgementRequest,
  ): Promise<AcknowledgementResponse> {
    return this.request(
      `/clusters/${encodeURIComponent(cluster)}/acknowledgements`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('network-scorecard');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
