import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Acknowledgement, ClusterReport } from '@network-scorecard/common';
import { Knex } from 'knex';
import { ScanStore } from './ScanStore';

const SCANS = 'network_scorecard_scans';
const ACKS = 'network_scorecard_acknowledgements';

const migrationsDir = resolvePackagePath(
  '@network-scorecard/plugin-backend',
  'migrations',
);

interface ScanRow {
  id: number | string;
  cluster: string;
  scanned_at: Date | string | number;
  report: string;
}

interface AckRow {
  anti_pattern_id: string;
  acknowledged_by: string;
  reason: string;
  acknowledged_at: Date | string | number;
  expires_at: Date | string | number;
}

/** SQLite stores dates as epoch milliseconds, PostgreSQL as timestamps. */
function toIso(value: Date | string | number): string {
  return new Date(value).toISOString();
}

/** Scan history and acknowledgements in the plugin's own database (knex). */
export class DatabaseScanStore implements ScanStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseScanStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseScanStore(client);
  }

  /** For tests that step migrations themselves. */
  static migrationsDirectory(): string {
    return migrationsDir;
  }

  constructor(private readonly db: Knex) {}

  async insertScan(report: ClusterReport): Promise<void> {
    await this.db(SCANS).insert({
      cluster: report.cluster,
      scanned_at: new Date(report.scannedAt),
      source: report.source,
      status: report.status,
      score: report.score,
      grade: report.grade,
      coverage: report.coverage,
      ruleset_version: report.rulesetVersion,
      report: JSON.stringify(report),
    });
  }

  async latestReports(): Promise<Map<string, ClusterReport>> {
    const newest = this.db(SCANS)
      .select('cluster')
      .max({ newest: 'scanned_at' })
      .groupBy('cluster')
      .as('newest');
    const rows: ScanRow[] = await this.db(SCANS)
      .join(newest, join =>
        join
          .on(`${SCANS}.cluster`, '=', 'newest.cluster')
          .andOn(`${SCANS}.scanned_at`, '=', 'newest.newest'),
      )
      .select(
        `${SCANS}.id`,
        `${SCANS}.cluster`,
        `${SCANS}.scanned_at`,
        `${SCANS}.report`,
      )
      .orderBy(`${SCANS}.id`, 'asc');
    const result = new Map<string, ClusterReport>();
    for (const row of rows) {
      // several scans with the same time: the one written last wins
      result.set(row.cluster, JSON.parse(row.report));
    }
    return result;
  }

  async latestReport(cluster: string): Promise<ClusterReport | undefined> {
    const [report] = await this.history(cluster, 1);
    return report;
  }

  async history(cluster: string, limit: number): Promise<ClusterReport[]> {
    const rows: ScanRow[] = await this.db(SCANS)
      .where({ cluster })
      .orderBy([
        { column: 'scanned_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit)
      .select('id', 'cluster', 'scanned_at', 'report');
    return rows.map(row => JSON.parse(row.report));
  }

  async deleteScansBefore(before: Date): Promise<number> {
    const newestIds = this.db(SCANS).max('id').groupBy('cluster');
    return this.db(SCANS)
      .where('scanned_at', '<', before)
      .whereNotIn('id', newestIds)
      .delete();
  }

  async addAcknowledgement(
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

  async activeAcknowledgements(
    cluster: string,
    now: Date,
  ): Promise<Record<string, Acknowledgement>> {
    const rows: AckRow[] = await this.db(ACKS)
      .where({ cluster })
      .andWhere('expires_at', '>', now)
      .orderBy('id', 'asc')
      .select(
        'anti_pattern_id',
        'acknowledged_by',
        'reason',
        'acknowledged_at',
        'expires_at',
      );
    const result: Record<string, Acknowledgement> = {};
    for (const row of rows) {
      result[row.anti_pattern_id] = {
        by: row.acknowledged_by,
        reason: row.reason,
        at: toIso(row.acknowledged_at),
        expiresAt: toIso(row.expires_at),
      };
    }
    return result;
  }
}
