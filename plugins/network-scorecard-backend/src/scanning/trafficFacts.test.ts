import http from 'node:http';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { ClusterAuth } from '../clusters';
import { createFactCollector } from './FactCollector';

// The collector adds traffic facts for a cluster with a networkScorecard.prometheus
// entry (here a small real HTTP server answering as a Prometheus with no Hubble
// series would), and none for a cluster without one.
const PROD_EU = resolve(
  __dirname,
  '../../../../examples/clusters/prod-eu-1.json',
);

describe('traffic facts in the fact collection', () => {
  let server: http.Server;
  let url: string;
  const seen: http.IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          status: 'success',
          data: { resultType: 'vector', result: [] },
        }),
      );
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(r => server.close(r)));

  const collector = () =>
    createFactCollector({
      requestTimeoutMs: 2_000,
      auth: new ClusterAuth(new Map()),
      prometheus: [
        {
          cluster: 'prod-eu-1',
          connection: { url, auth: { type: 'bearer', token: 'prom-token' } },
        },
      ],
    });

  it('reads the Prometheus of a cluster that has one, with its credential', async () => {
    const { moments } = await collector().collect({
      name: 'prod-eu-1',
      source: 'snapshot',
      files: [PROD_EU],
    });
    const facts = moments[moments.length - 1].facts;
    expect(facts['traffic.flows']?.value?.familySeries).toEqual({
      flow: 0,
      drop: 0,
      dns: 0,
      http: 0,
    });
    expect(facts.cni?.value).toBe('cilium');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(h => h.authorization === 'Bearer prom-token')).toBe(true);
  });

  it('adds no traffic fact to a cluster without one (absent by choice) and sends nothing', async () => {
    const before = seen.length;
    const { moments } = await collector().collect({
      name: 'prod-eu-2',
      source: 'snapshot',
      files: [PROD_EU],
    });
    expect(
      Object.keys(moments[0].facts).filter(k => k.startsWith('traffic.')),
    ).toEqual([]);
    expect(seen.length).toBe(before);
  });
});
