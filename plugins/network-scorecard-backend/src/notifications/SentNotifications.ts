import { createHash } from 'crypto';
import { Knex } from 'knex';
import { ScorecardChange, eventKey } from './changes';

/** Created by migrations/20261201010000_notifications_sent.js. */
export const SENT_TABLE = 'network_scorecard_notifications_sent';

function hash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * The events already notified about, shared by every replica through the
 * plugin's database. `claim` is the only way to the right to send: one insert
 * per event key wins, on SQLite and PostgreSQL alike (INSERT … ON CONFLICT DO
 * NOTHING), however many replicas, retries or restarts try.
 */
export class SentNotifications {
  constructor(private readonly db: Knex) {}

  /** true when this caller recorded the event first and so must send it */
  async claim(change: ScorecardChange, now: Date): Promise<boolean> {
    const key = eventKey(change);
    const inserted: unknown[] = await this.db(SENT_TABLE)
      .insert({
        key_hash: hash(key),
        event_key: key,
        cluster: change.cluster,
        kind: change.kind,
        item: change.item,
        sent_at: now,
      })
      .onConflict('key_hash')
      .ignore()
      .returning('key_hash');
    return inserted.length > 0;
  }

  /**
   * Gives a claim back after the send failed, so that an event that happens
   * again (tomorrow's acknowledgement check) can be sent then.
   */
  async release(change: ScorecardChange): Promise<void> {
    await this.db(SENT_TABLE)
      .where({ key_hash: hash(eventKey(change)) })
      .delete();
  }
}
