import { Knex } from 'knex';
import { ScanPoint } from './ScanStore';
import { scanSummary } from './scanPoint';
import { DbDate, REPORTS, toIso } from './tables';

/** A scan row, as the reads select it. */
export interface PointRow {
  id: number | string;
  cluster: string;
  scanned_at: DbDate;
  report_id: number | string;
}

export type Summary = ReturnType<typeof scanSummary>;

/** What a point takes from its stored report. */
export interface ReportSummary {
  hash: string;
  summary: Summary;
}

export function toPoint(row: PointRow, report: ReportSummary): ScanPoint {
  return {
    cluster: row.cluster,
    scannedAt: toIso(row.scanned_at),
    ...report.summary,
    contentHash: report.hash,
  };
}

/** SQLite allows 32,766 bound values per statement. */
const BATCH = 5000;
/** Parsed summaries kept per process; a fleet's latest reports fit. */
const CACHED = 20_000;

/**
 * The hash and summary of stored reports, by id. Stored reports never change
 * (a new content is a new row, and ids are not reused), so each store keeps
 * the parsed summaries it has read, across requests.
 */
export class ReportSummaries {
  private readonly cache = new Map<string, ReportSummary>();

  constructor(private readonly db: Knex) {}

  /** Read through `db` when given (a transaction): then nothing is kept, as it may roll back. */
  async get(
    ids: (number | string)[],
    db: Knex = this.db,
  ): Promise<Map<string, ReportSummary>> {
    const keep = db === this.db;
    const result = new Map<string, ReportSummary>();
    const wanted: string[] = [];
    for (const id of new Set(ids.map(String))) {
      const known = keep ? this.cache.get(id) : undefined;
      if (known) result.set(id, known);
      else wanted.push(id);
    }
    for (let i = 0; i < wanted.length; i += BATCH) {
      const rows: {
        id: number | string;
        content_hash: string;
        summary: string;
      }[] = await db(REPORTS)
        .whereIn('id', wanted.slice(i, i + BATCH))
        .select('id', 'content_hash', 'summary');
      for (const row of rows) {
        const report = {
          hash: row.content_hash,
          summary: JSON.parse(row.summary),
        };
        result.set(String(row.id), report);
        if (!keep) continue;
        if (this.cache.size >= CACHED)
          this.cache.delete(this.cache.keys().next().value!);
        this.cache.set(String(row.id), report);
      }
    }
    return result;
  }
}

/** Scan rows as points, in their order, with their reports' summaries. */
export async function pointsOf(
  summaries: ReportSummaries,
  rows: PointRow[],
  db?: Knex,
): Promise<ScanPoint[]> {
  const reports = await summaries.get(
    rows.map(row => row.report_id),
    db,
  );
  return rows.map(row => toPoint(row, reports.get(String(row.report_id))!));
}
