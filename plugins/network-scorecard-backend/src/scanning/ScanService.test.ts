import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { defaultRuleset } from '@network-scorecard/common';
import { collectFromSnapshotFile, runCli } from '@network-scorecard/node';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  ClusterAuth,
  ClusterRegistry,
  ClusterSource,
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
import { ScanStoredEvent } from './events';
import { FactCollector, createFactCollector } from './FactCollector';
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

const realCollector = createFactCollector({
  requestTimeoutMs: 5_000,
  auth: new ClusterAuth(new Map()),
});

function demoSource(): ClusterSource {
  return new SnapshotClusterSource(
    exampleSnapshotsConfig().map(s => ({ name: s.name, paths: [s.file] })),
  );
}

async function setup(
  options: {
    collector?: FactCollector;
    concurrency?: number;
    clusterTimeoutMs?: number;
    source?: ClusterSource;
    events?: ScanStoredEvent[];
  } = {},
) {
  const knex = await databases.init('SQLITE_3');
  await knex.migrate.latest({
    directory: DatabaseScanStore.migrationsDirectory(),
  });
  const store = new DatabaseScanStore(knex);
  const events = options.events;
  const scans = new ScanService({
    registry: new ClusterRegistry(
      [options.source ?? demoSource()],
      mockServices.logger.mock(),
    ),
    readCatalog: async () => demoCatalog(),
    collector: options.collector ?? realCollector,
    store,
    ruleset: () => defaultRuleset,
    logger: mockServices.logger.mock(),
    concurrency: options.concurrency ?? 2,
    clusterTimeoutMs: options.clusterTimeoutMs ?? 30_000,
    listeners: events
      ? [{ scanStored: async event => void events.push(event) }]
      : [],
    now: () => new Date('2026-11-26T12:00:00.000Z'),
  });
  return { scans, store, knex };
}

/** A real dump of the demo fleet, for collectors that misbehave around it. */
function demoDump(target: ClusterTarget) {
  return collectFromSnapshotFile((target as { files: string[] }).files[0]);
}

const everything = { from: new Date(0), to: new Date('2100-01-01') };

