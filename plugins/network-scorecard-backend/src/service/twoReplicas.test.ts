import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  KubeApiServer,
  startKubeApiServer,
} from '@internal/network-scorecard-test-utils';
import { loadSnapshotFile } from '@network-scorecard/node';
import { ChildProcess, fork } from 'child_process';
import { randomBytes } from 'crypto';
import { mkdtempSync, writeFileSync } from 'fs';
import knexFactory, { Knex } from 'knex';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import request from 'supertest';
import { networkScorecardPlugin } from '../plugin';
import { exampleEntities, examplesDir } from '../__testUtils__/exampleFleet';

/**
 * Backend replicas on one PostgreSQL database, as a platform team runs them:
 * scanning replicas are processes of their own with the real backend
 * defaults (scheduler, database), killed with SIGKILL; the replicas that
 * answer the API only read what the others stored. Needs PostgreSQL
 * (npm test starts one).
 */
const postgres =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const describeOnPostgres = postgres ? describe : describe.skip;

// child replicas compile the plugin as they start: slow on a busy machine
jest.setTimeout(480_000);

const LIVE = ['live-1', 'live-2', 'live-3', 'live-4'];
const FREQUENCY_MS = 3_000;
/** the scan task's timeout: how long a killed replica's run holds the task */
const LEASE_MS = 30_000;
/** the order a scan cycle walks the clusters in (by name, one at a time) */
const ORDER = [...LIVE, 'lost-dump'];

async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 240_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

