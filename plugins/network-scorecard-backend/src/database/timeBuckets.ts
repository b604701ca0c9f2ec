import { Knex } from 'knex';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05, the first Monday after the epoch: weeks start on Mondays (ISO 8601). */
const FIRST_MONDAY_MS = 4 * DAY_MS;

/**
 * SQL for the start of the UTC day or week of `column`, as the database
 * stores times: epoch milliseconds on SQLite, timestamptz on PostgreSQL.
 */
export function bucketStart(
  db: Knex,
  column: string,
  bucket: 'day' | 'week',
): Knex.Raw {
  const client = String(db.client.config.client);
  if (bucket !== 'day' && bucket !== 'week') {
    throw new Error(`unknown time bucket "${bucket}"; expected day or week`);
  }
  if (client === 'pg') {
    // a literal, not a parameter: GROUP BY must see the very same expression as SELECT
    return db.raw(
      `date_trunc('${bucket}', ?? at time zone 'UTC') at time zone 'UTC'`,
      [column],
    );
  }
  if (client === 'better-sqlite3' || client === 'sqlite3') {
    return bucket === 'day'
      ? db.raw(`(?? / ${DAY_MS}) * ${DAY_MS}`, [column])
      : db.raw(
          `((?? - ${FIRST_MONDAY_MS}) / ${WEEK_MS}) * ${WEEK_MS} + ${FIRST_MONDAY_MS}`,
          [column],
        );
  }
  throw new Error(
    `Network Scorecard fleet history supports PostgreSQL and SQLite, not the "${client}" database client`,
  );
}

/** The start (epoch ms) of the UTC day or week of `ms`: what `bucketStart` computes in SQL. */
export function bucketStartMs(ms: number, bucket: 'day' | 'week'): number {
  return bucket === 'day'
    ? Math.floor(ms / DAY_MS) * DAY_MS
    : Math.floor((ms - FIRST_MONDAY_MS) / WEEK_MS) * WEEK_MS + FIRST_MONDAY_MS;
}

/** The start of the bucket after the one starting at `start`. */
export function nextBucketMs(start: number, bucket: 'day' | 'week'): number {
  return start + (bucket === 'day' ? DAY_MS : WEEK_MS);
}
