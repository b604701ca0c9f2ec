// @ts-check

/**
 * One row per notification Network Scorecard has sent (or is sending): the
 * notifications backend re-surfaces a notification of the same scope, so
 * "once per event" across replicas and restarts is this table's unique key.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(
    'network_scorecard_notifications_sent',
    table => {
      table.comment(
        'Events Network Scorecard has notified about: an insert that takes is the right to send, once',
      );
      table
        .string('key_hash', 64)
        .primary()
        .comment('sha256 (hex) of event_key; the unique key');
      table
        .text('event_key')
        .notNullable()
        .comment('kind|cluster|item|occurrence, readable');
      table.string('cluster', 253).notNullable();
      table
        .string('kind', 32)
        .notNullable()
        .comment(
          'grade-drop | grade-unknown | new-blocker | new-anti-pattern | acknowledgement-expiring',
        );
      table
        .string('item', 255)
        .nullable()
        .comment('readiness or anti-pattern id; null for the grade');
      table.dateTime('sent_at', { useTz: true }).notNullable();
      table.index(
        ['cluster'],
        'network_scorecard_notifications_sent_cluster_idx',
      );
    },
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('network_scorecard_notifications_sent');
};
