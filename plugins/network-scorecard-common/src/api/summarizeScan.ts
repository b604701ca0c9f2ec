import { CniName, MeshName } from '../facts';
import {
  AntiPatternStatus,
  ClusterReport,
  Grade,
  ReadinessStatus,
  ReportStatus,
} from '../report';
import { ClusterScanSummary, PreviousScan } from './types';

/**
 * What tables and history need of one report, without its evidence: the
 * backend keeps one per scan. @public
 */
export interface ScanHeadline {
  scannedAt: string;
  rulesetVersion: string;
  status: ReportStatus;
  score: number | null;
  grade: Grade;
  coverage: number;
  cni: CniName | null;
  mesh: MeshName | null;
  /** readiness blockers, all items together */
  blockers: number;
  readiness: Record<string, ReadinessStatus>;
  antiPatterns: Record<string, AntiPatternStatus>;
}

/** The headline of a report. @public */
export function scanHeadline(report: ClusterReport): ScanHeadline {
  return {
    scannedAt: report.scannedAt,
    rulesetVersion: report.rulesetVersion,
    status: report.status,
    score: report.score,
    grade: report.grade,
    coverage: report.coverage,
    cni: report.facts.cni?.value ?? null,
    mesh: report.facts.mesh?.value ?? null,
    blockers: report.readiness.reduce(
      (sum, item) => sum + item.blockers.length,
      0,
    ),
    readiness: Object.fromEntries(report.readiness.map(r => [r.id, r.status])),
    antiPatterns: Object.fromEntries(
      report.antiPatterns.map(ap => [ap.id, ap.status]),
    ),
  };
}

/**
 * The headline figures of one scan, for tables: what `GET /clusters`
 * returns as `lastScan`. Acknowledged anti-patterns are not counted.
 * @public
 */
export function summarizeScan(
  scan: ScanHeadline,
  previous?: PreviousScan | null,
  acknowledged: Iterable<string> = [],
): ClusterScanSummary {
  const waived = new Set(acknowledged);
  const detected = Object.entries(scan.antiPatterns)
    .filter(([id, status]) => status === 'detected' && !waived.has(id))
    .map(([id]) => id);
  return {
    scannedAt: scan.scannedAt,
    rulesetVersion: scan.rulesetVersion,
    status: scan.status,
    score: scan.score,
    grade: scan.grade,
    coverage: scan.coverage,
    cni: scan.cni,
    mesh: scan.mesh,
    antiPatternsDetected: detected.length,
    antiPatterns: detected,
    blockers: scan.blockers,
    readiness: { ...scan.readiness },
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
