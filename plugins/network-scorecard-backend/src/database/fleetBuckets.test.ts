import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseScanStore } from './DatabaseScanStore';
import { keepCounts, keptBuckets } from './fleetBuckets';
import { FLEET_BUCKETS } from './tables';
import { cilium, flannel, reportFor } from '../__testUtils__/reports';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';

jest.setTimeout(60_000);

// four closed ISO weeks of November 2026 (weeks start on Monday 2, 9, 16, 23)
const november = {
  from: new Date('2026-11-02T00:00:00Z'),
  to: new Date('2026-11-29T23:59:59.999Z'),
  bucket: 'week' as const,
};
const WEEK_OF_2ND = Date.parse('2026-11-02T00:00:00Z');

async function migrate(knex: Knex) {
  await knex.migrate.latest({
    directory: DatabaseScanStore.migrationsDirectory(),
  });
  return new DatabaseScanStore(knex);
}

/** What the history is when nothing is kept: every bucket counted from the scans. */
async function counted(knex: Knex, store: DatabaseScanStore) {
  const kept = await knex(FLEET_BUCKETS).select();
  await knex(FLEET_BUCKETS).delete();
  const fresh = await store.fleetHistory(november);
  await knex(FLEET_BUCKETS).delete();
  if (kept.length > 0) await knex(FLEET_BUCKETS).insert(kept);
  return fresh;
}

describe('fleet history of closed buckets', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it.each(databases.eachSupportedId())(
    'counts a closed week once, and again when a backfilled dump or retention changes it, on %p',
    async id => {
      const knex = await databases.init(id);
      const store = await migrate(knex);
      await store.insertScan(
        reportFor('prod-eu-1', '2026-11-03T08:00:00.000Z', flannel),
      );
      await store.insertScan(
        reportFor('prod-eu-1', '2026-11-10T08:00:00.000Z', cilium),
      );
      await store.insertScan(
        reportFor('dev-sandbox', '2026-11-17T08:00:00.000Z', flannel, 'dev'),
      );

      const first = await store.fleetHistory(november);
      expect(first.map(w => [w.start, w.clusters])).toEqual([
        ['2026-11-02T00:00:00.000Z', 1],
        ['2026-11-09T00:00:00.000Z', 1],
        ['2026-11-16T00:00:00.000Z', 1],
      ]);
      // the four closed weeks are kept, the empty one too
      const kept = await keptBuckets(
        knex,
        'week',
        november.from.getTime(),
        november.to.getTime(),
      );
      expect([...kept.values()].filter(b => b.counts).length).toBe(4);
      expect(await store.fleetHistory(november)).toEqual(first);

      // an archived dump of a new cluster lands in the first week
      await store.insertScan(
        reportFor('dc-fra-1', '2026-11-04T12:00:00.000Z', cilium),
      );
      const backfilled = await store.fleetHistory(november);
      expect(backfilled[0].clusters).toBe(2);
      expect(backfilled).toEqual(await counted(knex, store));

      // retention removes the first week's scans of dc-fra-1 and prod-eu-1's flannel scan
      // (a cluster's newest two scans are always kept)
      for (const at of ['2026-11-25T12:00:00.000Z', '2026-11-26T12:00:00.000Z'])
        await store.insertScan(reportFor('dc-fra-1', at, cilium));
      await store.insertScan(
        reportFor('prod-eu-1', '2026-11-24T08:00:00.000Z', cilium),
      );
      expect(
        await store.deleteScansBefore(new Date('2026-11-09T00:00:00Z')),
      ).toBe(2);
      const retained = await store.fleetHistory(november);
      expect(retained.map(w => w.start)).not.toContain(
        '2026-11-02T00:00:00.000Z',
      );
      expect(retained).toEqual(await counted(knex, store));
    },
  );

  it.each(databases.eachSupportedId())(
    'drops counts made before a scan of the bucket was stored, on %p',
    async id => {
      const knex = await databases.init(id);
      const store = await migrate(knex);
      await store.insertScan(
        reportFor('prod-eu-1', '2026-11-03T08:00:00.000Z', flannel),
      );
      // a replica reads the bucket and counts it …
      const before = await keptBuckets(knex, 'week', WEEK_OF_2ND, WEEK_OF_2ND);
      const [stale] = await store.fleetHistory({
        ...november,
        to: new Date('2026-11-08T23:59:59.999Z'),
      });
      // … while another stores a scan in it, then writes its count: it must not stick
      await store.insertScan(
        reportFor('dc-fra-1', '2026-11-04T08:00:00.000Z', cilium),
      );
      await keepCounts(
        knex,
        'week',
        WEEK_OF_2ND,
        before.get(WEEK_OF_2ND),
        stale,
      );
      const [week] = await store.fleetHistory(november);
      expect(stale.clusters).toBe(1);
      expect(week.clusters).toBe(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'counts the open day from each cluster’s newest scan, and from the scans when a dump is dated later, on %p',
    async id => {
      const store = await migrate(await databases.init(id));
      const now = Date.now();
      const ago = (ms: number) => new Date(now - ms).toISOString();
      await store.insertScan(
        reportFor('prod-eu-1', ago(3 * 86_400_000), flannel),
      );
      await store.insertScan(reportFor('prod-eu-1', ago(60_000), cilium));
      await store.insertScan(
        reportFor('dev-sandbox', ago(120_000), flannel, 'dev'),
      );
      const range = {
        from: new Date(now - 7 * 86_400_000),
        to: new Date(now),
        bucket: 'day' as const,
      };
      const lastDay = async () => (await store.fleetHistory(range)).at(-1)!;
      const expected = {
        start: new Date(
          Math.floor(now / 86_400_000) * 86_400_000,
        ).toISOString(),
        clusters: 2,
        byGrade: [
          reportFor('x', ago(0), cilium).grade,
          reportFor('x', ago(0), flannel, 'dev').grade,
        ].reduce<Record<string, number>>(
          (acc, g) => ({ ...acc, [g]: (acc[g] ?? 0) + 1 }),
          {},
        ),
      };
      expect(await lastDay()).toMatchObject(expected);
      // a dump dated tomorrow is newer than `to`: today is counted from the scans
      await store.insertScan(
        reportFor('dc-fra-1', new Date(now + 86_400_000).toISOString(), cilium),
      );
      expect(await lastDay()).toMatchObject(expected);
    },
  );
});