describeOnPostgres('backend replicas on one PostgreSQL database', () => {
  let api: KubeApiServer;
  let db: Knex;
  const prefix = `ns_${randomBytes(4).toString('hex')}_`;
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-replicas-'));
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    api = await startKubeApiServer({
      objects: (
        await loadSnapshotFile(resolve(examplesDir, 'clusters/prod-eu-1.json'))
      ).items,
      // slow enough that a cycle over four clusters, one at a time, takes seconds
      latencyMs: 120,
    });
    db = knexFactory({
      client: 'pg',
      connection: `${postgres}/${prefix}network-scorecard`,
    });
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await db?.destroy();
    await api?.close();
  });

  function config(scans: boolean) {
    const connection = api.connection();
    return {
      backend: {
        baseUrl: 'http://localhost:7007',
        listen: { port: 0 },
        database: { client: 'pg', connection: postgres, prefix },
      },
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: LIVE.map(name => ({
              name,
              url: connection.url,
              authProvider: 'serviceAccount',
              serviceAccountToken: connection.serviceAccountToken,
              caData: connection.caData,
            })),
          },
        ],
      },
      networkScorecard: {
        snapshots: [{ name: 'lost-dump', file: '/nonexistent/lost-dump.json' }],
        // a replica that does not scan reads only what the others stored
        schedule: scans
          ? {
              frequency: { milliseconds: FREQUENCY_MS },
              timeout: { milliseconds: LEASE_MS },
              initialDelay: { milliseconds: 200 },
            }
          : {
              frequency: { hours: 24 },
              timeout: { minutes: 1 },
              initialDelay: { hours: 24 },
            },
        scan: { concurrency: 1 },
        notifications: { enabled: false },
      },
    };
  }

  /** A scanning replica: its own process, started and killed like one. */
  async function scanningReplica(): Promise<ChildProcess> {
    const file = join(dir, `replica-${children.length}.json`);
    writeFileSync(file, JSON.stringify(config(true)));
    const child = fork(
      require.resolve('../__testUtils__/replicaProcess.ts'),
      ['--config', file],
      {
        execArgv: [
          '-r',
          require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        ],
        // not NODE_ENV=test: the scheduler's janitor, which frees the lease of a killed run, runs only outside tests
        env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    );
    children.push(child);
    await new Promise<void>((ready, fail) => {
      child.on('message', message => message === 'started' && ready());
      child.on('exit', code => fail(new Error(`replica exited with ${code}`)));
    });
    return child;
  }

  /** A replica that only answers the API, in this process. */
  function readingReplica() {
    return startTestBackend({
      features: [
        networkScorecardPlugin,
        catalogServiceMock.factory({ entities: exampleEntities() }),
        mockServices.database.factory({
          knex: knexFactory({
            client: 'pg',
            connection: `${postgres}/${prefix}network-scorecard`,
          }),
        }),
        mockServices.rootConfig.factory({ data: config(false) }),
      ],
    });
  }

  const attempts = async () =>
    (await db('network_scorecard_scan_attempts')
      .select('cluster', 'attempted_at', 'ok')
      .orderBy('attempted_at')) as {
      cluster: string;
      attempted_at: Date;
      ok: boolean;
    }[];

  it('scans once per tick, keeps what a killed replica stored, and shows one lastError', async () => {
    const first = await scanningReplica();
    // kill the scanning replica mid-cycle: some clusters done, not all
    const beforeKill = await until(
      'the first clusters of the first cycle',
      attempts,
      rows => rows.length >= 2,
    );
    first.kill('SIGKILL');
    const killedAt = new Date();
    await new Promise(r => setTimeout(r, 200));
    const storedByFirst = await attempts();
    expect(storedByFirst.length).toBeGreaterThanOrEqual(beforeKill.length);
    expect(storedByFirst.length).toBeLessThan(ORDER.length);
    // Another replica takes over once the killed run's lease (the task timeout)
    // has ended: its scheduler's janitor frees it at start and every minute.
    await new Promise(r => setTimeout(r, LEASE_MS + 1_000));
    // two replicas scan from now on: a third joins the second
    const [second, third] = await Promise.all([
      scanningReplica(),
      scanningReplica(),
    ]);
    await until('every cluster scanned again after the kill', attempts, rows =>
      ORDER.every(name =>
        rows.some(r => r.cluster === name && r.attempted_at > killedAt),
      ),
    );
    // both stay up for three more ticks
    await new Promise(r => setTimeout(r, 3 * FREQUENCY_MS));
    second.kill('SIGKILL');
    third.kill('SIGKILL');
    await new Promise(r => setTimeout(r, 500));

    // no half-written scan: every point has its report, every cluster's latest exists
    const orphans = await db('network_scorecard_scans as s')
      .leftJoin('network_scorecard_reports as r', 'r.id', 's.report_id')
      .whereNull('r.id')
      .count({ n: '*' });
    expect(Number(orphans[0].n)).toBe(0);
    const dangling = await db('network_scorecard_clusters as c')
      .leftJoin('network_scorecard_scans as s', 's.id', 'c.latest_scan_id')
      .whereNotNull('c.latest_scan_id')
      .whereNull('s.id')
      .count({ n: '*' });
    expect(Number(dangling[0].n)).toBe(0);

    const rows = await attempts();
    // nothing the killed replica stored is gone
    for (const row of storedByFirst) expect(rows).toContainEqual(row);
    // One scheduled scan per tick: one replica at a time walks the clusters in
    // name order, so the attempts are cycles in that order, one after the other.
    const cycles: string[][] = [];
    for (const { cluster } of rows) {
      const current = cycles[cycles.length - 1];
      if (current && ORDER[current.length] === cluster) current.push(cluster);
      else cycles.push([cluster]);
    }
    expect(cycles.length).toBeGreaterThanOrEqual(4);
    for (const cycle of cycles) {
      expect(ORDER.slice(0, cycle.length)).toEqual(cycle);
    }
    // A cycle may still be cut short in the middle: on a busy machine a run
    // can pass the task timeout, and the aborted run starts no further
    // cluster. Two replicas scanning at once would interleave instead, and
    // break the prefixes above.
    expect(
      cycles.filter(c => c.length === ORDER.length).length,
    ).toBeGreaterThanOrEqual(2);

    // two replicas that never scanned say the same, from the database alone
    const readers = [await readingReplica(), await readingReplica()];
    const user = mockCredentials.user.header('user:default/jo');
    const [one, other] = await Promise.all(
      readers.map(backend =>
        request(backend.server)
          .get('/api/network-scorecard/clusters')
          .set('Authorization', user),
      ),
    );
    expect(one.status).toBe(200);
    expect(other.body).toEqual(one.body);
    const lost = one.body.items.find(
      (c: { name: string }) => c.name === 'lost-dump',
    );
    expect(lost).toMatchObject({ lastScan: null, stale: false });
    expect(lost.lastError.message).toContain('/nonexistent/lost-dump.json');
    for (const name of LIVE) {
      const row = one.body.items.find((c: { name: string }) => c.name === name);
      expect([name, row.lastScan?.grade, row.lastError]).toEqual([
        name,
        expect.stringMatching(/^[ABCDF]$/),
        null,
      ]);
    }
    await Promise.all(readers.map(r => r.stop()));
  });
});
