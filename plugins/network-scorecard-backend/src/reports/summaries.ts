import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  Acknowledgement,
  ClusterReport,
  ClusterSummary,
  HistoryPoint,
  summarizeScan,
} from '@network-scorecard/common';
import { ClusterTarget } from '../clusters';

/** One fleet row: the cluster, what the catalog says of it, and its last scan. */
export function clusterSummary(
  target: ClusterTarget,
  entity: Entity | undefined,
  report: ClusterReport | undefined,
  lastError: { at: string; message: string } | undefined,
  previous?: ClusterReport,
): ClusterSummary {
  return {
    name: target.name,
    // the catalog's title, else the Kubernetes plugin's cluster title from config
    title:
      entity?.metadata.title ??
      ('cluster' in target ? target.cluster.title : undefined) ??
      target.name,
    source: target.source,
    entityRef: entity ? stringifyEntityRef(entity) : null,
    lifecycle:
      typeof entity?.spec?.lifecycle === 'string'
        ? entity.spec.lifecycle
        : null,
    owner: typeof entity?.spec?.owner === 'string' ? entity.spec.owner : null,
    configErrors:
      report?.errors.filter(e => e.fact === 'catalog').map(e => e.reason) ?? [],
    lastScan: report ? summarizeScan(report, previous) : null,
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
