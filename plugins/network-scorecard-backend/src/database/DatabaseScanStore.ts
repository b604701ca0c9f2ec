import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Acknowledgement, ClusterReport } from '@network-scorecard/common';
import { Knex } from 'knex';
import { AcknowledgementRows } from './AcknowledgementRows';
import { fleetHistory } from './fleetHistory';
import { touchBuckets, touchBucketsBefore } from './fleetBuckets';
import { HistoryHead, historyHead, sampledHistory } from './historyPoints';
import { StampedRead } from './stampedRead';
import { historyVersion, latestPointsVersion } from './versions';
import { FleetAttempts, readFleetState } from './fleetState';
import { PointRow, ReportSummaries, Summary, toPoint } from './pointRows';
import { contentHash, reportContent, scanSummary } from './scanPoint';
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

interface ReportRow {
  id: number | string;
  content_hash: string;
  summary: string | null;
}

/** Ids per statement: SQLite allows 32,766 bound values. */
const ID_BATCH = 5000;

function idsOf(pair: {
  latest_scan_id: number | string | null;
  previous_scan_id: number | string | null;
}): string {
  return `${pair.latest_scan_id}/${pair.previous_scan_id}`;
}

/**
 * Scan history, attempts and acknowledgements in the plugin's own database
 * (knex; SQLite and PostgreSQL). A scan is a small row; its report is kept
 * once per distinct content.
 */
export class DatabaseScanStore implements ScanStore {
  private readonly acks: AcknowledgementRows;
  private readonly summaries: ReportSummaries;
  private readonly latest = new StampedRead(() => this.readLatestPoints());
  /** each cluster's entry of the last read, under the ids of its two scans */
  private lastRead = new Map<string, { ids: string; entry: LatestPoints }>();
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
    this.attempts = new FleetAttempts(this.isPostgres());
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

