import { createHash } from 'crypto';
import { Knex } from 'knex';
import { ScanAttempt } from './ScanStore';
import { ACKS, CLUSTERS, toIso } from './tables';
import { isPostgres } from './versions';

/** What `fleetState` read, before the attempts are taken out of it. */
export interface FleetStateRead {
  /** changes whenever the fleet's rows can read differently (see `readFleetState`) */
  version: string;
  /** every cluster's row state, as the database joined it */
  clusters: string;
}

/**
 * Everything the fleet's rows are read from: each cluster's latest and
 * previous scan and newest attempt (its time, outcome and message), and
 * the acknowledgements in force at `now` (rows are only added and withdrawn,
 * so their count and the count withdrawn change with every write; one
 * expiring lowers the count of those still running). One statement; the
 * clusters' columns are joined in the database (text with its length
 * before it, so no two states read alike, and so that the attempts can be
 * taken back out of it: the version and the attempts are one snapshot).
 */
export async function readFleetState(
  db: Knex,
  now: Date,
): Promise<FleetStateRead> {
  const clusters = isPostgres(db)
    ? `select string_agg(concat(length(cluster), ':', cluster, ',', latest_scan_id, ',', previous_scan_id, ',',
         (extract(epoch from attempted_at) * 1000000)::bigint, ',', attempt_ok, ',',
         length(attempt_message), ':', attempt_message), ';' order by cluster) from ${CLUSTERS}`
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
  const text = row.clusters === null ? '' : String(row.clusters);
  const digest = createHash('sha256').update(text).digest('base64url');
  return {
    version: `${digest}:${row.acks}:${row.withdrawn}:${row.running}`,
    clusters: text,
  };
}

/** One cluster's newest attempt as `readFleetState` joined it: time, outcome, message. */
interface AttemptState {
  cluster: string;
  /** the attempt's three fields as they were joined: equal text, equal attempt */
  key: string;
  at: string;
  ok: string;
  message: string | null;
}

/**
 * The attempts in a `readFleetState` text, in cluster order. Lengths are
 * the database's (characters, not UTF-16 units), so text is taken by code
 * points.
 */
export function attemptStates(text: string): AttemptState[] {
  const states: AttemptState[] = [];
  let i = 0;
  const field = (): string => {
    const end = text.indexOf(',', i);
    const value = text.slice(i, end);
    i = end + 1;
    return value;
  };
  /** `length:text`, or NULL: SQLite leaves the field empty, PostgreSQL writes a bare ':' */
  const counted = (): string | null => {
    if (i >= text.length || text[i] === ';') return null;
    if (text[i] === ':') {
      i += 1;
      return null;
    }
    const colon = text.indexOf(':', i);
    let n = Number(text.slice(i, colon));
    let end = colon + 1;
    for (; n > 0; n -= 1) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
    const value = text.slice(colon + 1, end);
    i = end;
    return value;
  };
  while (i < text.length) {
    const cluster = counted()!;
    i += 1; // the comma after the name
    field(); // latest scan
    field(); // previous scan
    const from = i;
    const at = field();
    const ok = field();
    const message = counted();
    const key = text.slice(from, i);
    if (i < text.length) i += 1; // the ';' between clusters
    if (at !== '') states.push({ cluster, key, at, ok, message });
  }
  return states;
}

/** PostgreSQL's epoch microseconds; SQLite's epoch milliseconds (or a date as text). */
function atTime(at: string, postgres: boolean): number | string {
  if (postgres) return Number(at) / 1000;
  return /^\d+(\.\d*)?$/.test(at) ? Number(at) : at;
}

/**
 * The attempts a fleet state names, as `ScanAttempt`s; an attempt that
 * reads as before keeps its object, so what was derived from it holds.
 */
export class FleetAttempts {
  private readonly last = new Map<
    string,
    { key: string; attempt: ScanAttempt }
  >();

  constructor(private readonly postgres: boolean) {}

  of(read: FleetStateRead): Map<string, ScanAttempt> {
    const result = new Map<string, ScanAttempt>();
    for (const state of attemptStates(read.clusters)) {
      const last = this.last.get(state.cluster);
      if (last?.key === state.key) {
        result.set(state.cluster, last.attempt);
        continue;
      }
      const attempt = {
        cluster: state.cluster,
        at: toIso(atTime(state.at, this.postgres)),
        // SQLite joins a boolean as 1, PostgreSQL as t
        ok: state.ok === '1' || state.ok === 't',
        message: state.message,
      };
      this.last.set(state.cluster, { key: state.key, attempt });
      result.set(state.cluster, attempt);
    }
    if (this.last.size > result.size) {
      for (const cluster of this.last.keys()) {
        if (!result.has(cluster)) this.last.delete(cluster);
      }
    }
    return result;
  }
}
