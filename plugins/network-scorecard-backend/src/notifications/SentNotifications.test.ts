import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';
import { scanChanges } from './changes';
import { SENT_TABLE, SentNotifications } from './SentNotifications';
import { pointOf } from './__testUtils__/points';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@network-scorecard/plugin-backend',
  'migrations',
);
const MIGRATION = '20261201010000_notifications_sent.js';

function gradeDrop(cluster = 'payments-1') {
  const [change] = scanChanges({
    cluster,
    title: cluster,
    entityRef: null,
    owner: 'group:default/payments-team',
    previous: pointOf(cluster, '2026-11-20T10:00:00.000Z', 'demo-prod-eu-1'),
    current: pointOf(cluster, '2026-11-20T10:30:00.000Z', 'demo-dc-fra-1'),
  });
  expect(change.kind).toBe('grade-drop');
  return change;
}

describe('SentNotifications', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it.each(databases.eachSupportedId())(
    'migrates up after the plugin’s other migrations and back down on %p',
    async id => {
      const knex = await databases.init(id);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable(SENT_TABLE)).toBe(true);
      const [, pending] = await knex.migrate.list({ directory });
      expect(pending).toEqual([]);
      await knex.migrate.down({ directory, name: MIGRATION });
      expect(await knex.schema.hasTable(SENT_TABLE)).toBe(false);
      expect(await knex.schema.hasTable('network_scorecard_scans')).toBe(true);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable(SENT_TABLE)).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets exactly one of many concurrent claims of an event win, and a released claim be won again, on %p',
    async id => {
      const knex = await databases.init(id);
      await knex.migrate.latest({ directory });
      const now = new Date('2026-11-20T10:30:05.000Z');
      // replicas share the database, not the object
      const replicas = [1, 2, 3, 4, 5].map(() => new SentNotifications(knex));
      const change = gradeDrop();

      const wins = await Promise.all(replicas.map(r => r.claim(change, now)));
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await replicas[0].claim(change, now)).toBe(false);
      // another cluster's drop is another event
      expect(await replicas[0].claim(gradeDrop('prod-us-1'), now)).toBe(true);

      const rows = await knex(SENT_TABLE)
        .where({ cluster: 'payments-1' })
        .select('event_key', 'kind', 'item', 'sent_at');
      expect(rows).toEqual([
        {
          event_key: 'grade-drop|payments-1||2026-11-20T10:00:00.000Z',
          kind: 'grade-drop',
          item: null,
          sent_at: expect.anything(),
        },
      ]);
      expect(new Date(rows[0].sent_at).toISOString()).toBe(now.toISOString());

      await replicas[1].release(change);
      expect(await replicas[2].claim(change, now)).toBe(true);
    },
  );
});
