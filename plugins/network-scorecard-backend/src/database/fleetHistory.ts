import { Knex } from 'knex';
import { FleetHistoryBucket, LatestPoints } from './ScanStore';
import { ReportSummaries, Summary } from './pointRows';
import { SCANS, toIso } from './tables';
import { bucketStart, bucketStartMs, nextBucketMs } from './timeBuckets';
import { keepCounts, keptBuckets } from './fleetBuckets';

type Bucket = 'day' | 'week';

/** What fleet history reads besides the scans. */
export interface FleetHistorySources {
  db: Knex;
  summaries: ReportSummaries;
  /** every cluster's newest point */
  latestPoints: () => Promise<Map<string, LatestPoints>>;
}

/**
 * The fleet per day or week, for every bucket that overlaps the range: each
 * cluster counts once per bucket, as it stood at its last scan in it. A
 * bucket is counted whole; the last one (holding `to`, or now) only up to
 * `to`. Closed buckets are counted once and kept (fleetBuckets); only the
 * open end of the range is counted from the scans on every call.
 */
export async function fleetHistory(
  sources: FleetHistorySources,
  range: { from: Date; to: Date; bucket: Bucket },
  now: Date = new Date(),
): Promise<FleetHistoryBucket[]> {
  const { db } = sources;
  const { bucket } = range;
  const to = range.to.getTime();
  // a bucket is closed when it ended by `to` and by now
  const closedBy = Math.min(to + 1, now.getTime());
  const closed: number[] = [];
  let openFrom: number | null = null;
  for (
    let start = bucketStartMs(range.from.getTime(), bucket);
    start <= to;
    start = nextBucketMs(start, bucket)
  ) {
    if (nextBucketMs(start, bucket) <= closedBy) closed.push(start);
    else {
      openFrom = start;
      break;
    }
  }

  const result: FleetHistoryBucket[] = [];
  if (closed.length > 0) {
    const kept = await keptBuckets(db, bucket, closed[0], closed.at(-1)!);
    const missing = closed.filter(start => !kept.get(start)?.counts);
    const counted =
      missing.length === 0
        ? new Map<number, FleetHistoryBucket>()
        : await countBuckets(sources, {
            from: missing[0],
            to: nextBucketMs(missing.at(-1)!, bucket) - 1,
            bucket,
          });
    for (const start of missing) {
      const counts = counted.get(start) ?? emptyBucket(start);
      await keepCounts(db, bucket, start, kept.get(start), counts);
      kept.set(start, { version: kept.get(start)?.version ?? 0, counts });
    }
    for (const start of closed) result.push(kept.get(start)!.counts!);
  }
  if (openFrom !== null) {
    const open =
      (await fromLatestPoints(sources, { from: openFrom, to, bucket })) ??
      (await countBuckets(sources, { from: openFrom, to, bucket }));
    result.push(
      ...[...open.values()].sort((a, b) => a.start.localeCompare(b.start)),
    );
  }
  return result.filter(entry => entry.clusters > 0);
}

function emptyBucket(start: number): FleetHistoryBucket {
  return {
    start: new Date(start).toISOString(),
    clusters: 0,
    byGrade: {},
    readiness: {},
    antiPatternsDetected: {},
  };
}

/**
 * Counts the buckets of the scans in [from, to] (epoch ms), by start. The
 * database finds each cluster's last scan per bucket; the statuses of those
 * scans' (few, shared) reports are then counted here, which is cheaper than
 * joining every scan to every status.
 */
async function countBuckets(
  { db, summaries }: FleetHistorySources,
  range: { from: number; to: number; bucket: Bucket },
): Promise<Map<number, FleetHistoryBucket>> {
  const bucket = bucketStart(db, 'scanned_at', range.bucket);
  const lastInBucket = db(SCANS)
    .where('scanned_at', '>=', new Date(range.from))
    .andWhere('scanned_at', '<=', new Date(range.to))
    .groupBy('cluster', bucket)
    .select('cluster', db.raw('? as bucket', [bucket]))
    .max({ last: 'scanned_at' });
  const standing: {
    bucket: unknown;
    cluster: string;
    report_id: number | string;
  }[] = await db
    .with('last_in_bucket', lastInBucket)
    .from({ b: 'last_in_bucket' })
    .join({ s: SCANS }, join =>
      join
        .on('s.cluster', '=', 'b.cluster')
        .andOn('s.scanned_at', '=', 'b.last'),
    )
    .select('b.bucket', 's.cluster', 's.report_id');

  const reports = await summaries.get(standing.map(row => row.report_id));
  const buckets = new Map<number, FleetHistoryBucket>();
  const counted = new Set<string>();
  for (const row of standing) {
    const start = Date.parse(
      toIso(
        typeof row.bucket === 'string' && /^\d+$/.test(row.bucket)
          ? Number(row.bucket)
          : (row.bucket as Date),
      ),
    );
    // two scans of one cluster at the very same time: it still counts once
    if (counted.has(`${start} ${row.cluster}`)) continue;
    counted.add(`${start} ${row.cluster}`);
    const summary = reports.get(String(row.report_id))?.summary;
    if (summary) count(buckets, start, summary);
  }
  return buckets;
}

/** Adds a cluster, as its scan's summary says it stood, to the bucket starting at `start`. */
function count(
  buckets: Map<number, FleetHistoryBucket>,
  start: number,
  summary: Pick<Summary, 'grade' | 'readiness' | 'antiPatterns'>,
): void {
  let entry = buckets.get(start);
  if (!entry) {
    entry = emptyBucket(start);
    buckets.set(start, entry);
  }
  entry.clusters += 1;
  entry.byGrade[summary.grade] = (entry.byGrade[summary.grade] ?? 0) + 1;
  for (const [item, status] of Object.entries(summary.readiness)) {
    const counts = (entry.readiness[item] ??= {});
    counts[status] = (counts[status] ?? 0) + 1;
  }
  for (const [item, status] of Object.entries(summary.antiPatterns)) {
    if (status === 'detected')
      entry.antiPatternsDetected[item] =
        (entry.antiPatternsDetected[item] ?? 0) + 1;
  }
}

/**
 * The open end of the range from each cluster's newest point, when no scan
 * is newer than `to`: then a cluster's last scan up to `to` is its newest.
 * Undefined otherwise (a dump dated after `to`), for the scans to be read.
 */
async function fromLatestPoints(
  { latestPoints }: FleetHistorySources,
  range: { from: number; to: number; bucket: Bucket },
): Promise<Map<number, FleetHistoryBucket> | undefined> {
  const latest = [...(await latestPoints()).values()].map(p => p.latest);
  const times = latest.map(point => Date.parse(point.scannedAt));
  if (times.some(t => t > range.to)) return undefined;
  const buckets = new Map<number, FleetHistoryBucket>();
  latest.forEach((point, i) => {
    if (times[i] >= range.from)
      count(buckets, bucketStartMs(times[i], range.bucket), point);
  });
  return buckets;
}
