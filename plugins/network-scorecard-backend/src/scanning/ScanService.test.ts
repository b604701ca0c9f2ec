import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { defaultRuleset } from '@network-scorecard/common';
import {
  CollectedFacts,
  collectFromSnapshotFile,
  runCli,
} from '@network-scorecard/node';
import { resolve } from 'node:path';
import {
  ClusterRegistry,
  ClusterTarget,
  SnapshotClusterSource,
} from '../clusters';
import { DatabaseScanStore } from '../database';
import { CatalogClusterView } from '../catalog/CatalogClusters';
import {
  exampleEntities,
  exampleSnapshotsConfig,
  examplesDir,
} from '../__testUtils__/exampleFleet';
import { FactCollector } from './FactCollector';
import { ScanService } from './ScanService';

jest.setTimeout(60_000);

function demoCatalog(): CatalogClusterView {
  const entities = exampleEntities();
  return {
    clusters: new Map(
      entities
        .filter(
          e => e.kind === 'Resource' && e.spec?.type === 'kubernetes-cluster',
        )
        .map(e => [e.metadata.name, e]),
    ),
    serviceCounts: new Map(),
  };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function setup(collector: FactCollector, concurrency = 2) {
  const knex = await databases.init('SQLITE_3');
  await knex.migrate.latest({
    directory: DatabaseScanStore.migrationsDirectory(),
  });
  const store = new DatabaseScanStore(knex);
  const targets: ClusterTarget[] = exampleSnapshotsConfig().map(s => ({
    ...s,
    source: 'snapshot',
  }));
  const scans = new ScanService({
    registry: new ClusterRegistry(
      [new SnapshotClusterSource(targets)],
      mockServices.logger.mock(),
    ),
    readCatalog: async () => demoCatalog(),
    collector,
    store,
    ruleset: () => defaultRuleset,
    logger: mockServices.logger.mock(),
    concurrency,
    now: () => new Date('2026-11-26T12:00:00.000Z'),
  });
  return { scans, store };
}

const realCollector: FactCollector = {
  collect: target => collectFromSnapshotFile((target as { file: string }).file),
};

describe('ScanService', () => {
  it('scores every demo cluster and stores one row per changed report', async () => {
    const { scans, store } = await setup(realCollector);
    const first = await scans.scanAll();
    expect(first.every(o => o.report && !o.error)).toBe(true);
    expect((await store.latestReports()).size).toBe(first.length);

    // the same dumps again give the same reports: history does not fill with copies
    await scans.scanAll();
    for (const outcome of first) {
      expect(await store.history(outcome.cluster, 10)).toHaveLength(1);
    }
  });

  it('keeps scanning the others when one cluster breaks or hangs, within the concurrency bound', async () => {
    let running = 0;
    let peak = 0;
    const collector: FactCollector = {
      async collect(target) {
        running += 1;
        peak = Math.max(peak, running);
        try {
          await new Promise(r => setTimeout(r, 20));
          if (target.name === 'dc-fra-1')
            throw new Error('connect ECONNREFUSED 10.0.0.1:6443');
          return collectFromSnapshotFile(
            (target as { file: string }).file,
          ) as Promise<CollectedFacts>;
        } finally {
          running -= 1;
        }
      },
    };
    const { scans, store } = await setup(collector, 2);
    const outcomes = await scans.scanAll();
    const broken = outcomes.find(o => o.cluster === 'dc-fra-1');
    expect(broken?.error).toContain('ECONNREFUSED');
    expect(outcomes.filter(o => o.report)).toHaveLength(outcomes.length - 1);
    expect(peak).toBe(2);
    expect(await store.latestReport('dc-fra-1')).toBeUndefined();
  });

  it('reports an unreadable dump as a failed scan naming the file, keeping earlier scans', async () => {
    const { scans, store } = await setup(realCollector);
    await scans.scanAll();
    const before = await store.latestReport('prod-eu-1');
    const broken = new ScanService({
      registry: new ClusterRegistry(
        [
          new SnapshotClusterSource([
            {
              name: 'prod-eu-1',
              source: 'snapshot',
              file: '/nonexistent/prod-eu-1.json',
            },
          ]),
        ],
        mockServices.logger.mock(),
      ),
      readCatalog: async () => demoCatalog(),
      collector: realCollector,
      store,
      ruleset: () => defaultRuleset,
      logger: mockServices.logger.mock(),
      concurrency: 1,
    });
    const [outcome] = await broken.scanAll();
    expect(outcome.error).toContain('/nonexistent/prod-eu-1.json');
    expect(await store.latestReport('prod-eu-1')).toEqual(before);
  });
});

describe('one scoreCluster for the backend and the CLI', () => {
  it('gives the same report for the same dump and catalog entity', async () => {
    const { scans } = await setup(realCollector);
    for (const { name, file } of exampleSnapshotsConfig()) {
      const backend = await scans.scanCluster(name);
      let stdout = '';
      const code = await runCli(
        [
          'score',
          '--snapshot',
          file,
          '--entity',
          resolve(examplesDir, 'entities/clusters.yaml'),
          '--cluster',
          name,
        ],
        {
          stdout: { write: (s: string) => (stdout += s) },
          stderr: { write: () => true },
        },
      );
      expect([name, code === 0 || code === 3]).toEqual([name, true]);
      expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(backend)));
    }
  });
});
