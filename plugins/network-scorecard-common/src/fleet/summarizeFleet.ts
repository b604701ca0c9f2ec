import { FleetSummary, ScanHeadline } from '../api';

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * Rolls the latest scan of every cluster up into the fleet view. A `null`
 * entry is a cluster that was never scanned: it counts in `clusters` only.
 * An unknown CNI or mesh counts under "unknown"; an anti-pattern counts once
 * per cluster where it is detected, acknowledged or not.
 * @public
 */
export function summarizeFleet(scans: (ScanHeadline | null)[]): FleetSummary {
  const summary: FleetSummary = {
    clusters: scans.length,
    scanned: 0,
    byCni: {},
    byMesh: {},
    byGrade: {},
    byReadiness: {},
    antiPatternsDetected: {},
  };
  for (const scan of scans) {
    if (!scan) continue;
    summary.scanned += 1;
    bump(summary.byCni, scan.cni ?? 'unknown');
    bump(summary.byMesh, scan.mesh ?? 'unknown');
    bump(summary.byGrade, scan.grade);
    for (const [id, status] of Object.entries(scan.readiness)) {
      summary.byReadiness[id] ??= {};
      bump(summary.byReadiness[id], status);
    }
    for (const [id, status] of Object.entries(scan.antiPatterns)) {
      if (status === 'detected') bump(summary.antiPatternsDetected, id);
    }
  }
  return summary;
}
