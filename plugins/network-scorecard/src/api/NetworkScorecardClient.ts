import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
import { HistoryRange, NetworkScorecardApi } from './NetworkScorecardApi';

/** `?a=1&b=2` of the defined values, or nothing. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

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
    options: HistoryRange & { limit?: number } = {},
  ): Promise<ClusterHistoryResponse> {
    return this.request(
      `/clusters/${encodeURIComponent(cluster)}/history${query({
        from: options.from,
        to: options.to,
        limit: options.limit,
      })}`,
    );
  }

  getFleetHistory(
    options: HistoryRange & { bucket?: 'day' | 'week' } = {},
  ): Promise<FleetHistoryResponse> {
    return this.request(
      `/fleet/history${query({
        from: options.from,
        to: options.to,
        bucket: options.bucket,
      })}`,
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

  listAcknowledgements(cluster: string): Promise<AcknowledgementListResponse> {
    return this.request(
      `/clusters/${encodeURIComponent(cluster)}/acknowledgements`,
    );
  }

  withdrawAcknowledgement(
    cluster: string,
    antiPatternId: string,
  ): Promise<AcknowledgementWithdrawalResponse> {
    return this.request(
      `/clusters/${encodeURIComponent(
        cluster,
      )}/acknowledgements/${encodeURIComponent(antiPatternId)}`,
      { method: 'DELETE' },
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
