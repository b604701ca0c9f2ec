// @ts-check

/**
 * Compact history: one small row per scan, the full report once per distinct
 * content, the newest attempt and scans of each cluster, and withdrawable
 * acknowledgements. Existing scans are converted, none is lost; `down` puts
 * every report back in its scan row.
 *
 * The statuses of converted reports (`summary` and `report_items`) are filled
 * in by the store when it starts, from the one function that derives them.
 */

const crypto = require('crypto');

const SCANS = 'network_scorecard_scans';
const REPORTS = 'network_scorecard_reports';
const ITEMS = 'network_scorecard_report_items';
const CLUSTERS = 'network_scorecard_clusters';
const ATTEMPTS = 'network_scorecard_scan_attempts';
const ACKS = 'network_scorecard_acknowledgements';

/** @param {string} reportJson */
function contentHash(reportJson) {
  const { scannedAt: _scannedAt, ...content } = JSON.parse(reportJson);
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(content))
    .digest('hex');
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(REPORTS, table => {
    table.comment(
      'Each distinct report content of a cluster, stored once (the scan time of its first scan inside)',
    );
    table.bigIncrements('id').primary();
    table.string('cluster', 253).notNullable();
    table
      .string('content_hash', 64)
      .notNullable()
      .comment('sha256 of the report JSON without scannedAt');
    table
      .text('summary')
      .nullable()
      .comment('areas, readiness and anti-pattern statuses (JSON)');
    table.text('report').notNullable().comment('the report JSON');
    table.unique(['cluster', 'content_hash'], {
      indexName: 'network_scorecard_reports_content_uq',
    });
  });

  await knex.schema.createTable(ITEMS, table => {
    table.comment(
      'Readiness and anti-pattern statuses of each report, for fleet history in SQL',
    );
    table.bigInteger('report_id').notNullable();
    table.string('kind', 16).notNullable().comment('readiness | anti-pattern');
    table.string('item_id', 128).notNullable();
    table.string('status', 16).notNullable();
    table.primary(['report_id', 'kind', 'item_id']);
  });

  await knex.schema.alterTable(SCANS, table => {
    table.bigInteger('report_id').nullable();
  });
  const scans = await knex(SCANS).select('id', 'cluster', 'report');
  /** @type {Map<string, number>} */
  const reportIds = new Map();
  for (const scan of scans) {
    const hash = contentHash(scan.report);
    const key = `${scan.cluster}\n${hash}`;
    let reportId = reportIds.get(key);
    if (reportId === undefined) {
      const [row] = await knex(REPORTS)
        .insert({
          cluster: scan.cluster,
          content_hash: hash,
          summary: null,
          report: scan.report,
        })
        .returning('id');
      reportId = Number(typeof row === 'object' ? row.id : row);
      reportIds.set(key, reportId);
    }
    await knex(SCANS).where({ id: scan.id }).update({ report_id: reportId });
  }
  await knex.schema.alterTable(SCANS, table => {
    table.dropColumn('report');
    table.index(['report_id'], 'network_scorecard_scans_report_idx');
  });

  await knex.schema.createTable(CLUSTERS, table => {
    table.comment(
      'The newest and previous scan of each cluster, and its newest scan attempt',
    );
    table.string('cluster', 253).primary();
    table.bigInteger('latest_scan_id').nullable();
    table.bigInteger('previous_scan_id').nullable();
    table.dateTime('attempted_at', { useTz: true }).nullable();
    table.boolean('attempt_ok').nullable();
    table.text('attempt_message').nullable();
  });
  const ordered = await knex(SCANS)
    .select('id', 'cluster')
    .orderBy([
      { column: 'cluster' },
      { column: 'scanned_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
  /** @type {Map<string, number[]>} */
  const newest = new Map();
  for (const row of ordered) {
    const ids = newest.get(row.cluster) ?? [];
    if (ids.length < 2) ids.push(Number(row.id));
    newest.set(row.cluster, ids);
  }
  for (const [cluster, [latest, previous]] of newest) {
    await knex(CLUSTERS).insert({
      cluster,
      latest_scan_id: latest,
      previous_scan_id: previous ?? null,
    });
  }

  await knex.schema.createTable(ATTEMPTS, table => {
    table.comment('Every scan attempt, from whichever replica made it');
    table.bigIncrements('id').primary();
    table.string('cluster', 253).notNullable();
    table.dateTime('attempted_at', { useTz: true }).notNullable();
    table.boolean('ok').notNullable();
    table.text('message').nullable();
    table.index(['attempted_at'], 'network_scorecard_attempts_time_idx');
  });

  await knex.schema.alterTable(ACKS, table => {
    table.dateTime('withdrawn_at', { useTz: true }).nullable();
    table.string('withdrawn_by', 255).nullable().comment('user entity ref');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable(ACKS, table => {
    table.dropColumn('withdrawn_at');
    table.dropColumn('withdrawn_by');
  });
  await knex.schema.dropTable(ATTEMPTS);
  await knex.schema.dropTable(CLUSTERS);
  await knex.schema.alterTable(SCANS, table => {
    table.dropIndex(['report_id'], 'network_scorecard_scans_report_idx');
    table.text('report').nullable();
  });
  const scans = await knex(SCANS)
    .join(REPORTS, `${REPORTS}.id`, `${SCANS}.report_id`)
    .select(`${SCANS}.id`, `${SCANS}.scanned_at`, `${REPORTS}.report`);
  for (const scan of scans) {
    const report = JSON.parse(scan.report);
    report.scannedAt = new Date(scan.scanned_at).toISOString();
    await knex(SCANS)
      .where({ id: scan.id })
      .update({ report: JSON.stringify(report) });
  }
  await knex.schema.alterTable(SCANS, table => {
    table.dropColumn('report_id');
  });
  // every row has its report again
  await knex.schema.alterTable(SCANS, table => {
    table.text('report').notNullable().alter();
  });
  await knex.schema.dropTable(ITEMS);
  await knex.schema.dropTable(REPORTS);
};
