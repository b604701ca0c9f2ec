import { createHash } from 'crypto';
import { Knex } from 'knex';
import { ACKS, CLUSTERS, SCANS } from './tables';

function isPostgres(db: Knex): boolean {
  return String(db.client.config.client) === 'pg';
}

/*
 * Versions: short strings that change whenever a read's answer can change,
 * read from committed rows, so a replica sees every other replica's writes.
 * The highest id of a table is not one: on PostgreSQL two transactions can
 * commit in the other order than they took their ids, and a reader between
 * the two commits would keep the lower one's row unseen.
 */

/**
 * The latest and previous scan of each cluster. Each cluster's pair only
 * ever moves to a scan stored after both (its writers hold the cluster's
 * row, and ids grow), so the sum of the pointers grows with every move.
 */
export async function latestPointsVersion(db: Knex): Promise<string> {
  const [row] = await db(CLUSTERS)
    .count({ n: '*' })
    .sum({ latest: 'latest_scan_id', previous: 'previous_scan_id' });
  return `${row.n}:${row.latest ?? 0}:${row.previous ?? 0}`;
}

/**
 * Everything the fleet's rows are read from: each cluster's latest and
 * previous scan and newest attempt (its time, outcome and message), and
 * the acknowledgements in force at `now` (rows are only added and withdrawn,
 * so their count and the count withdrawn change with every write; one
 * expiring lowers the count of those still running). One statement; the
 * clusters' columns are joined in the database (text with its length
 * before it, so no two states read alike) rather than sent as rows.
 */
export async function fleetVersion(db: Knex, now: Date): Promise<string> {
  const clusters = isPostgres(db)
    ? `select md5(string_agg(concat(length(cluster), ':', cluster, ',', latest_scan_id, ',', previous_scan_id, ',',
         (extract(epoch from attempted_at) * 1000000)::bigint, ',', attempt_ok, ',',
         length(attempt_message), ':', attempt_message), ';' order by cluster)) from ${CLUSTERS}`
    : `select group_concat(state, ';') from (select length(cluster) || ':' || cluster || ',' ||
         ifnull(latest_scan_id, '') || ',' || ifnull(previous_scan_id, '') || ',' || ifnull(attempted_at, '') || ',' ||
         ifnull(attempt_ok, '') || ',' || ifnull(length(attempt_message) || ':' || attempt_message, '') as state
         from ${CLUSTERS} order by cluster)`;
  const result = await db.raw(
    `select (${clusters}) as clusters,
       (select count(*) from ${ACKS}) as acks,
       (select count(withdrawn_at) from ${ACKS}) as withdrawn,
       (select count(*) from ${ACKS} where withdrawn_at is null and expires_at > ?) as running`,
    [now],
  );
  const [row] = isPostgres(db) ? result.rows : result;
  const digest = createHash('sha256')
    .update(String(row.clusters))
    .digest('base64url');
  return `${digest}:${row.acks}:${row.withdrawn}:${row.running}`;
}

/**
 * One cluster's stored scans. A scan stored raises the count (and, when it
 * is the newest, the latest time); retention deletes a cluster's oldest
 * scans first, which moves the earliest time even when as many were stored
 * meanwhile. Each in one index seek or range of (cluster, scanned_at).
 */
export async function historyVersion(
  db: Knex,
  cluster: string,
): Promise<string> {
  // apart, so that the earliest and the latest are each one index seek
  const scans = () => db(SCANS).where({ cluster });
  const row = await db
    .select({
      n: scans().count('*'),
      first: scans().min('scanned_at'),
      last: scans().max('scanned_at'),
    })
    .first();
  const time = (value: unknown) =>
    value === null || value === undefined
      ? ''
      : new Date(value as never).getTime();
  return `${row.n}:${time(row.first)}:${time(row.last)}`;
}
