import { demoClusters } from '../__testUtils__/demoClusters';
import { loadSnapshotFile } from '../snapshot/loadSnapshot';
import {
  createTestCertificates,
  startKubeApiServer,
  syntheticCluster,
  TestCertificates,
} from '@internal/network-scorecard-test-utils';
import { collectFromKubernetes } from './collectFromKubernetes';
import { collectFromSnapshotFile } from './collectFromSnapshot';
import { collectFacts } from './collectFacts';
import { SnapshotReader } from '../reader/SnapshotReader';

let certificates: TestCertificates;
beforeAll(() => {
  certificates = createTestCertificates();
});

const clusters = demoClusters();

describe('a live scan gives the facts of the dump', () => {
  it('has demo clusters to compare', () => {
    expect(clusters.map(c => c.name)).toEqual(
      expect.arrayContaining([
        'compliance-eu-1',
        'dc-fra-1',
        'dev-sandbox',
        'payments-1',
        'prod-eu-1',
        'prod-us-1',
        'retail-stores-1',
      ]),
    );
  });

  it.each(clusters)(
    '$name: live facts equal snapshot facts, cheaply',
    async ({ file, name }) => {
      const snapshot = await collectFromSnapshotFile(file);
      const server = await startKubeApiServer({
        objects: (await loadSnapshotFile(file)).items,
        certificates,
      });
      try {
        const live = await collectFromKubernetes(server.connection(name));
        expect(live.facts).toEqual(snapshot.facts);
        expect(live.errors).toEqual([]);
        expect(snapshot.errors).toEqual([]);
        expect(live.stats.requests).toBe(server.requests.length);
        // a constant budget: discovery, Nodes, Namespaces, system workloads, ConfigMaps by name, one list per policy and mesh kind served
        expect(live.stats.requests).toBeLessThanOrEqual(32);
        expect(live.stats.bytes).toBeLessThanOrEqual(256 * 1024);
        // Services are only ever counted, and nothing asks for a possibly stale cache.
        const services = server.requests.filter(r =>
          r.path.endsWith('/services'),
        );
        expect(services.map(r => r.query)).toEqual(['?limit=1']);
        expect(
          server.requests.filter(r => /resourceVersion=0/.test(r.query)),
        ).toEqual([]);
        expect(server.requests.filter(r => r.status !== 200)).toEqual([]);
      } finally {
        await server.close();
      }
    },
  );

  it('pages through large lists (Nodes, limit 500) with the same result', async () => {
    const objects = syntheticCluster({
      nodes: 1203,
      services: 10,
      namespaces: 2,
    });
    const server = await startKubeApiServer({ objects, certificates });
    try {
      const live = await collectFromKubernetes(server.connection());
      const snapshot = await collectFacts(new SnapshotReader(objects));
      expect(live.facts).toEqual(snapshot.facts);
      expect(live.facts.nodes?.value?.total).toBe(1203);
      expect(
        server.requests
          .filter(r => r.path === '/api/v1/nodes')
          .map(r => r.query.replace(/continue=[^&]+/, 'continue=…')),
      ).toEqual([
        '?limit=500&includeObject=None',
        '?limit=500&continue=…&includeObject=None',
        '?limit=500&continue=…&includeObject=None',
        // the Nodes not labelled Linux, read whole (none here)
        '?labelSelector=kubernetes.io%2Fos%21%3Dlinux&limit=500',
      ]);
    } finally {
      await server.close();
    }
  });
});
