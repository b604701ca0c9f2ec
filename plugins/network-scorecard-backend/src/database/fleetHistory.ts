import { Knex } from 'knex';
import { FleetHistoryBucket } from './ScanStore';
import { ITEMS, SCANS, toIso } from './tables';
import { bucketStart } from './timeBuckets';

/**
 * The fleet per day or week, computed in the database: each cluster counts
 * once per bucket, as it stood at its last scan in the bucket.
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
  const standing = db
    .with('last_in_bucket', lastInBucket)
    .from({ b: 'last_in_bucket' })
    .join({ s: SCANS }, join =>
      join
        .on('s.cluster', '=', 'b.cluster')
        .andOn('s.scanned_at', '=', 'b.last'),
    );

  const grades: {
    bucket: unknown;
    grade: string;
    clusters: number | string;
  }[] = await standing
    .clone()
    .groupBy('b.bucket', 's.grade')
    .select('b.bucket', 's.grade')
    .countDistinct({ clusters: 's.cluster' });
  const items: {
    bucket: unknown;
    kind: string;
    item_id: string;
    status: string;
    clusters: number | string;
  }[] = await standing
    .clone()
    .join({ i: ITEMS }, 'i.report_id', 's.report_id')
    .groupBy('b.bucket', 'i.kind', 'i.item_id', 'i.status')
    .select('b.bucket', 'i.kind', 'i.item_id', 'i.status')
    .countDistinct({ clusters: 's.cluster' });

  const buckets = new Map<string, FleetHistoryBucket>();
  const at = (value: unknown) => {
    const start = toIso(
      typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : (value as Date),
    );
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
    return entry;
  };
  for (const row of grades) {
    const entry = at(row.bucket);
    entry.byGrade[row.grade] = Number(row.clusters);
    entry.clusters += Number(row.clusters);
  }
  for (const row of items) {
    const entry = at(row.bucket);
    const count = Number(row.clusters);
    if (row.kind === 'readiness') {
      (entry.readiness[row.item_id] ??= {})[row.status] = count;
    } else if (row.status === 'detected') {
      entry.antiPatternsDetected[row.item_id] = count;
    }
  }
  return [...buckets.values()].sort((a, b) => a.start.localeCompare(b.start));
}