  async insertScan(report: ClusterReport): Promise<InsertOutcome> {
    const content = reportContent(report);
    const hash = contentHash(content);
    const summary = scanSummary(report);
    const scannedAt = new Date(report.scannedAt);
    return this.db.transaction(async tx => {
      await tx(CLUSTERS)
        .insert({ cluster: report.cluster })
        .onConflict('cluster')
        .ignore();
      // one writer per cluster at a time, across replicas
      const lock = tx(CLUSTERS).where({ cluster: report.cluster });
      const state: {
        latest_scan_id: number | string | null;
        previous_scan_id: number | string | null;
      } = await (this.isPostgres() ? lock.forUpdate() : lock).first(
        'latest_scan_id',
        'previous_scan_id',
      );

      let reportRow: ReportRow | undefined = await tx(REPORTS)
        .where({ cluster: report.cluster, content_hash: hash })
        .first('id', 'content_hash', 'summary');
      const reportStored = !reportRow;
      if (!reportRow) {
        const [inserted] = await tx(REPORTS)
          .insert({
            cluster: report.cluster,
            content_hash: hash,
            summary: JSON.stringify(summary),
            report: JSON.stringify(report),
          })
          .returning('id');
        const id = typeof inserted === 'object' ? inserted.id : inserted;
        await insertItems(tx, id, summary);
        reportRow = { id, content_hash: hash, summary: null };
      } else {
        const duplicate = await tx(SCANS)
          .where({
            cluster: report.cluster,
            scanned_at: scannedAt,
            report_id: reportRow.id,
          })
          .first('id');
        if (duplicate) return { stored: false };
      }

      // neighbours by time: a backfilled dump lands between two scans
      const neighbours = tx(SCANS).where({ cluster: report.cluster });
      const before: { report_id: number | string } | undefined =
        await neighbours
          .clone()
          .andWhere('scanned_at', '<=', scannedAt)
          .orderBy([
            { column: 'scanned_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .first('report_id');
      const after:
        | { id: number | string; report_id: number | string }
        | undefined = await neighbours
        .clone()
        .andWhere('scanned_at', '>', scannedAt)
        .orderBy([
          { column: 'scanned_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ])
        .first('id', 'report_id');
      const differs = (other: { report_id: number | string } | undefined) =>
        !other || String(other.report_id) !== String(reportRow!.id);

      const [insertedScan] = await tx(SCANS)
        .insert({
          report_changed: differs(before),
          cluster: report.cluster,
          scanned_at: scannedAt,
          source: report.source,
          status: report.status,
          score: report.score,
          grade: report.grade,
          coverage: report.coverage,
          ruleset_version: report.rulesetVersion,
          report_id: reportRow.id,
        })
        .returning('id');
      const scanId =
        typeof insertedScan === 'object' ? insertedScan.id : insertedScan;
      if (after) {
        await tx(SCANS)
          .where({ id: after.id })
          .update({ report_changed: differs(after) });
      }
      await touchBuckets(tx, scannedAt);

      const [latest, previous] = await this.pointsById(tx, [
        state.latest_scan_id,
        state.previous_scan_id,
      ]);
      const newest = (a: ScanPoint | null) =>
        !a || Date.parse(a.scannedAt) <= scannedAt.getTime();
      if (newest(latest)) {
        await tx(CLUSTERS).where({ cluster: report.cluster }).update({
          latest_scan_id: scanId,
          previous_scan_id: state.latest_scan_id,
        });
        return {
          stored: true,
          reportStored,
          becameLatest: true,
          previous: latest,
        };
      }
      // a backfilled dump older than the latest: it may still be the one before it
      if (newest(previous)) {
        await tx(CLUSTERS)
          .where({ cluster: report.cluster })
          .update({ previous_scan_id: scanId });
      }
      return {
        stored: true,
        reportStored,
        becameLatest: false,
        previous: null,
      };
    });
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

  /**
   * Each cluster's pair of scan ids, then only the scans of the pairs that
   * moved since the last read: a scan row never changes once stored, and
   * retention never deletes a cluster's latest or previous scan, so the
   * pairs and the rows read after them are one state.
   */
  private async readLatestPoints(): Promise<Map<string, LatestPoints>> {
    const pairs: {
      cluster: string;
      latest_scan_id: number | string | null;
      previous_scan_id: number | string | null;
    }[] = await this.db(CLUSTERS)
      .whereNotNull('latest_scan_id')
      .select('cluster', 'latest_scan_id', 'previous_scan_id');
    // another read may finish meanwhile: this one compares with one last read throughout
    const lastRead = this.lastRead;
    const moved = pairs.filter(
      pair => lastRead.get(pair.cluster)?.ids !== idsOf(pair),
    );
    const wanted = moved.flatMap(pair =>
      pair.previous_scan_id === null
        ? [pair.latest_scan_id!]
        : [pair.latest_scan_id!, pair.previous_scan_id],
    );
    const rows = new Map<string, PointRow>();
    for (let i = 0; i < wanted.length; i += ID_BATCH) {
      const batch: PointRow[] = await this.db(SCANS)
        .whereIn('id', wanted.slice(i, i + ID_BATCH))
        .select('id', 'cluster', 'scanned_at', 'report_id');
      for (const row of batch) rows.set(String(row.id), row);
    }
    const reports = await this.summaries.get(
      [...rows.values()].map(row => row.report_id),
    );
    const point = (id: number | string | null) => {
      const row = id === null ? undefined : rows.get(String(id));
      return row ? toPoint(row, reports.get(String(row.report_id))!) : null;
    };
    // A cluster whose two scans are the same keeps its objects, and so what
    // was derived from them (its fleet row's summary): one scan stored makes
    // one row anew, not a thousand.
    const kept = new Map<string, { ids: string; entry: LatestPoints }>();
    for (const pair of pairs) {
      const ids = idsOf(pair);
      const last = lastRead.get(pair.cluster);
      if (last?.ids === ids) {
        kept.set(pair.cluster, last);
        continue;
      }
      // a cluster whose latest was deleted by hand has only a previous: it is not "latest"
      const latest = point(pair.latest_scan_id);
      if (latest) {
        kept.set(pair.cluster, {
          ids,
          entry: { latest, previous: point(pair.previous_scan_id) },
        });
      }
    }
    this.lastRead = kept;
    return new Map([...kept].map(([cluster, { entry }]) => [cluster, entry]));
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

  async deleteScansBefore(before: Date): Promise<number> {
    return this.db.transaction(async tx => {
      const kept = tx(CLUSTERS)
        .select('latest_scan_id')
        .whereNotNull('latest_scan_id')
        .union(function previous() {
          this.select('previous_scan_id')
            .from(CLUSTERS)
            .whereNotNull('previous_scan_id');
        });
      const deleted = await tx(SCANS)
        .where('scanned_at', '<', before)
        .whereNotIn('id', kept)
        .delete();
      if (deleted > 0) await touchBucketsBefore(tx, before);
      const used = tx(SCANS).distinct('report_id');
      await tx(ITEMS).whereNotIn('report_id', used).delete();
      await tx(REPORTS).whereNotIn('id', used).delete();
      await tx(ATTEMPTS).where('attempted_at', '<', before).delete();
      return deleted;
    });
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

  private isPostgres(): boolean {
    return String(this.db.client.config.client) === 'pg';
  }

  private async pointsById(
    tx: Knex.Transaction,
    ids: (number | string | null)[],
  ): Promise<(ScanPoint | null)[]> {
    const wanted = ids.filter((id): id is number | string => id !== null);
    if (wanted.length === 0) return ids.map(() => null);
    const rows: PointRow[] = await tx(SCANS)
      .whereIn('id', wanted)
      .select('id', 'cluster', 'scanned_at', 'report_id');
    const points = await this.toPoints(rows, tx);
    return ids.map(id => {
      const i = rows.findIndex(r => id !== null && String(r.id) === String(id));
      return i >= 0 ? points[i] : null;
    });
  }

  private async toPoints(
    rows: PointRow[],
    db: Knex = this.db,
  ): Promise<ScanPoint[]> {
    const reports = await this.summaries.get(
      rows.map(row => row.report_id),
      db,
    );
    return rows.map(row => toPoint(row, reports.get(String(row.report_id))!));
  }
}

async function insertItems(
  tx: Knex.Transaction,
  reportId: number | string,
  summary: Summary,
): Promise<void> {
  const rows = [
    ...Object.entries(summary.readiness).map(([item, status]) => ({
      kind: 'readiness',
      item,
      status,
    })),
    ...Object.entries(summary.antiPatterns).map(([item, status]) => ({
      kind: 'anti-pattern',
      item,
      status,
    })),
  ].map(({ kind, item, status }) => ({
    report_id: reportId,
    kind,
    item_id: item,
    status,
  }));
  if (rows.length > 0) await tx(ITEMS).insert(rows);
}
