import {
  ClusterHistoryResponse,
  ClusterReport,
  HistoryPoint,
} from '@network-scorecard/common';
import { NetworkScorecardApi } from '../api';
import { backendError } from './errors';
import { fleetSummaryOf, reports, summaries } from './reports';

/** A month of daily scans ending with the report, with one ruleset change in the middle. */
export function historyOf(
  report: ClusterReport,
  days = 30,
): ClusterHistoryResponse {
  const end = Date.parse(report.scannedAt);
  const items: HistoryPoint[] = [];
  for (let day = 0; day < days; day++) {
    const score =
      report.score === null
        ? null
        : Math.max(0, report.score - (days - 1 - day));
    items.push({
      scannedAt: new Date(
        end - (days - 1 - day) * 24 * 3600 * 1000,
      ).toISOString(),
      rulesetVersion: day < days / 2 ? '2026.10.0' : report.rulesetVersion,
      status: report.status,
      score,
      grade: day === days - 1 ? report.grade : '?',
      coverage: report.coverage,
      readiness: report.readiness.map(r => ({ id: r.id, status: r.status })),
      antiPatterns: report.antiPatterns.map(a => ({
        id: a.id,
        status: a.status,
      })),
    });
  }
  const ordered = items.reverse();
  return {
    cluster: report.cluster,
    from: ordered[0]?.scannedAt ?? report.scannedAt,
    to: report.scannedAt,
    total: ordered.length,
    items: ordered,
  };
}

/** A fake backend over the fixture reports; pass overrides for the case under test. */
export function fakeNetworkScorecardApi(
  overrides: Partial<NetworkScorecardApi> = {},
): jest.Mocked<NetworkScorecardApi> {
  const known = async (name: string) => {
    const report = reports[name];
    if (!report)
      throw await backendError(
        404,
        'NotFoundError',
        `No cluster named ${name}`,
      );
    return report;
  };
  const items = Object.values(summaries);
  return {
    listClusters: jest.fn(async () => ({ items })),
    getFleetSummary: jest.fn(async () => fleetSummaryOf(items)),
    getClusterReport: jest.fn(known),
    getClusterHistory: jest.fn(async (name: string) =>
      historyOf(await known(name)),
    ),
    getEntityReport: jest.fn(async (entityRef: string) => ({
      entityRef,
      clusters: [],
    })),
    scanCluster: jest.fn(known),
    acknowledgeAntiPattern: jest.fn(async (cluster, request) => ({
      cluster,
      antiPatternId: request.antiPatternId,
      acknowledgement: {
        by: 'user:default/guest',
        reason: request.reason,
        at: new Date().toISOString(),
        expiresAt: request.expiresAt,
      },
    })),
    ...overrides,
  } as jest.Mocked<NetworkScorecardApi>;
}
