// @ts-check

/**
 * The scans of a cluster in time order, ties by id: on PostgreSQL the index
 * (cluster, scanned_at) becomes (cluster, scanned_at, id). History seeks the
 * last scan of each slice of time and the scan before each change in that
 * order; with the id in the index each seek is answered from the index alone,
 * where it sorted the scans of equal time and read the table for their ids.
 * SQLite needs nothing: its indexes end with the rowid, which is the id.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.schema.alterTable('network_scorecard_scans', table => {
    table.index(
      ['cluster', 'scanned_at', 'id'],
      'network_scorecard_scans_cluster_time_id_idx',
    );
  });
  await knex.schema.alterTable('network_scorecard_scans', table => {
    table.dropIndex(
      ['cluster', 'scanned_at'],
      'network_scorecard_scans_cluster_time_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.schema.alterTable('network_scorecard_scans', table => {
    table.index(
      ['cluster', 'scanned_at'],
      'network_scorecard_scans_cluster_time_idx',
    );
  });
  await knex.schema.alterTable('network_scorecard_scans', table => {
    table.dropIndex(
      ['cluster', 'scanned_at', 'id'],
      'network_scorecard_scans_cluster_time_id_idx',
    );
  });
};
