import { ClusterReport, scanHeadline } from '@network-scorecard/common';
import { createHash } from 'crypto';
import { ScanPoint } from './ScanStore';

/**
 * The report without its scan time, as stored: two scans with the same
 * content share one stored report.
 */
export function reportContent(report: ClusterReport): string {
  const { scannedAt: _scannedAt, ...content } = report;
  return JSON.stringify(content);
}

/** sha256 of `reportContent`, hex. */
export function contentHash(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** What history keeps of every scan. */
export function scanPoint(report: ClusterReport): ScanPoint {
  return {
    cluster: report.cluster,
    scannedAt: report.scannedAt,
    ...scanSummary(report),
    contentHash: contentHash(reportContent(report)),
  };
}

/** The part of a point that follows from the report's content alone (stored once per content). */
export function scanSummary(
  report: ClusterReport,
): Omit<ScanPoint, 'cluster' | 'scannedAt' | 'contentHash'> {
  const { scannedAt: _scannedAt, ...headline } = scanHeadline(report);
  return {
    ...headline,
    source: report.source,
    areas: Object.fromEntries(report.areas.map(a => [a.id, a.score])),
  };
}
