// @ts-check

/**
 * Who is scanning a cluster right now, across replicas: a scan request for a
 * cluster another replica is scanning waits for that scan instead of
 * starting a second one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('network_scorecard_clusters', table => {
    table
      .dateTime('scanning_until', { useTz: true })
      .nullable()
      .comment(
        'a replica scans this cluster until then, unless it finishes first',
      );
    table.string('scanning_by', 64).nullable().comment('the scanning replica');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('network_scorecard_clusters', table => {
    table.dropColumn('scanning_until');
    table.dropColumn('scanning_by');
  });
};
