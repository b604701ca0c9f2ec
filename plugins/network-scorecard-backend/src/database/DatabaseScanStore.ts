import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Acknowledgement, ClusterReport } from '@network-scorecard/common';
import { Knex } from 'knex';
import { AcknowledgementRows } from './AcknowledgementRows';
import { deleteScansBefore } from './deleteScansBefore';
import { fleetHistory } from './fleetHistory';
import { FleetAttempts, readFleetState } from './fleetState';
import { HistoryHead, historyHead, sampledHistory } from './historyPoints';
import { insertItems, insertScan } from './insertScan';
import { LatestPointsRead } from './latestPointsRead';
import { PointRow, ReportSummaries, pointsOf } from './pointRows';
import { scanSummary } from './scanPoint';
import { StampedRead } from './stampedRead';
import { historyVersion, isPostgres, latestPointsVersion } from './versions';
import {
  AcknowledgementRecord,
  FleetHistoryBucket,
  FleetState,
  InsertOutcome,
  LatestPoints,
  ScanAttempt,
  ScanPoint,
  ScanStore,
} from './ScanStore';
import {
  ATTEMPTS,
  CLUSTERS,
  DbDate,
  ITEMS,
  REPORTS,
  SCANS,
  toIso,
} from './tables';

const migrationsDir = resolvePackagePath(
  '@network-scorecard/plugin-backend',
  'migrations',
);

/**
 * Scan history, attempts and acknowledgements in the plugin's own database
 * (knex; SQLite and PostgreSQL). A scan is a small row; its report is kept
 * once per distinct content.
 */
