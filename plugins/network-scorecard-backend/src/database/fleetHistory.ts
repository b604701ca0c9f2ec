import { Knex } from 'knex';
import { FleetHistoryBucket } from './ScanStore';
import { ITEMS, SCANS, toIso } from './tables';
import { bucketStart } from './timeBuckets';

/** SQLite allows 32,766 bound values per statement. */
const BATCH = 5000;

/**
 * The fleet per day or week: each cluster counts once per bucket, as it
 * stood at its last scan in the bucket. The database finds those scans; the
 * statuses of their (few, shared) reports are then counted here, which is
 * cheaper than joining every scan to every status.
 */
export async function fleetHistory(
  db: Knex,
  range: { from: Date; to: Date; bucket: 'day' | 'week' },
): Promise<FleetHistoryBucket[]> {
  const bucket = bucketStart(db, 'scanned_at', range.bucket);
  const lastInBucket = db(SCANS)
    .where('scanned_at', '>=', range.from)
    .andWhere('scanned_at', '<=', range.to)
    .groupBy('cluster', bucket)
    .select('cluster', db.raw('? as bucket', [bucket]))
    .max({ last: 'scanned_at' });
  const standing: {
    bucket: unknown;
    cluster: string;
    grade: string;
    report_id: number | string;
  }[] = await db
    .with('last_in_bucket', lastInBucket)
    .from({ b: 'last_in_bucket' })
    .join({ s: SCANS }, join =>
      join
        .on('s.cluster', '=', 'b.cluster')
        .andOn('s.scanned_at', '=', 'b.last'),
    )
    .select('b.bucket', 's.cluster', 's.grade', 's.report_id');

  const statuses = new Map<
    string,
    { kind: string; item: string; status: string }[]
  >();
  const reportIds = [...new Set(standing.map(row => String(row.report_id)))];
  for (let i = 0; i < reportIds.length; i += BATCH) {
    const rows: {
      report_id: number | string;
      kind: string;
      item_id: string;
      status: string;
    }[] = await db(ITEMS)
      .whereIn('report_id', reportIds.slice(i, i + BATCH))
      .select('report_id', 'kind', 'item_id', 'status');
    for (const row of rows) {
      const key = String(row.report_id);
      const list = statuses.get(key) ?? [];
      list.push({ kind: row.kind, item: row.item_id, status: row.status });
      statuses.set(key, list);
    }
  }

  const buckets = new Map<string, FleetHistoryBucket>();
  const counted = new Set<string>();
  for (const row of standing) {
    const start = toIso(
      typeof row.bucket === 'string' && /^\d+$/.test(row.bucket)
        ? Number(row.bucket)
        : (row.bucket as Date),
    );
    // two scans of one cluster at the very same time: it still counts once
    if (counted.has(`${start} ${row.cluster}`)) continue;
    counted.add(`${start} ${row.cluster}`);
    let entry = buckets.get(start);
    if (!entry) {
      entry = {
        start,
        clusters: 0,
        byGrade: {},
        readiness: {},
        antiPatternsDetected: {},
      };
      buckets.set(start, entry);
    }
    entry.clusters += 1;
    entry.byGrade[row.grade] = (entry.byGrade[row.grade] ?? 0) + 1;
    for (const { kind, item, status } of statuses.get(String(row.report_id)) ??
      []) {
      if (kind === 'readiness') {
        const counts = (entry.readiness[item] ??= {});
        counts[status] = (counts[status] ?? 0) + 1;
      } else if (status === 'detected') {
        entry.antiPatternsDetected[item] =
          (entry.antiPatternsDetected[item] ?? 0) + 1;
      }
    }
  }
  return [...buckets.values()].sort((a, b) => a.start.localeCompare(b.start));
}
