import { FleetSummary } from '../api';
import { ClusterReport } from '../report';

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * Rolls the latest report of every cluster up into the fleet view. A `null`
 * entry is a cluster that was never scanned: it counts in `clusters` only.
 * An unknown CNI or mesh counts under "unknown"; an anti-pattern counts once
 * per cluster where it is detected, acknowledged or not.
 * @public
 */
export function summarizeFleet(
  reports: (ClusterReport | null)[],
): FleetSummary {
  const summary: FleetSummary = {
    clusters: reports.length,
    scanned: 0,
    byCni: {},
    byMesh: {},
    byGrade: {},
    byReadiness: {},
    antiPatternsDetected: {},
  };
  for (const report of reports) {
    if (!report) continue;
    summary.scanned += 1;
    bump(summary.byCni, report.facts.cni?.value ?? 'unknown');
    bump(summary.byMesh, report.facts.mesh?.value ?? 'unknown');
    bump(summary.byGrade, report.grade);
    for (const item of report.readiness) {
      summary.byReadiness[item.id] ??= {};
      bump(summary.byReadiness[item.id], item.status);
    }
    for (const ap of report.antiPatterns) {
      if (ap.status === 'detected') bump(summary.antiPatternsDetected, ap.id);
    }
  }
  return summary;
}