export class DatabaseScanStore implements ScanStore {
  private readonly acks: AcknowledgementRows;
  private readonly summaries: ReportSummaries;
  private readonly latest: StampedRead<Map<string, LatestPoints>>;
  private readonly attempts: FleetAttempts;

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseScanStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    const store = new DatabaseScanStore(client);
    await store.completeSummaries();
    return store;
  }

  /** For tests that step migrations themselves. */
  static migrationsDirectory(): string {
    return migrationsDir;
  }

  constructor(private readonly db: Knex) {
    this.acks = new AcknowledgementRows(db);
    this.summaries = new ReportSummaries(db);
    const latestPoints = new LatestPointsRead(db, this.summaries);
    this.latest = new StampedRead(() => latestPoints.read());
    this.attempts = new FleetAttempts(isPostgres(db));
  }

  /**
   * Reports converted by the compact-history migration get their statuses
   * here, from the same function that summarises new scans.
   */
  async completeSummaries(): Promise<number> {
    const rows: { id: number | string; report: string }[] = await this.db(
      REPORTS,
    )
      .whereNull('summary')
      .select('id', 'report');
    for (const row of rows) {
      const summary = scanSummary(JSON.parse(row.report));
      await this.db.transaction(async tx => {
        await tx(ITEMS).where({ report_id: row.id }).delete();
        await insertItems(tx, row.id, summary);
        await tx(REPORTS)
          .where({ id: row.id })
          .update({ summary: JSON.stringify(summary) });
      });
    }
    return rows.length;
  }

  insertScan(report: ClusterReport): Promise<InsertOutcome> {
    return insertScan(this.db, this.summaries, report);
  }

  async recordAttempt(attempt: ScanAttempt): Promise<void> {
    const at = new Date(attempt.at);
    await this.db.transaction(async tx => {
      await tx(ATTEMPTS).insert({
        cluster: attempt.cluster,
        attempted_at: at,
        ok: attempt.ok,
        message: attempt.message,
      });
      await tx(CLUSTERS)
        .insert({
          cluster: attempt.cluster,
          attempted_at: at,
          attempt_ok: attempt.ok,
          attempt_message: attempt.message,
        })
        .onConflict('cluster')
        .merge(['attempted_at', 'attempt_ok', 'attempt_message']);
    });
  }

  async claimScan(cluster: string, by: string, until: Date): Promise<boolean> {
    await this.db(CLUSTERS).insert({ cluster }).onConflict('cluster').ignore();
    const claimed = await this.db(CLUSTERS)
      .where({ cluster })
      .andWhere(free =>
        free
          .whereNull('scanning_until')
          .orWhere('scanning_until', '<', new Date())
          .orWhere('scanning_by', by),
      )
      .update({ scanning_until: until, scanning_by: by });
    return claimed === 1;
  }

  async releaseScan(cluster: string, by: string): Promise<void> {
    await this.db(CLUSTERS)
      .where({ cluster, scanning_by: by })
      .update({ scanning_until: null, scanning_by: null });
  }

  async latestAttempts(): Promise<Map<string, ScanAttempt>> {
    return (await this.fleetState(new Date())).attempts();
  }

  async fleetState(now: Date): Promise<FleetState> {
    const read = await readFleetState(this.db, now);
    let attempts: Map<string, ScanAttempt> | undefined;
    return {
      version: read.version,
      attempts: () => (attempts ??= this.attempts.of(read)),
    };
  }

  async latestReport(cluster: string): Promise<ClusterReport | undefined> {
    const row: { scanned_at: DbDate; report: string } | undefined =
      await this.db(CLUSTERS)
        .join(SCANS, `${SCANS}.id`, `${CLUSTERS}.latest_scan_id`)
        .join(REPORTS, `${REPORTS}.id`, `${SCANS}.report_id`)
        .where(`${CLUSTERS}.cluster`, cluster)
        .first(`${SCANS}.scanned_at`, `${REPORTS}.report`);
    if (!row) return undefined;
    const report: ClusterReport = JSON.parse(row.report);
    // the stored report is the first scan of this content; this is the newest
    report.scannedAt = toIso(row.scanned_at);
    return report;
  }

  /** The last answer holds while no cluster's latest or previous scan moved (scans deleted by hand are not noticed). */
  async latestPoints(): Promise<Map<string, LatestPoints>> {
    return this.latest.get(await latestPointsVersion(this.db));
  }

  historyVersion(cluster: string): Promise<string> {
    return historyVersion(this.db, cluster);
  }

  async points(
    cluster: string,
    range: { from: Date; to: Date },
  ): Promise<ScanPoint[]> {
    const rows: PointRow[] = await this.db(SCANS)
      .where({ cluster })
      .andWhere('scanned_at', '>=', range.from)
      .andWhere('scanned_at', '<=', range.to)
      .orderBy([
        { column: 'scanned_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .select('id', 'cluster', 'scanned_at', 'report_id');
    return this.toPoints(rows);
  }

  historyHead(
    cluster: string,
    range: { from: Date; to: Date },
  ): Promise<HistoryHead> {
    return historyHead(this.db, cluster, range);
  }

  async history(
    cluster: string,
    range: { from: Date; to: Date; limit?: number },
    max: number,
    head?: HistoryHead,
  ): Promise<{ total: number; points: ScanPoint[] }> {
    const { total, rows } = await sampledHistory(
      this.db,
      cluster,
      range,
      max,
      head,
    );
    return { total, points: await this.toPoints(rows) };
  }

  async fleetHistory(range: {
    from: Date;
    to: Date;
    bucket: 'day' | 'week';
  }): Promise<FleetHistoryBucket[]> {
    return fleetHistory(
      {
        db: this.db,
        summaries: this.summaries,
        latestPoints: () => this.latestPoints(),
      },
      range,
    );
  }

  deleteScansBefore(before: Date): Promise<number> {
    return deleteScansBefore(this.db, before);
  }

  addAcknowledgement(
    cluster: string,
    antiPatternId: string,
    acknowledgement: Acknowledgement,
  ): Promise<void> {
    return this.acks.add(cluster, antiPatternId, acknowledgement);
  }

  activeAcknowledgements(
    cluster: string,
    now: Date,
  ): Promise<Record<string, Acknowledgement>> {
    return this.acks.active(cluster, now);
  }

  allActiveAcknowledgements(
    now: Date,
  ): Promise<Map<string, Record<string, Acknowledgement>>> {
    return this.acks.allActive(now);
  }

  acknowledgements(cluster: string): Promise<AcknowledgementRecord[]> {
    return this.acks.trail(cluster);
  }

  withdrawAcknowledgement(
    cluster: string,
    antiPatternId: string,
    withdrawal: { by: string; at: string },
  ): Promise<number> {
    return this.acks.withdraw(cluster, antiPatternId, withdrawal);
  }

  private toPoints(rows: PointRow[]): Promise<ScanPoint[]> {
    return pointsOf(this.summaries, rows);
  }
}
