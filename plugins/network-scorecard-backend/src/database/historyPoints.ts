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

/** A scan whose report differs from the one before it, with that scan's id (null: none stored). */
type ChangeRow = PointRow & { before_id: number | string | null };

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
 * Where a cluster's history over a range starts from: how many scans the
 * range holds, and its first and last (undefined when it holds none). It
 * changes whenever a scan in the range is stored or deleted, so it is also
 * the version of the history over that range.
 */
export interface HistoryHead {
  total: number;
  first?: PointRow;
  last?: PointRow;
}

function headOf(db: Knex, selection: Selection): Promise<HistoryHead> {
  // at once: on PostgreSQL each is a round trip of its own
  return Promise.all([
    selected(db, selection).count({ n: '*' }),
    selected(db, selection).orderBy(OLDEST_FIRST).first(COLUMNS),
    selected(db, selection).orderBy(NEWEST_FIRST).first(COLUMNS),
  ]).then(([[{ n }], first, last]) => ({
    total: Number(n),
    first: first as PointRow | undefined,
    last: last as PointRow | undefined,
  }));
}

/** The head of a cluster's history over `from <= scannedAt <= to`. */
export function historyHead(
  db: Knex,
  cluster: string,
  range: { from: Date; to: Date },
): Promise<HistoryHead> {
  return headOf(db, { cluster, from: range.from, to: range.to });
}

/** A history short enough to be kept whole: every scan of the selection, oldest first. */
function short(db: Knex, selection: Selection): Promise<PointRow[]> {
  return selected(db, selection).orderBy(OLDEST_FIRST).select(COLUMNS);
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
  /** the range's head when already read (without a limit): not read again */
  known?: HistoryHead,
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
    const oldestKept: PointRow | undefined = await selected(db, selection)
      .orderBy(NEWEST_FIRST)
      .offset(range.limit - 1)
      .first(COLUMNS);
    if (oldestKept) {
      selection.start = {
        at: new Date(epochMs(oldestKept.scanned_at)),
        id: oldestKept.id,
      };
    }
  }

  const given = range.limit === undefined ? known : undefined;
  if (given && given.total <= max) {
    return { total: given.total, rows: await short(db, selection) };
  }
  // Independent reads, at once: on PostgreSQL each is a round trip of its own.
  const [head, changes] = await Promise.all([
    given ?? headOf(db, selection),
    // each change, and the scan before it; the scan before is looked up
    // from the change's time down (`p.scanned_at <=` bounds the index scan:
    // without it the database walks the cluster's scans from the newest)
    selected(db, selection)
      .andWhere('report_changed', true)
      .orderBy(OLDEST_FIRST)
      .select(
        ...COLUMNS,
        db.raw(
          `(select p.id from ${SCANS} p where p.cluster = ${SCANS}.cluster and p.scanned_at <= ${SCANS}.scanned_at and (p.scanned_at < ${SCANS}.scanned_at or p.id < ${SCANS}.id) order by p.scanned_at desc, p.id desc limit 1) as before_id`,
        ),
      )
      .then(found => found as ChangeRow[]),
  ]);
  const { total, first, last } = head;
  if (total <= max || !first || !last) {
    return { total, rows: await short(db, selection) };
  }

  // the rows kept, by id; a change's scan before is known by id only
  const kept = new Map<string, PointRow | undefined>([
    [String(first.id), first],
    [String(last.id), last],
  ]);
  for (const change of changes) {
    // the first scan's change (if any) is from a scan outside the range
    if (String(change.id) === String(first.id) || change.before_id === null)
      continue;
    const before = String(change.before_id);
    if (!kept.has(before)) kept.set(before, undefined);
    kept.set(String(change.id), change);
  }

  const room = max - kept.size;
  if (room > 0) {
    for (const row of await lastOfEachSlice(db, selection, first, last, room)) {
      if (kept.size >= max) break;
      kept.set(String(row.id), row);
    }
  }
  const missing = [...kept].filter(([, row]) => !row).map(([id]) => id);
  const found: PointRow[] = missing.length
    ? await db(SCANS).whereIn('id', missing).select(COLUMNS)
    : [];
  const rows = [
    ...[...kept.values()].filter((row): row is PointRow => row !== undefined),
    ...found,
  ].map(row => ({
    id: row.id,
    cluster: row.cluster,
    scanned_at: row.scanned_at,
    report_id: row.report_id,
  }));
  rows.sort(
    (a, b) =>
      epochMs(a.scanned_at) - epochMs(b.scanned_at) ||
      Number(a.id) - Number(b.id),
  );
  return { total, rows };
}

/**
 * The last scan of each of `room` equal slices of [first, last] in time,
 * oldest slice first; empty slices have none. Slice k holds the times from
 * first + ceil(k * span / room) up to the next slice's start. The slices are
 * made in the database from four numbers (epoch ms, integer arithmetic): a
 * list of 3 × room bound values cost more to bind and parse than the seeks.
 */
async function lastOfEachSlice(
  db: Knex,
  selection: Selection,
  first: PointRow,
  last: PointRow,
  room: number,
): Promise<PointRow[]> {
  const from = epochMs(first.scanned_at);
  const span = epochMs(last.scanned_at) - from;
  const pg = isPostgres(db);
  // integers, so that `/` divides as integers (better-sqlite3 binds a number as a real)
  const number = pg ? '?::bigint' : 'cast(? as integer)';
  // SQLite keeps times as epoch ms; PostgreSQL as timestamptz
  const time = (ms: string) => (pg ? `to_timestamp(${ms} / 1000.0)` : ms);
  const ceilOf = (k: string) =>
    `case when ${k} = p.room then p.f + p.span + 1 else p.f + (${k} * p.span + p.room - 1) / p.room end`;
  return db
    .with(
      'p',
      ['f', 'span', 'room'],
      db.raw(`values (${number}, ${number}, ${number})`, [from, span, room]),
    )
    .withRecursive(
      'slices',
      ['k', 'lo', 'hi'],
      db.raw(
        `select 0, p.f, ${ceilOf(
          '1',
        )} from p union all select slices.k + 1, slices.hi, ${ceilOf(
          '(slices.k + 2)',
        )} from slices, p where slices.k + 1 < p.room`,
      ),
    )
    .from('slices')
    .joinRaw(
      // the selection's first scan may share its time with earlier ones (a limit cut there)
      `join ${SCANS} s on s.id = (select x.id from ${SCANS} x where x.cluster = ? and x.scanned_at >= ${time(
        'slices.lo',
      )} and x.scanned_at < ${time(
        'slices.hi',
      )} and (x.scanned_at > ? or x.id >= ?) order by x.scanned_at desc, x.id desc limit 1)`,
      [selection.cluster, new Date(from), first.id],
    )
    .orderBy('slices.k')
    .select(COLUMNS.map(column => `s.${column}`));
}
