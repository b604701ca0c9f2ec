import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  Acknowledgement,
  ClusterReport,
  ClusterScanSummary,
  ClusterSummary,
  HistoryPoint,
} from '@network-scorecard/common';
import { ClusterTarget } from '../clusters';

/** The headline figures of one report, for tables. */
export function scanSummary(
  report: ClusterReport,
  previous?: ClusterReport,
): ClusterScanSummary {
  return {
    scannedAt: report.scannedAt,
    rulesetVersion: report.rulesetVersion,
    status: report.status,
    score: report.score,
    grade: report.grade,
    coverage: report.coverage,
    cni: report.facts.cni?.value ?? null,
    mesh: report.facts.mesh?.value ?? null,
    antiPatternsDetected: report.antiPatterns.filter(
      ap => ap.status === 'detected' && !ap.acknowledged,
    ).length,
    blockers: report.readiness.reduce(
      (sum, item) => sum + item.blockers.length,
      0,
    ),
    previous: previous
      ? {
          scannedAt: previous.scannedAt,
          score: previous.score,
          grade: previous.grade,
          rulesetVersion: previous.rulesetVersion,
        }
      : null,
  };
}

/** One fleet row: the cluster, what the catalog says of it, and its last scan. */
export function clusterSummary(
  target: Pick<ClusterTarget, 'name' | 'source'>,
  entity: Entity | undefined,
  report: ClusterReport | undefined,
  lastError: { at: string; message: string } | undefined,
  previous?: ClusterReport,
): ClusterSummary {
  return {
    name: target.name,
    title: entity?.metadata.title ?? target.name,
    source: target.source,
    entityRef: entity ? stringifyEntityRef(entity) : null,
    lifecycle:
      typeof entity?.spec?.lifecycle === 'string'
        ? entity.spec.lifecycle
        : null,
    owner: typeof entity?.spec?.owner === 'string' ? entity.spec.owner : null,
    configErrors:
      report?.errors.filter(e => e.fact === 'catalog').map(e => e.reason) ?? [],
    lastScan: report ? scanSummary(report, previous) : null,
    lastError: lastError ?? null,
  };
}

/** One point of a cluster's history. */
export function historyPoint(report: ClusterReport): HistoryPoint {
  return {
    scannedAt: report.scannedAt,
    rulesetVersion: report.rulesetVersion,
    status: report.status,
    score: report.score,
    grade: report.grade,
    coverage: report.coverage,
    readiness: report.readiness.map(({ id, status }) => ({ id, status })),
    antiPatterns: report.antiPatterns.map(({ id, status }) => ({ id, status })),
  };
}

/** Applies the acknowledgements in force now to a stored report. */
export function withAcknowledgements(
  report: ClusterReport,
  acknowledgements: Record<string, Acknowledgement>,
): ClusterReport {
  return {
    ...report,
    antiPatterns: report.antiPatterns.map(ap => ({
      ...ap,
      acknowledged:
        ap.status === 'detected' ? acknowledgements[ap.id] ?? null : null,
    })),
  };
}
