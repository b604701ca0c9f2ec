import { Knex } from 'knex';
import { PointRow } from './pointRows';
import { DbDate, SCANS } from './tables';

const COLUMNS = ['id', 'cluster', 'scanned_at', 'report_id'];
const OLDEST_FIRST = [
  { column: 'scanned_at', order: 'asc' as const },
  { column: 'id', order: 'asc' as const },
];
const NEWEST_FIRST = [
  { column: 'scanned_at', order: 'desc' as const },
  { column: 'id', order: 'desc' as const },
];

function isPostgres(db: Knex): boolean {
  return String(db.client.config.client) === 'pg';
}

function epochMs(value: DbDate): number {
  return new Date(value).getTime();
}

/** A cluster's scans in a time range, starting at a scan when given (ties in time are ordered by id). */
interface Selection {
  cluster: string;
  from: Date;
  to: Date;
  start?: { at: Date; id: number | string };
}

function selected(db: Knex, s: Selection): Knex.QueryBuilder {
  const query = db(SCANS)
    .where({ cluster: s.cluster })
    .andWhere('scanned_at', '>=', s.from)
    .andWhere('scanned_at', '<=', s.to);
  const start = s.start;
  return start
    ? query.andWhere(q =>
        q
          .where('scanned_at', '>', start.at)
          .orWhere(q2 =>
            q2.where('scanned_at', start.at).andWhere('id', '>=', start.id),
          ),
      )
    : query;
}

/**
 * A cluster's history, thinned in the database to at most `max` points
 * spread evenly over time. The first and last point and both sides of every
 * change of report (the report holds the ruleset and the statuses) are
 * always kept, even beyond `max`: a change is never sampled away. The rest
 * is the last point of each equal slice of time, oldest slice first, while
 * there is room. Every step is an index seek: a year of 30-minute scans is
 * never read whole.
 */
export async function sampledHistory(
  db: Knex,
  cluster: string,
  range: { from: Date; to: Date; limit?: number },
  max: number,
): Promise<{ total: number; rows: PointRow[] }> {
  const selection: Selection = { cluster, from: range.from, to: range.to };
  if (range.limit !== undefined) {
    const newest: PointRow[] = await selected(db, selection)
      .orderBy(NEWEST_FIRST)
      .limit(Math.min(range.limit, max + 1))
      .select(COLUMNS);
    if (newest.length <= max) {
      return { total: newest.length, rows: newest.reverse() };
    }
    const first: PointRow | undefined = await selected(db, selection)
      .orderBy(NEWEST_FIRST)
      .offset(range.limit - 1)
      .first(COLUMNS);
    if (first) {
      selection.start = {
        at: new Date(epochMs(first.scanned_at)),
        id: first.id,
      };
    }
  }

  const [{ n }] = await selected(db, selection).count({ n: '*' });
  const total = Number(n);
  if (total <= max) {
    return {
      total,
      rows: await selected(db, selection).orderBy(OLDEST_FIRST).select(COLUMNS),
    };
  }

  const first: PointRow = await selected(db, selection)
    .orderBy(OLDEST_FIRST)
    .first(COLUMNS);
  const last: PointRow = await selected(db, selection)
    .orderBy(NEWEST_FIRST)
    .first(COLUMNS);
  // each change, and the scan before it
  const changes: (PointRow & { before_id: number | string | null })[] =
    await selected(db, selection)
      .andWhere('report_changed', true)
      .orderBy(OLDEST_FIRST)
      .select(
        ...COLUMNS,
        db.raw(
          `(select p.id from ${SCANS} p where p.cluster = ${SCANS}.cluster and (p.scanned_at < ${SCANS}.scanned_at or (p.scanned_at = ${SCANS}.scanned_at and p.id < ${SCANS}.id)) order by p.scanned_at desc, p.id desc limit 1) as before_id`,
        ),
      );
  const kept = new Set<string>([String(first.id), String(last.id)]);
  for (const change of changes) {
    // the first scan's change (if any) is from a scan outside the range
    if (String(change.id) === String(first.id) || change.before_id === null)
      continue;
    kept.add(String(change.before_id));
    kept.add(String(change.id));
  }

  const room = max - kept.size;
  if (room > 0) {
    for (const id of await lastOfEachSlice(db, selection, first, last, room)) {
      if (kept.size >= max) break;
      kept.add(String(id));
    }
  }
  const rows: PointRow[] = await db(SCANS)
    .whereIn('id', [...kept])
    .orderBy(OLDEST_FIRST)
    .select(COLUMNS);
  return { total, rows };
}

/**
 * The last scan of each of `room` equal slices of [first, last] in time,
 * oldest slice first; empty slices have none. Slice k holds the times from
 * first + ceil(k * span / room) up to the next slice's start.
 */
async function lastOfEachSlice(
  db: Knex,
  selection: Selection,
  first: PointRow,
  last: PointRow,
  room: number,
): Promise<(number | string)[]> {
  const from = epochMs(first.scanned_at);
  const span = epochMs(last.scanned_at) - from;
  const bounds = Array.from({ length: room + 1 }, (_, k) =>
    k === room ? from + span + 1 : from + Math.ceil((k * span) / room),
  );
  const [int, time] = isPostgres(db)
    ? ['?::int', '?::timestamptz']
    : ['?', '?'];
  const slices = bounds
    .slice(0, -1)
    .map((lo, k) => ({ k, lo, hi: bounds[k + 1] }));
  const rows: { id: number | string | null }[] = await db
    .with(
      'slices',
      ['k', 'lo', 'hi'],
      db.raw(
        `values ${slices.map(() => `(${int}, ${time}, ${time})`).join(', ')}`,
        slices.flatMap(({ k, lo, hi }) => [k, new Date(lo), new Date(hi)]),
      ),
    )
    .from('slices')
    .select(
      db.raw(
        // the selection's first scan may share its time with earlier ones (a limit cut there)
        `(select x.id from ${SCANS} x where x.cluster = ? and x.scanned_at >= slices.lo and x.scanned_at < slices.hi and (x.scanned_at > ? or x.id >= ?) order by x.scanned_at desc, x.id desc limit 1) as id`,
        [selection.cluster, new Date(from), first.id],
      ),
    )
    .orderBy('k');
  return rows
    .map(row => row.id)
    .filter((id): id is number | string => id !== null);
}
