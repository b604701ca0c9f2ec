// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('network_scorecard_scans', table => {
    table.comment(
      'One row per scan of one cluster: the report and its indexed headline figures',
    );
    table.bigIncrements('id').primary();
    table.string('cluster', 253).notNullable().comment('cluster name');
    table.dateTime('scanned_at', { useTz: true }).notNullable();
    table.string('source', 32).notNullable();
    table.string('status', 16).notNullable().comment('ok | partial | failed');
    table.float('score').nullable().comment('0-100, null when not graded');
    table.string('grade', 1).notNullable();
    table.float('coverage').notNullable();
    table.string('ruleset_version', 64).notNullable();
    table
      .text('report')
      .notNullable()
      .comment('the report JSON (DESIGN.md section 7)');
    table.index(
      ['cluster', 'scanned_at'],
      'network_scorecard_scans_cluster_time_idx',
    );
    table.index(['scanned_at'], 'network_scorecard_scans_time_idx');
  });

  await knex.schema.createTable('network_scorecard_acknowledgements', table => {
    table.comment(
      'Audit trail of anti-pattern acknowledgements; the newest unexpired one per anti-pattern applies',
    );
    table.bigIncrements('id').primary();
    table.string('cluster', 253).notNullable();
    table.string('anti_pattern_id', 128).notNullable();
    table
      .string('acknowledged_by', 255)
      .notNullable()
      .comment('user entity ref');
    table.text('reason').notNullable();
    table.dateTime('acknowledged_at', { useTz: true }).notNullable();
    table.dateTime('expires_at', { useTz: true }).notNullable();
    table.index(
      ['cluster', 'anti_pattern_id'],
      'network_scorecard_acks_cluster_ap_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('network_scorecard_acknowledgements');
  await knex.schema.dropTable('network_scorecard_scans');
};
