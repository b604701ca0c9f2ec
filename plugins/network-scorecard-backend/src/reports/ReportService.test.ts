import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ClusterRegistry, SnapshotClusterSource } from '../clusters';
import { CatalogClusterView } from '../catalog/CatalogClusters';
import { DatabaseScanStore } from '../database';
import { reportFor } from '../__testUtils__/reports';
import { ReportService } from './ReportService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const cilium = {
  cni: { value: 'cilium' as const, evidence: ['DaemonSet kube-system/cilium'] },
};

/** The fleet page's reads, counted: catalog reads and database queries. */
async function fleetOf(size: number) {
  const knex = await databases.init('SQLITE_3');
  await knex.migrate.latest({
    directory: DatabaseScanStore.migrationsDirectory(),
  });
  const store = new DatabaseScanStore(knex);
  const names = Array.from({ length: size }, (_, i) => `cluster-${i}`);
  for (const name of names) {
    await store.insertScan(reportFor(name, '2026-11-01T00:00:00.000Z', cilium));
    await store.insertScan(reportFor(name, '2026-11-02T00:00:00.000Z', cilium));
    await store.recordAttempt({
      cluster: name,
      at: '2026-11-02T00:00:00.000Z',
      ok: true,
      message: null,
    });
  }
  let catalogReads = 0;
  let queries = 0;
  knex.on('query', () => {
    queries += 1;
  });
  const reports = new ReportService({
    registry: new ClusterRegistry(
      [
        new SnapshotClusterSource(
          names.map(name => ({ name, paths: [`/dumps/${name}.json`] })),
        ),
      ],
      mockServices.logger.mock(),
    ),
    readCatalog: async (): Promise<CatalogClusterView> => {
      catalogReads += 1;
      return { clusters: new Map(), serviceCounts: new Map() };
    },
    catalog: catalogServiceMock(),
    store,
  });
  return {
    reports,
    store,
    counts: () => ({ catalogReads, queries }),
  };
}

describe('ReportService', () => {
  it('reads the fleet with one catalog read and the same few queries, whatever its size', async () => {
    const small = await fleetOf(3);
    const large = await fleetOf(12);
    const rows = await large.reports.listClusters();
    await small.reports.listClusters();
    expect(rows).toHaveLength(12);
    expect(rows[0].lastScan?.previous?.scannedAt).toBe(
      '2026-11-01T00:00:00.000Z',
    );
    expect(small.counts()).toEqual(large.counts());
    // the version of the latest rows, each cluster's pair of scans, those scans, their reports' summaries,
    // the attempts, acknowledgements
    expect(large.counts()).toEqual({ catalogReads: 1, queries: 6 });

    // until a scan is stored, the latest rows are not read again
    const summary = await large.reports.fleetSummary();
    expect(summary).toMatchObject({ clusters: 12, scanned: 12 });
    expect(large.counts()).toEqual({ catalogReads: 2, queries: 9 });

    await large.store.insertScan(
      reportFor('cluster-3', '2026-11-03T00:00:00.000Z', cilium),
    );
    await large.store.recordAttempt({
      cluster: 'cluster-4',
      at: '2026-11-03T00:00:00.000Z',
      ok: false,
      message: 'connect ECONNREFUSED',
    });
    const after = await large.reports.listClusters();
    // the other ten rows are the objects made before
    expect(
      after.filter((row, i) => row !== rows[i]).map(row => row.name),
    ).toEqual(['cluster-3', 'cluster-4']);
    expect(after.find(row => row.name === 'cluster-4')).toMatchObject({
      lastError: { message: 'connect ECONNREFUSED' },
      stale: true,
    });
    expect(after.find(row => row.name === 'cluster-3')?.lastScan).toMatchObject(
      {
        scannedAt: '2026-11-03T00:00:00.000Z',
        previous: { scannedAt: '2026-11-02T00:00:00.000Z' },
      },
    );
  });

  it("after one cluster's attempt makes that row anew and keeps the others, in JSON that JSON.stringify would write", async () => {
    const { reports, store, counts } = await fleetOf(12);
    const first = await reports.clusterListing();
    const before = JSON.parse((await first.answer()).json.toString());
    const rows = await reports.listClusters();
    expect((await first.answer()).json.toString()).toBe(
      JSON.stringify({ items: rows }),
    );
    expect(before.items).toHaveLength(12);

    await store.recordAttempt({
      cluster: 'cluster-4',
      at: '2026-11-03T00:00:00.000Z',
      ok: false,
      message: 'connect ECONNREFUSED',
    });
    const second = await reports.clusterListing();
    expect(second.version).not.toBe(first.version);
    const queries = counts().queries;
    const answer = await second.answer();
    // the attempts come with the version: the answer reads the latest rows' version and the acknowledgements
    expect(counts().queries - queries).toBe(2);
    const after = await reports.listClusters();
    expect(answer.json.toString()).toBe(JSON.stringify({ items: after }));
    const i = after.findIndex(row => row.name === 'cluster-4');
    expect(after[i]).not.toBe(rows[i]);
    expect(after[i]).toMatchObject({
      lastError: {
        at: '2026-11-03T00:00:00.000Z',
        message: 'connect ECONNREFUSED',
      },
      stale: true,
    });
    expect(JSON.parse(answer.json.toString()).items[i]).toEqual(after[i]);
    // every other row is the object made before
    expect(after.filter((row, j) => row !== rows[j])).toEqual([after[i]]);
  });
});
