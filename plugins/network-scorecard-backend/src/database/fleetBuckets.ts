import { Knex } from 'knex';
import { FleetHistoryBucket } from './ScanStore';
import { FLEET_BUCKETS, toIso } from './tables';
import { bucketStartMs } from './timeBuckets';

type Bucket = 'day' | 'week';
const BUCKETS: Bucket[] = ['day', 'week'];

/** What is kept of a closed bucket: its version, and its counts when they were made from that version. */
export interface KeptBucket {
  version: number;
  counts: FleetHistoryBucket | null;
}

/** In a writer's transaction: the day and the week holding `at` change. */
export async function touchBuckets(
  tx: Knex.Transaction,
  at: Date,
): Promise<void> {
  await tx(FLEET_BUCKETS)
    .insert(
      BUCKETS.map(bucket => ({
        bucket,
        start: new Date(bucketStartMs(at.getTime(), bucket)),
        version: 1,
      })),
    )
    .onConflict(['bucket', 'start'])
    .merge({ version: tx.raw(`${FLEET_BUCKETS}.version + 1`) });
}

/** In a deleting transaction: every bucket that starts before `before` may have lost scans. */
export async function touchBucketsBefore(
  tx: Knex.Transaction,
  before: Date,
): Promise<void> {
  await tx(FLEET_BUCKETS).where('start', '<', before).increment('version', 1);
}

/** The kept buckets starting in [from, to], by start (epoch ms); a bucket never touched has no row. */
export async function keptBuckets(
  db: Knex,
  bucket: Bucket,
  from: number,
  to: number,
): Promise<Map<number, KeptBucket>> {
  const rows: {
    start: Date | number | string;
    version: number | string;
    counted_version: number | string | null;
    counts: string | null;
  }[] = await db(FLEET_BUCKETS)
    .where({ bucket })
    .andWhere('start', '>=', new Date(from))
    .andWhere('start', '<=', new Date(to))
    .select('start', 'version', 'counted_version', 'counts');
  return new Map(
    rows.map(row => {
      const version = Number(row.version);
      const valid =
        row.counts !== null &&
        row.counted_version !== null &&
        Number(row.counted_version) === version;
      return [
        Date.parse(toIso(row.start)),
        { version, counts: valid ? JSON.parse(row.counts!) : null },
      ];
    }),
  );
}

/**
 * Keeps the counts of a closed bucket, made from `version`. Written only if
 * no scan of the bucket was stored or deleted since that version was read:
 * a stale count is dropped, never kept.
 */
export async function keepCounts(
  db: Knex,
  bucket: Bucket,
  start: number,
  kept: KeptBucket | undefined,
  counts: FleetHistoryBucket,
): Promise<void> {
  const values = { counts: JSON.stringify(counts) };
  if (kept) {
    await db(FLEET_BUCKETS)
      .where({ bucket, start: new Date(start), version: kept.version })
      .update({ ...values, counted_version: kept.version });
    return;
  }
  // never touched: a writer that touches it first makes this count stale
  await db(FLEET_BUCKETS)
    .insert({
      bucket,
      start: new Date(start),
      version: 0,
      counted_version: 0,
      ...values,
    })
    .onConflict(['bucket', 'start'])
    .ignore();
}
