import { ClusterReport } from '@network-scorecard/common';
import { Knex } from 'knex';
import { touchBuckets } from './fleetBuckets';
import { PointRow, ReportSummaries, Summary, pointsOf } from './pointRows';
import { contentHash, reportContent, scanSummary } from './scanPoint';
import { InsertOutcome, ScanPoint } from './ScanStore';
import { CLUSTERS, ITEMS, REPORTS, SCANS } from './tables';
import { isPostgres } from './versions';

interface ReportRow {
  id: number | string;
  content_hash: string;
  summary: string | null;
}

/** What a scan's row takes from its report, besides the cluster, the time and the report's id. */
export function scanColumns(report: ClusterReport) {
  return {
    source: report.source,
    status: report.status,
    score: report.score,
    grade: report.grade,
    coverage: report.coverage,
    ruleset_version: report.rulesetVersion,
  };
}

/**
 * Stores one scan: its row, its report when the content is new to the
 * cluster, and the cluster's latest and previous scan by time (a
 * backfilled dump lands between two scans), in one transaction that holds
 * the cluster's row, so replicas writing the same cluster take turns.
 */
export async function insertScan(
  db: Knex,
  summaries: ReportSummaries,
  report: ClusterReport,
): Promise<InsertOutcome> {
  const content = reportContent(report);
  const hash = contentHash(content);
  const summary = scanSummary(report);
  const scannedAt = new Date(report.scannedAt);
  return db.transaction(async tx => {
    await tx(CLUSTERS)
      .insert({ cluster: report.cluster })
      .onConflict('cluster')
      .ignore();
    // one writer per cluster at a time, across replicas
    const lock = tx(CLUSTERS).where({ cluster: report.cluster });
    const state: {
      latest_scan_id: number | string | null;
      previous_scan_id: number | string | null;
    } = await (isPostgres(db) ? lock.forUpdate() : lock).first(
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
    const before: { report_id: number | string } | undefined = await neighbours
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
        ...scanColumns(report),
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

    const [latest, previous] = await pointsById(tx, summaries, [
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

async function pointsById(
  tx: Knex.Transaction,
  summaries: ReportSummaries,
  ids: (number | string | null)[],
): Promise<(ScanPoint | null)[]> {
  const wanted = ids.filter((id): id is number | string => id !== null);
  if (wanted.length === 0) return ids.map(() => null);
  const rows: PointRow[] = await tx(SCANS)
    .whereIn('id', wanted)
    .select('id', 'cluster', 'scanned_at', 'report_id');
  const points = await pointsOf(summaries, rows, tx);
  return ids.map(id => {
    const i = rows.findIndex(r => id !== null && String(r.id) === String(id));
    return i >= 0 ? points[i] : null;
  });
}

/** The report's readiness and anti-pattern statuses, one row each, for the fleet history. */
export async function insertItems(
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
