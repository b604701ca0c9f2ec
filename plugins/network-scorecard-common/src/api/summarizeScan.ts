import { ClusterReport } from '../report';
import { ClusterScanSummary, PreviousScan } from './types';

/**
 * The headline figures of one report, for tables: what `GET /clusters`
 * returns as `lastScan`. Acknowledged anti-patterns are not counted.
 * @public
 */
export function summarizeScan(
  report: ClusterReport,
  previous?: PreviousScan | null,
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
