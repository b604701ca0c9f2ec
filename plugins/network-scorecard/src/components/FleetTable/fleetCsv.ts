import { CsvColumn, toCsv } from '../../utils/csv';
import { FleetRow } from './rows';

/** The table's facts in plain values: ids rather than titles, ISO times, empty for "none". */
const FLEET_CSV_COLUMNS: CsvColumn<FleetRow>[] = [
  { header: 'cluster', value: row => row.name },
  { header: 'title', value: row => row.title },
  { header: 'entityRef', value: row => row.entityRef },
  { header: 'owner', value: row => row.owner },
  { header: 'lifecycle', value: row => row.lifecycle || null },
  { header: 'source', value: row => row.source },
  { header: 'grade', value: row => row.grade },
  { header: 'score', value: row => row.score },
  { header: 'coverage', value: row => row.coverage },
  { header: 'cni', value: row => row.cni || null },
  { header: 'mesh', value: row => row.mesh || null },
  { header: 'antiPatternsDetected', value: row => row.antiPatterns },
  { header: 'antiPatterns', value: row => row.antiPatternIds.join(' ') },
  { header: 'blockers', value: row => row.blockers },
  {
    header: 'readiness',
    value: row =>
      Object.entries(row.readiness)
        .map(([id, status]) => `${id}:${status}`)
        .join(' '),
  },
  { header: 'scanStatus', value: row => row.status },
  { header: 'rulesetVersion', value: row => row.rulesetVersion },
  { header: 'scannedAt', value: row => row.scannedAt },
  { header: 'stale', value: row => row.stale },
  { header: 'lastError', value: row => row.lastError?.message ?? null },
  { header: 'configErrors', value: row => row.configErrors.length },
];

/** The rows, in the order given, as CSV. */
export function fleetCsv(rows: FleetRow[]): string {
  return toCsv(rows, FLEET_CSV_COLUMNS);
}

/** `network-scorecard-fleet-2026-11-19.csv` */
export function fleetCsvFilename(now: Date = new Date()): string {
  return `network-scorecard-fleet-${now.toISOString().slice(0, 10)}.csv`;
}
