import { Acknowledgement } from '@network-scorecard/common';
import { Knex } from 'knex';
import { AcknowledgementRecord } from './ScanStore';
import { ACKS, DbDate, toIso } from './tables';

interface AckRow {
  cluster: string;
  anti_pattern_id: string;
  acknowledged_by: string;
  reason: string;
  acknowledged_at: DbDate;
  expires_at: DbDate;
  withdrawn_at: DbDate | null;
  withdrawn_by: string | null;
}

const COLUMNS = [
  'cluster',
  'anti_pattern_id',
  'acknowledged_by',
  'reason',
  'acknowledged_at',
  'expires_at',
  'withdrawn_at',
  'withdrawn_by',
];

function toAcknowledgement(row: AckRow): Acknowledgement {
  return {
    by: row.acknowledged_by,
    reason: row.reason,
    at: toIso(row.acknowledged_at),
    expiresAt: toIso(row.expires_at),
  };
}

/** The acknowledgement audit trail: rows are added and withdrawn, never deleted. */
export class AcknowledgementRows {
  constructor(private readonly db: Knex) {}

  async add(
    cluster: string,
    antiPatternId: string,
    acknowledgement: Acknowledgement,
  ): Promise<void> {
    if (!acknowledgement.expiresAt) {
      throw new Error('an acknowledgement needs an expiry');
    }
    await this.db(ACKS).insert({
      cluster,
      anti_pattern_id: antiPatternId,
      acknowledged_by: acknowledgement.by,
      reason: acknowledgement.reason,
      acknowledged_at: new Date(acknowledgement.at),
      expires_at: new Date(acknowledgement.expiresAt),
    });
  }

  async active(
    cluster: string,
    now: Date,
  ): Promise<Record<string, Acknowledgement>> {
    return (await this.allActive(now, cluster)).get(cluster) ?? {};
  }

  /** newest per (cluster, anti-pattern) that is neither expired nor withdrawn */
  async allActive(
    now: Date,
    cluster?: string,
  ): Promise<Map<string, Record<string, Acknowledgement>>> {
    const query = this.db(ACKS)
      .where('expires_at', '>', now)
      .whereNull('withdrawn_at');
    if (cluster) query.andWhere({ cluster });
    const rows: AckRow[] = await query.orderBy('id', 'asc').select(COLUMNS);
    const result = new Map<string, Record<string, Acknowledgement>>();
    for (const row of rows) {
      const acks = result.get(row.cluster) ?? {};
      acks[row.anti_pattern_id] = toAcknowledgement(row);
      result.set(row.cluster, acks);
    }
    return result;
  }

  async trail(cluster: string): Promise<AcknowledgementRecord[]> {
    const rows: AckRow[] = await this.db(ACKS)
      .where({ cluster })
      .orderBy('id', 'desc')
      .select(COLUMNS);
    return rows.map(row => ({
      cluster: row.cluster,
      antiPatternId: row.anti_pattern_id,
      acknowledgement: toAcknowledgement(row),
      withdrawn:
        row.withdrawn_at && row.withdrawn_by
          ? { by: row.withdrawn_by, at: toIso(row.withdrawn_at) }
          : null,
    }));
  }

  async withdraw(
    cluster: string,
    antiPatternId: string,
    withdrawal: { by: string; at: string },
  ): Promise<number> {
    const at = new Date(withdrawal.at);
    return this.db(ACKS)
      .where({ cluster, anti_pattern_id: antiPatternId })
      .whereNull('withdrawn_at')
      .andWhere('expires_at', '>', at)
      .update({ withdrawn_at: at, withdrawn_by: withdrawal.by });
  }
}
