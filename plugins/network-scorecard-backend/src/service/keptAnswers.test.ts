import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { HumanDuration } from '@backstage/types';
import { ClusterSummary } from '@network-scorecard/common';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { Knex } from 'knex';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import request from 'supertest';
import { DatabaseScanStore } from '../database';
import { networkScorecardPlugin } from '../plugin';
import { exampleEntities, examplesDir } from '../__testUtils__/exampleFleet';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';

/**
 * `GET /clusters` and a cluster's history are kept serialised (and gzipped)
 * by each replica. Two replicas share one database and one catalog, as a
 * platform team runs them: every write goes through one, every read through
 * the other, so a kept answer that outlived a write would show here.
 */
jest.setTimeout(120_000);

const api = '/api/network-scorecard';
const user = mockCredentials.user.header('user:default/jo');
const databases = TestDatabases.create({ ids: testDatabaseIds() });
const HISTORY = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };

/** Dumps in a folder of the test's own: files are added and removed as a cluster's history moves. */
function dumpFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-kept-'));
  mkdirSync(join(dir, 'prod-us-1'));
  const history = (name: string) =>
    resolve(examplesDir, 'clusters/history/prod-us-1', name);
  copyFileSync(history('2026-06-23.json'), join(dir, 'prod-us-1/06.json'));
  copyFileSync(
    resolve(examplesDir, 'clusters/prod-us-1.json'),
    join(dir, 'prod-us-1/11.json'),
  );
  copyFileSync(
    resolve(examplesDir, 'clusters/payments-1.json'),
    join(dir, 'payments-1.json'),
  );
  return {
    dir,
    backfill: () =>
      copyFileSync(history('2026-08-25.json'), join(dir, 'prod-us-1/08.json')),
    losePayments: () => rmSync(join(dir, 'payments-1.json')),
  };
}

async function replicas(
  knex: Knex,
  dir: string,
  schedule: { frequency: HumanDuration; timeout: HumanDuration } = {
    frequency: { hours: 24 },
    timeout: { minutes: 5 },
  },
) {
  const entities: Entity[] = exampleEntities().map((entity, i) => ({
    ...entity,
    metadata: { ...entity.metadata, uid: `uid-${i}` },
  }));
  // one catalog, read by both replicas
  const catalog: CatalogService = catalogServiceMock({ entities });
  const start = () =>
    startTestBackend({
      features: [
        networkScorecardPlugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        mockServices.database.factory({ knex }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            networkScorecard: {
              snapshots: [
                { name: 'payments-1', file: join(dir, 'payments-1.json') },
                { name: 'prod-us-1', file: join(dir, 'prod-us-1') },
              ],
              schedule: { ...schedule, initialDelay: { hours: 24 } },
              catalog: { refresh: '1s' },
              notifications: { enabled: false },
            },
          },
        }),
      ],
    });
  // one after the other: both racing the first migrations fails
  const writer = await start();
  const reader = await start();
  return {
    writer: writer.server,
    reader: reader.server,
    catalog,
    entities,
    /** another replica, which has kept nothing yet */
    fresh: async () => (await start()).server,
  };
}

type Server = Awaited<ReturnType<typeof replicas>>['reader'];

async function scan(server: Server, name: string) {
  return request(server)
    .post(`${api}/clusters/${name}/scan`)
    .set('Authorization', user);
}

/** payments-1's mesh-too-early acknowledged until `expiresAt` (ISO 8601). */
function acknowledge(server: Server, expiresAt: string) {
  return request(server)
    .post(`${api}/clusters/payments-1/acknowledgements`)
    .set('Authorization', user)
    .send({
      antiPatternId: 'ap.mesh-too-early',
      reason: 'mesh removal planned for Q1',
      expiresAt,
    });
}

function get(server: Server, path: string, etag?: string) {
  const req = request(server).get(`${api}${path}`).set('Authorization', user);
  return etag ? req.set('If-None-Match', etag) : req;
}

function row(body: { items: ClusterSummary[] }, name: string) {
  const found = body.items.find(item => item.name === name);
  if (!found) throw new Error(`no row ${name} in ${JSON.stringify(body)}`);
  return found;
}

/** Asks the reader again with what it answered last: 304 while it holds, else the new answer. */
async function changed(server: Server, path: string, etag: string) {
  const res = await get(server, path, etag);
  expect(res.status).toBe(200);
  expect(res.headers.etag).not.toBe(etag);
  return res;
}