describe('ScanService', () => {
  it('scores every demo cluster, and reading the same dumps again adds no history', async () => {
    const { scans, store } = await setup();
    const first = await scans.scanAll();
    expect(first.every(o => o.report && !o.error)).toBe(true);
    expect((await store.latestPoints()).size).toBe(first.length);

    await scans.scanAll();
    for (const outcome of first) {
      expect(await store.points(outcome.cluster, everything)).toHaveLength(1);
    }
    const attempts = await store.latestAttempts();
    expect([...attempts.values()].every(a => a.ok)).toBe(true);
    expect(attempts.size).toBe(first.length);
  });

  it('keeps scanning the others when one cluster breaks, within the concurrency bound, and stores the failure', async () => {
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
          return { moments: [await demoDump(target)], problems: [] };
        } finally {
          running -= 1;
        }
      },
    };
    const { scans, store } = await setup({ collector, concurrency: 2 });
    const outcomes = await scans.scanAll();
    const broken = outcomes.find(o => o.cluster === 'dc-fra-1');
    expect(broken?.error?.message).toContain('ECONNREFUSED');
    expect(outcomes.filter(o => o.report)).toHaveLength(outcomes.length - 1);
    expect(peak).toBe(2);
    expect(await store.latestReport('dc-fra-1')).toBeUndefined();
    expect((await store.latestAttempts()).get('dc-fra-1')).toMatchObject({
      ok: false,
      message: 'connect ECONNREFUSED 10.0.0.1:6443',
    });
  });

  it('gives a hanging cluster its deadline and frees its slot for the others', async () => {
    const collector: FactCollector = {
      async collect(target) {
        if (target.name === 'compliance-eu-1') await new Promise(() => {});
        return { moments: [await demoDump(target)], problems: [] };
      },
    };
    const { scans, store } = await setup({
      collector,
      concurrency: 1,
      clusterTimeoutMs: 300,
    });
    const outcomes = await scans.scanAll();
    const hung = outcomes.find(o => o.cluster === 'compliance-eu-1');
    expect(hung?.error?.message).toContain(
      'took longer than networkScorecard.scan.clusterTimeout',
    );
    // compliance-eu-1 sorts first: one slot, yet every other cluster was scanned after it
    expect(outcomes.filter(o => o.report)).toHaveLength(outcomes.length - 1);
    expect((await store.latestPoints()).size).toBe(outcomes.length - 1);
  });

  it('starts no further cluster once the scheduler aborts the task', async () => {
    const controller = new AbortController();
    let started = 0;
    const collector: FactCollector = {
      async collect(target) {
        started += 1;
        if (started === 2) controller.abort();
        return { moments: [await demoDump(target)], problems: [] };
      },
    };
    const { scans } = await setup({ collector, concurrency: 1 });
    const outcomes = await scans.scanAll(controller.signal);
    expect(started).toBe(2);
    expect(outcomes).toHaveLength(2);
  });

  it('keeps the last good report when a scan reads nothing, and says so', async () => {
    let blind = false;
    const collector: FactCollector = {
      async collect(target) {
        const facts = await demoDump(target);
        if (!blind) return { moments: [facts], problems: [] };
        // a cluster that answers nothing: every fact unknown, as the live collector reports a timeout
        return {
          moments: [
            {
              facts: {},
              errors: [{ reason: 'timeout: GET /api/v1/nodes after 10 s' }],
              stats: { requests: 1, bytes: 0 },
            },
          ],
          problems: [],
        };
      },
    };
    const { scans, store } = await setup({ collector });
    await scans.scanAll();
    const before = await store.latestReport('prod-eu-1');
    blind = true;
    await expect(scans.scanCluster('prod-eu-1')).rejects.toThrow(
      'nothing could be read',
    );
    expect(await store.latestReport('prod-eu-1')).toEqual(before);
    expect(await store.points('prod-eu-1', everything)).toHaveLength(1);
    expect((await store.latestAttempts()).get('prod-eu-1')).toMatchObject({
      ok: false,
      message: expect.stringContaining('timeout: GET /api/v1/nodes'),
    });
  });

  it('names an unreadable dump and keeps the earlier scans', async () => {
    const { scans, store } = await setup();
    await scans.scanAll();
    const before = await store.latestReport('prod-eu-1');
    const broken = new ScanService({
      registry: new ClusterRegistry(
        [
          new SnapshotClusterSource([
            { name: 'prod-eu-1', paths: ['/nonexistent/prod-eu-1.json'] },
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
      clusterTimeoutMs: 30_000,
    });
    const [outcome] = await broken.scanAll();
    expect(outcome.error?.message).toContain('/nonexistent/prod-eu-1.json');
    expect(outcome.report).toEqual(before);
    expect(await store.latestReport('prod-eu-1')).toEqual(before);
  });

  it('joins a scan of a cluster that is already running instead of starting another', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>(r => (release = r));
    const collector: FactCollector = {
      async collect(target) {
        calls += 1;
        await gate;
        return { moments: [await demoDump(target)], problems: [] };
      },
    };
    const { scans } = await setup({ collector });
    const one = scans.scanCluster('payments-1');
    const two = scans.scanCluster('payments-1');
    await new Promise(r => setTimeout(r, 50));
    release();
    const [a, b] = await Promise.all([one, two]);
    expect(calls).toBe(1);
    expect(a).toEqual(b);
  });

  it('backfills several dumps of one cluster in captured-at order and tells listeners of each new latest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorecard-dumps-'));
    const current = JSON.parse(
      readFileSync(resolve(examplesDir, 'clusters/prod-eu-1.json'), 'utf8'),
    );
    const dated = (at: string) => ({
      ...current,
      metadata: {
        ...current.metadata,
        annotations: { 'network-scorecard.io/captured-at': at },
      },
    });
    // named so that file order is not time order
    writeFileSync(
      join(dir, 'a.json'),
      JSON.stringify(dated('2026-10-01T00:00:00Z')),
    );
    writeFileSync(
      join(dir, 'b.json'),
      JSON.stringify(dated('2026-08-01T00:00:00Z')),
    );
    writeFileSync(join(dir, 'c.json'), '{"kind": "List", "items": [');
    const events: ScanStoredEvent[] = [];
    const { scans, store } = await setup({
      source: new SnapshotClusterSource([{ name: 'prod-eu-1', paths: [dir] }]),
      events,
    });
    const [outcome] = await scans.scanAll();
    expect(outcome.error?.message).toContain(join(dir, 'c.json'));
    expect(
      (await store.points('prod-eu-1', everything)).map(p => p.scannedAt),
    ).toEqual(['2026-08-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z']);
    expect(
      events.map(e => [e.current.scannedAt, e.previous?.scannedAt]),
    ).toEqual([
      ['2026-08-01T00:00:00.000Z', undefined],
      ['2026-10-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z'],
    ]);
    expect(events[0]).toMatchObject({
      cluster: 'prod-eu-1',
      owner: expect.stringMatching(/^group:default\//),
    });

    // read again: nothing new, nobody told
    await scans.scanAll();
    expect(await store.points('prod-eu-1', everything)).toHaveLength(2);
    expect(events).toHaveLength(2);
  });
});

describe('one scoreCluster for the backend and the CLI', () => {
  it('gives the same report for the same dump and catalog entity', async () => {
    const { scans } = await setup();
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

describe('two replicas on one database', () => {
  it('joins the scan another replica is making instead of starting a second one', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({
      directory: DatabaseScanStore.migrationsDirectory(),
    });
    const store = new DatabaseScanStore(knex);
    let release: () => void = () => {};
    const gate = new Promise<void>(r => (release = r));
    const calls: string[] = [];
    const replica = (name: string) =>
      new ScanService({
        registry: new ClusterRegistry(
          [demoSource()],
          mockServices.logger.mock(),
        ),
        readCatalog: async () => demoCatalog(),
        collector: {
          async collect(target) {
            calls.push(name);
            await gate;
            return { moments: [await demoDump(target)], problems: [] };
          },
        },
        store,
        ruleset: () => defaultRuleset,
        logger: mockServices.logger.mock(),
        concurrency: 1,
        clusterTimeoutMs: 30_000,
      });
    const first = replica('first').scanCluster('payments-1');
    await new Promise(r => setTimeout(r, 100));
    const second = replica('second').scanCluster('payments-1');
    await new Promise(r => setTimeout(r, 300));
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(calls).toEqual(['first']);
    expect(b).toEqual(a);
    expect(await store.points('payments-1', everything)).toHaveLength(1);
    // the claim is given back: the second replica scans next time itself
    await replica('second').scanCluster('payments-1');
    expect(calls).toEqual(['first', 'second']);
  });
});
