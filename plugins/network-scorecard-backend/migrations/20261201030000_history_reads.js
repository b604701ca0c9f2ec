// @ts-check

/**
 * What a year of history must be readable from without reading every scan.
 *
 * 1. `network_scorecard_scans.report_changed`: the scan's report differs
 *    from the cluster's scan before it (by time), so a cluster's history
 *    finds its changes through an index instead of comparing every scan.
 *    Kept by the store as scans are stored, including backfilled ones.
 * 2. `network_scorecard_fleet_buckets`: the fleet's standing per closed day
 *    and week, counted once and kept. Writers bump `version` of the buckets
 *    a scan (or a deletion) touches, in the same transaction; counts are
 *    only valid while `counted_version` equals `version`, so a bucket changed
 *    by a backfilled dump or by retention is counted again, by whichever
 *    replica asks next.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('network_scorecard_scans', table => {
    table
      .boolean('report_changed')
      .notNullable()
      .defaultTo(false)
      .comment("the report differs from the cluster's scan before this one");
    table.index(
      ['cluster', 'report_changed', 'scanned_at'],
      'network_scorecard_scans_changes_idx',
    );
  });
  // scans stored before: compare each with the one before it
  await knex('network_scorecard_scans')
    .whereIn('id', function changed() {
      this.select('id')
        .from(
          knex('network_scorecard_scans')
            .select(
              'id',
              'report_id',
              knex.raw(
                'lag(report_id) over (partition by cluster order by scanned_at, id) as before',
              ),
            )
            .as('c'),
        )
        .whereNull('before')
        .orWhereRaw('before <> report_id');
    })
    .update({ report_changed: true });

  await knex.schema.createTable('network_scorecard_fleet_buckets', table => {
    table.comment('fleet history counts per closed day/week bucket');
    table.string('bucket', 8).notNullable().comment('day or week');
    table
      .dateTime('start', { useTz: true })
      .notNullable()
      .comment('start of the UTC day, or of the week (Monday)');
    table
      .integer('version')
      .notNullable()
      .defaultTo(0)
      .comment('bumped whenever a scan in the bucket is stored or deleted');
    table
      .integer('counted_version')
      .nullable()
      .comment('the version the counts were made from');
    table
      .text('counts')
      .nullable()
      .comment('JSON: clusters, byGrade, readiness, antiPatternsDetected');
    table.primary(['bucket', 'start']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('network_scorecard_fleet_buckets');
  await knex.schema.alterTable('network_scorecard_scans', table => {
    table.dropIndex(
      ['cluster', 'report_changed', 'scanned_at'],
      'network_scorecard_scans_changes_idx',
    );
    table.dropColumn('report_changed');
  });
};