describe.each(databases.eachSupportedId())('kept answers on %p', id => {
  let knex: Knex;
  let folder: ReturnType<typeof dumpFolder>;
  beforeEach(async () => {
    knex = await databases.init(id);
    folder = dumpFolder();
  });
  afterEach(() => rmSync(folder.dir, { recursive: true, force: true }));

  it('GET /clusters: the same JSON gzipped or not, 304 while it holds, anew after a scan, a failed attempt, an acknowledgement and a withdrawal by the other replica', async () => {
    const { writer, reader, fresh: another } = await replicas(knex, folder.dir);
    expect((await scan(writer, 'payments-1')).status).toBe(200);

    const gzipped = await get(reader, '/clusters').set(
      'Accept-Encoding',
      'gzip, deflate, br',
    );
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toContain('Accept-Encoding');
    const plain = await get(reader, '/clusters').set(
      'Accept-Encoding',
      'identity',
    );
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(plain.body).toEqual(gzipped.body);
    expect(plain.text).toBe(JSON.stringify(gzipped.body));
    expect(row(plain.body, 'payments-1').lastScan?.antiPatterns).toContain(
      'ap.mesh-too-early',
    );
    expect(row(plain.body, 'prod-us-1').lastScan).toBeNull();

    // either tag revalidates: the same JSON
    for (const etag of [gzipped.headers.etag, plain.headers.etag]) {
      const again = await get(reader, '/clusters', etag);
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
    }

    // a scan
    expect((await scan(writer, 'prod-us-1')).status).toBe(200);
    const scanned = await changed(reader, '/clusters', gzipped.headers.etag);
    expect(row(scanned.body, 'prod-us-1').lastScan?.scannedAt).toBe(
      '2026-11-24T19:02:33.000Z',
    );

    // an acknowledgement
    const acknowledged = await acknowledge(writer, '2099-01-01T00:00:00Z');
    expect(acknowledged.status).toBe(201);
    const afterAck = await changed(reader, '/clusters', scanned.headers.etag);
    expect(
      row(afterAck.body, 'payments-1').lastScan?.antiPatterns,
    ).not.toContain('ap.mesh-too-early');

    // a withdrawal
    const withdrawn = await request(writer)
      .delete(`${api}/clusters/payments-1/acknowledgements/ap.mesh-too-early`)
      .set('Authorization', user);
    expect(withdrawn.status).toBe(200);
    const afterWithdrawal = await changed(
      reader,
      '/clusters',
      afterAck.headers.etag,
    );
    expect(
      row(afterWithdrawal.body, 'payments-1').lastScan?.antiPatterns,
    ).toContain('ap.mesh-too-early');

    // a failed attempt: the dump is gone
    folder.losePayments();
    await scan(writer, 'payments-1');
    const failed = await changed(
      reader,
      '/clusters',
      afterWithdrawal.headers.etag,
    );
    const payments = row(failed.body, 'payments-1');
    expect(payments.lastError?.message).toContain('payments-1.json');
    expect(payments.stale).toBe(true);
    expect(payments.lastScan).not.toBeNull();

    // another failed attempt, the same message: a newer time
    await new Promise(r => setTimeout(r, 5));
    await scan(writer, 'payments-1');
    const again = await changed(reader, '/clusters', failed.headers.etag);
    expect(
      Date.parse(row(again.body, 'payments-1').lastError!.at),
    ).toBeGreaterThan(Date.parse(payments.lastError!.at));

    // what the reader made anew from the rows it kept is what a replica that kept nothing reads
    const kept = await get(reader, '/clusters').set(
      'Accept-Encoding',
      'identity',
    );
    const fresh = await get(await another(), '/clusters').set(
      'Accept-Encoding',
      'identity',
    );
    expect(kept.text).toBe(fresh.text);
    expect(kept.headers.etag).toBe(fresh.headers.etag);
  });

  it('GET /clusters: anew once the catalog changed', async () => {
    const { writer, reader, catalog, entities } = await replicas(
      knex,
      folder.dir,
    );
    expect((await scan(writer, 'payments-1')).status).toBe(200);
    const before = await get(reader, '/clusters');
    expect(row(before.body, 'payments-1').entityRef).toBe(
      'resource:default/payments-1',
    );
    const entity = entities.find(
      e => e.kind === 'Resource' && e.metadata.name === 'payments-1',
    )!;
    await catalog.removeEntityByUid(entity.metadata.uid!, {
      credentials: mockCredentials.service(),
    });
    // the routes share a catalog read for catalog.refresh (1 s here), then read it again
    const deadline = Date.now() + 10_000;
    let after = before;
    while (row(after.body, 'payments-1').entityRef !== null) {
      if (Date.now() > deadline)
        throw new Error('the catalog change never showed');
      await new Promise(r => setTimeout(r, 250));
      after = await get(reader, '/clusters');
    }
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(row(after.body, 'payments-1')).toMatchObject({
      title: 'payments-1',
      owner: null,
    });
  });

  it('GET /clusters: anew when an acknowledgement expires and when a row turns stale, with nothing written', async () => {
    // stale 2 x frequency + timeout = 7 s after the last attempt
    const { writer, reader } = await replicas(knex, folder.dir, {
      frequency: { seconds: 3 },
      timeout: { seconds: 1 },
    });
    expect((await scan(writer, 'payments-1')).status).toBe(200);
    // the attempt was stored before the scan answered
    const scannedAt = Date.now();
    const expiresAt = Date.now() + 2_000;
    const acknowledged = await acknowledge(
      writer,
      new Date(expiresAt).toISOString(),
    );
    expect(acknowledged.status).toBe(201);
    const fresh = await get(reader, '/clusters');
    expect(row(fresh.body, 'payments-1')).toMatchObject({ stale: false });
    expect(row(fresh.body, 'payments-1').lastScan?.antiPatterns).not.toContain(
      'ap.mesh-too-early',
    );
    expect((await get(reader, '/clusters', fresh.headers.etag)).status).toBe(
      304,
    );

    await new Promise(r => setTimeout(r, expiresAt + 200 - Date.now()));
    const expired = await changed(reader, '/clusters', fresh.headers.etag);
    expect(row(expired.body, 'payments-1').lastScan?.antiPatterns).toContain(
      'ap.mesh-too-early',
    );

    await new Promise(r => setTimeout(r, scannedAt + 7_200 - Date.now()));
    const stale = await changed(reader, '/clusters', expired.headers.etag);
    expect(row(stale.body, 'payments-1').stale).toBe(true);
  });

  it('GET /clusters/:name/history: kept per range, anew after a backfilled dump and after retention', async () => {
    const { writer, reader } = await replicas(knex, folder.dir);
    expect((await scan(writer, 'prod-us-1')).status).toBe(200);
    const path = `/clusters/prod-us-1/history?from=${HISTORY.from}&to=${HISTORY.to}`;
    const times = (body: { items: { scannedAt: string }[] }) =>
      body.items.map(item => item.scannedAt);

    const first = await get(reader, path);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(times(first.body)).toEqual([
      '2026-06-23T18:47:05.000Z',
      '2026-11-24T19:02:33.000Z',
    ]);
    const plain = await get(reader, path).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(first.body);
    expect((await get(reader, path, first.headers.etag)).status).toBe(304);
    // another range is another answer
    const narrow = await get(
      reader,
      `/clusters/prod-us-1/history?from=2026-11-01&to=${HISTORY.to}`,
    );
    expect(times(narrow.body)).toEqual(['2026-11-24T19:02:33.000Z']);

    // a dump older than the newest scan: the newest scan stays the same
    folder.backfill();
    expect((await scan(writer, 'prod-us-1')).status).toBe(200);
    const backfilled = await changed(reader, path, first.headers.etag);
    expect(times(backfilled.body)).toEqual([
      '2026-06-23T18:47:05.000Z',
      '2026-08-25T18:52:47.000Z',
      '2026-11-24T19:02:33.000Z',
    ]);
    expect(backfilled.body.total).toBe(3);

    // retention, run by whichever replica holds the daily task
    const store = await DatabaseScanStore.create({
      database: { getClient: async () => knex },
      skipMigrations: true,
    });
    expect(await store.deleteScansBefore(new Date('2026-07-01'))).toBe(1);
    const retained = await changed(reader, path, backfilled.headers.etag);
    expect(times(retained.body)).toEqual([
      '2026-08-25T18:52:47.000Z',
      '2026-11-24T19:02:33.000Z',
    ]);

    // without `to` the answer ends now: made afresh, never kept
    const open = await get(reader, '/clusters/prod-us-1/history');
    expect(open.body.total).toBe(2);
  });
});
