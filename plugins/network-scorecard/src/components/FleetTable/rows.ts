import {
  ClusterSummary,
  Grade,
  PreviousScan,
  ReadinessStatus,
  ReportSource,
} from '@network-scorecard/common';
import { gradeRank } from '../../utils/grades';

/** A flat row so that every column sorts and filters on a plain field. */
export interface FleetRow {
  name: string;
  title: string;
  source: ReportSource;
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
  /** ids of the detected anti-patterns nobody acknowledged */
  antiPatternIds: string[];
  blockers: number | null;
  /** readiness id -> status of the last scan */
  readiness: Record<string, ReadinessStatus>;
  scannedAt: string | null;
  lastError: ClusterSummary['lastError'];
  /** the newest attempt failed after the last good scan */
  stale: boolean;
  previous: PreviousScan | null;
  /** what the fleet search matches: name, title, owner, CNI, mesh and lifecycle, lower-cased once */
  searchText: string;
}

export function toFleetRow(cluster: ClusterSummary): FleetRow {
  const scan = cluster.lastScan;
  const row: Omit<FleetRow, 'searchText'> = {
    name: cluster.name,
    title: cluster.title || cluster.name,
    source: cluster.source,
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
    // a backend older than these fields sends neither; filters then match nothing
    antiPatternIds: scan?.antiPatterns ?? [],
    blockers: scan?.blockers ?? null,
    readiness: scan?.readiness ?? {},
    scannedAt: scan?.scannedAt ?? null,
    previous: scan?.previous ?? null,
    lastError: cluster.lastError ?? null,
    stale: cluster.stale === true,
  };
  const searched = [
    row.name,
    row.title,
    row.owner,
    row.cni,
    row.mesh,
    row.lifecycle,
  ];
  return {
    ...row,
    searchText: searched.join(' ').toLocaleLowerCase('en-US'),
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
