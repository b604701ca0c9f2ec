import { ClusterSummary, Grade, PreviousScan } from '@network-scorecard/common';
import { gradeRank } from '../../utils/grades';

/** A flat row so that every column sorts on a plain field. */
export interface FleetRow {
  name: string;
  title: string;
  entityRef: string | null;
  configErrors: string[];
  grade: Grade | null;
  gradeRank: number;
  score: number | null;
  coverage: number | null;
  status: string | null;
  rulesetVersion: string | null;
  cni: string;
  mesh: string;
  lifecycle: string;
  owner: string | null;
  antiPatterns: number | null;
  blockers: number | null;
  scannedAt: string | null;
  lastError: ClusterSummary['lastError'];
  previous: PreviousScan | null;
}

export function toFleetRow(cluster: ClusterSummary): FleetRow {
  const scan = cluster.lastScan;
  return {
    name: cluster.name,
    title: cluster.title || cluster.name,
    entityRef: cluster.entityRef,
    configErrors: cluster.configErrors,
    grade: scan?.grade ?? null,
    gradeRank: gradeRank(scan?.grade),
    score: scan?.score ?? null,
    coverage: scan?.coverage ?? null,
    status: scan?.status ?? null,
    rulesetVersion: scan?.rulesetVersion ?? null,
    cni: scan?.cni ?? '',
    mesh: scan?.mesh ?? '',
    lifecycle: cluster.lifecycle ?? '',
    owner: cluster.owner,
    antiPatterns: scan?.antiPatternsDetected ?? null,
    blockers: scan?.blockers ?? null,
    scannedAt: scan?.scannedAt ?? null,
    previous: scan?.previous ?? null,
    lastError: cluster.lastError ?? null,
  };
}

/** Sorts nulls (never scanned) last in ascending order. */
export function compareNullable(
  a: number | string | null,
  b: number | string | null,
): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
