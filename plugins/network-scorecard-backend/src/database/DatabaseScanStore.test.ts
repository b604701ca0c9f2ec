import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseScanStore } from './DatabaseScanStore';
import { reportFor } from '../__testUtils__/reports';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';

jest.setTimeout(60_000);

const cilium = {
  cni: {
    value: 'cilium' as const,
    evidence: [
      'DaemonSet kube-system/cilium: image quay.io/cilium/cilium:v1.18.2',
    ],
  },
};
const flannel = {
  cni: {
    value: 'flannel' as const,
    evidence: [
      'DaemonSet kube-flannel/kube-flannel-ds: image ghcr.io/flannel-io/flannel:v0.28.9',
    ],
  },
};

async function migrate(knex: Knex) {
  await knex.migrate.latest({
    directory: DatabaseScanStore.migrationsDirectory(),
  });
  return new DatabaseScanStore(knex);
}

describe('DatabaseScanStore', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it.each(databases.eachSupportedId())(
    'steps migrations up and down on %p',
    async id => {
      const knex = await databases.init(id);
      const directory = DatabaseScanStore.migrationsDirectory();
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('network_scorecard_scans')).toBe(true);
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('network_scorecard_scans')).toBe(false);
      expect(
        await knex.schema.hasTable('network_scorecard_acknowledgements'),
      ).toBe(false);
      await knex.migrate.latest({ directory });
      expect(
        await knex.schema.hasTable('network_scorecard_acknowledgements'),
      ).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps every scan and returns the newest per cluster on %p',
    async id => {
      const store = await migrate(await databases.init(id));
      await store.insertScan(
        reportFor('prod-eu-1', '2026-11-01T10:00:00.000Z', flannel),
      );
      await store.insertScan(
        reportFor('prod-eu-1', '2026-11-20T10:00:00.000Z', cilium),
      );
      await store.insertScan(
        reportFor(
          'dev-sandbox',
          '2026-11-10T10:00:00.000Z',
          flannel,
          'development',
        ),
      );
      // a backfilled dump older than what is stored does not become the latest
      await store.insertScan(
        reportFor('prod-eu-1', '2026-10-01T10:00:00.000Z', flannel),
      );

      const latest = await store.latestReports();
      expect([...latest.keys()].sort()).toEqual(['dev-sandbox', 'prod-eu-1']);
      expect(latest.get('prod-eu-1')?.scannedAt).toBe(
        '2026-11-20T10:00:00.000Z',
      );
      expect(latest.get('prod-eu-1')?.facts.cni?.value).toBe('cilium');

      const history = await store.history('prod-eu-1', 10);
      expect(history.map(r => r.scannedAt)).toEqual([
        '2026-11-20T10:00:00.000Z',
        '2026-11-01T10:00:00.000Z',
        '2026-10-01T10:00:00.000Z',
      ]);
      expect(await store.history('prod-eu-1', 1)).toHaveLength(1);
      expect(await store.latestReport('nowhere')).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    "deletes old scans but never a cluster's newest on %p",
    async id => {
      const store = await migrate(await databases.init(id));
      await store.insertScan(
        reportFor('prod-eu-1', '2025-01-01T00:00:00.000Z', flannel),
      );
      await store.insertScan(
        reportFor('prod-eu-1', '2026-11-20T00:00:00.000Z', cilium),
      );
      await store.insertScan(
        reportFor('dc-fra-1', '2025-01-01T00:00:00.000Z', flannel),
      );

      const deleted = await store.deleteScansBefore(
        new Date('2026-01-01T00:00:00.000Z'),
      );

      expect(deleted).toBe(1);
      expect(
        (await store.history('prod-eu-1', 10)).map(r => r.scannedAt),
      ).toEqual(['2026-11-20T00:00:00.000Z']);
      expect(await store.history('dc-fra-1', 10)).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps an audit trail of acknowledgements and applies the newest unexpired on %p',
    async id => {
      const knex = await databases.init(id);
      const store = await migrate(knex);
      const now = new Date('2026-11-26T12:00:00.000Z');
      await store.addAcknowledgement('payments-1', 'ap.mesh-too-early', {
        by: 'user:default/jo',
        reason: 'removal planned for Q1',
        at: '2026-11-01T00:00:00.000Z',
        expiresAt: '2026-11-20T00:00:00.000Z',
      });
      expect(await store.activeAcknowledgements('payments-1', now)).toEqual({});

      await store.addAcknowledgement('payments-1', 'ap.mesh-too-early', {
        by: 'user:default/sam',
        reason: 'audit asks for mTLS until the migration',
        at: '2026-11-25T00:00:00.000Z',
        expiresAt: '2027-02-01T00:00:00.000Z',
      });
      const active = await store.activeAcknowledgements('payments-1', now);
      expect(active['ap.mesh-too-early']).toEqual({
        by: 'user:default/sam',
        reason: 'audit asks for mTLS until the migration',
        at: '2026-11-25T00:00:00.000Z',
        expiresAt: '2027-02-01T00:00:00.000Z',
      });
      const [{ n }] = await knex('network_scorecard_acknowledgements').count({
        n: '*',
      });
      expect(Number(n)).toBe(2);
      expect(await store.activeAcknowledgements('dc-fra-1', now)).toEqual({});
    },
  );
});
