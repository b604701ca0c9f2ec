import {
  ClusterHistoryResponse,
  ClusterReport,
  FleetHistoryResponse,
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
  // oldest first, as the backend answers
  const ordered = items;
  return {
    cluster: report.cluster,
    from: ordered[0]?.scannedAt ?? report.scannedAt,
    to: report.scannedAt,
    total: ordered.length,
    items: ordered,
  };
}

/** Eight weekly buckets ending with the fixture reports: the fleet as the backend would count it. */
export function fleetHistoryOf(all: ClusterReport[]): FleetHistoryResponse {
  const end = Math.max(...all.map(r => Date.parse(r.scannedAt)));
  const buckets = Array.from({ length: 8 }, (_, week) => {
    const byGrade: Record<string, number> = {};
    const readiness: Record<string, Record<string, number>> = {};
    const antiPatternsDetected: Record<string, number> = {};
    for (const report of all) {
      byGrade[report.grade] = (byGrade[report.grade] ?? 0) + 1;
      for (const item of report.readiness) {
        readiness[item.id] ??= {};
        readiness[item.id][item.status] =
          (readiness[item.id][item.status] ?? 0) + 1;
      }
      for (const ap of report.antiPatterns)
        if (ap.status === 'detected')
          antiPatternsDetected[ap.id] = (antiPatternsDetected[ap.id] ?? 0) + 1;
    }
    return {
      start: new Date(end - (7 - week) * 7 * 86_400_000).toISOString(),
      clusters: all.length,
      byGrade,
      readiness,
      antiPatternsDetected,
    };
  });
  return {
    from: buckets[0].start,
    to: new Date(end).toISOString(),
    bucket: 'week',
    buckets,
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
    getFleetHistory: jest.fn(async () =>
      fleetHistoryOf(Object.values(reports)),
    ),
    listAcknowledgements: jest.fn(async cluster => ({ cluster, items: [] })),
    withdrawAcknowledgement: jest.fn(async (cluster, antiPatternId) => ({
      cluster,
      antiPatternId,
      withdrawn: 1,
    })),
    ...overrides,
  } as jest.Mocked<NetworkScorecardApi>;
}
