import { Knex } from 'knex';
import type { HistoryHead } from './historyPoints';
import { CLUSTERS, DbDate, SCANS } from './tables';

export function isPostgres(db: Knex): boolean {
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

/**
 * A cluster's history over one range: changes whenever its head does (how
 * many scans the range holds, its first and last by id and time), i.e. with
 * a scan stored or deleted in the range.
 */
export function headVersion(head: HistoryHead): string {
  const scan = (row?: { id: number | string; scanned_at: DbDate }) =>
    row ? `${row.id}@${new Date(row.scanned_at).getTime()}` : '';
  return `${head.total}:${scan(head.first)}:${scan(head.last)}`;
}
