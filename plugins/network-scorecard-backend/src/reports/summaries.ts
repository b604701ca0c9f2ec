import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  Acknowledgement,
  ClusterReport,
  ClusterScanSummary,
  ClusterSummary,
  HistoryPoint,
  summarizeScan,
} from '@network-scorecard/common';
import { ClusterTarget } from '../clusters';
import { LatestPoints, ScanAttempt, ScanPoint } from '../database';

/**
 * Whether a cluster's report may no longer say how it is: its newest
 * attempt failed, or no attempt was made for longer than the schedule
 * allows. The age of a dump is not staleness: a dump is dated by its
 * capture, not by when it was read.
 */
export function isStale(
  points: LatestPoints | undefined,
  attempt: ScanAttempt | undefined,
  now: Date,
  staleAfterMs: number | undefined,
): boolean {
  return now.getTime() >= staleFrom(points, attempt, staleAfterMs);
}

/**
 * The first moment (epoch ms) `isStale` is true if no further attempt is
 * made: -Infinity when it is already, Infinity when time alone never makes it.
 */
export function staleFrom(
  points: LatestPoints | undefined,
  attempt: ScanAttempt | undefined,
  staleAfterMs: number | undefined,
): number {
  if (!points || !attempt) return Infinity;
  if (!attempt.ok) return -Infinity;
  return staleAfterMs === undefined
    ? Infinity
    : attemptTime(attempt) + staleAfterMs + 1;
}

/** The store keeps an attempt's object while it reads the same. */
const attemptTimes = new WeakMap<ScanAttempt, number>();

function attemptTime(attempt: ScanAttempt): number {
  let time = attemptTimes.get(attempt);
  if (time === undefined) {
    time = Date.parse(attempt.at);
    attemptTimes.set(attempt, time);
  }
  return time;
}

/** One fleet row: the cluster, what the catalog says of it, its last scan and its last attempt. */
export function clusterSummary(
  target: ClusterTarget,
  entity: Entity | undefined,
  points: LatestPoints | undefined,
  attempt: ScanAttempt | undefined,
  acknowledgements: Record<string, Acknowledgement>,
  catalogErrors: string[],
  stale: boolean,
): ClusterSummary {
  const failed = attempt && !attempt.ok ? attempt : undefined;
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
    configErrors: catalogErrors,
    lastScan: points ? lastScanOf(points, Object.keys(acknowledgements)) : null,
    lastError: failed
      ? { at: failed.at, message: failed.message ?? 'the scan failed' }
      : null,
    stale,
  };
}

/**
 * The store keeps its latest points while no scan is stored, so a page load
 * after the first summarises only what changed.
 */
const lastScans = new WeakMap<
  LatestPoints,
  { acknowledged: string; summary: ClusterScanSummary }
>();

function lastScanOf(
  points: LatestPoints,
  acknowledged: string[],
): ClusterScanSummary {
  const key = acknowledged.join(' ');
  const kept = lastScans.get(points);
  if (kept?.acknowledged === key) return kept.summary;
  const summary = summarizeScan(points.latest, points.previous, acknowledged);
  lastScans.set(points, { acknowledged: key, summary });
  return summary;
}

/** One point of a cluster's history. */
export function historyPoint(point: ScanPoint): HistoryPoint {
  return {
    scannedAt: point.scannedAt,
    rulesetVersion: point.rulesetVersion,
    status: point.status,
    score: point.score,
    grade: point.grade,
    coverage: point.coverage,
    readiness: Object.entries(point.readiness).map(([id, status]) => ({
      id,
      status,
    })),
    antiPatterns: Object.entries(point.antiPatterns).map(([id, status]) => ({
      id,
      status,
    })),
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
