/** The plugin's tables (migrations/). */
export const SCANS = 'network_scorecard_scans';
export const REPORTS = 'network_scorecard_reports';
export const ITEMS = 'network_scorecard_report_items';
export const CLUSTERS = 'network_scorecard_clusters';
export const ATTEMPTS = 'network_scorecard_scan_attempts';
export const ACKS = 'network_scorecard_acknowledgements';

/** SQLite stores dates as epoch milliseconds, PostgreSQL as timestamps. */
export type DbDate = Date | string | number;

export function toIso(value: DbDate): string {
  return new Date(value).toISOString();
}
export const FLEET_BUCKETS = 'network_scorecard_fleet_buckets';
