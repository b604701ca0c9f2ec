import {
  createTestCertificates,
  startKubeApiServer,
  syntheticCluster,
  TestCertificates,
} from '@internal/network-scorecard-test-utils';
import { collectFromKubernetes } from './collectFromKubernetes';

jest.setTimeout(60_000);

let certificates: TestCertificates;
beforeAll(() => {
  certificates = createTestCertificates();
});

async function scan(services: number, remainingItemCount = true) {
  const server = await startKubeApiServer({
    objects: syntheticCluster({ nodes: 10, services }),
    certificates,
    remainingItemCount,
  });
  try {
    const result = await collectFromKubernetes(server.connection());
    return { ...result, requests: [...server.requests] };
  } finally {
    await server.close();
  }
}

describe('request budget: 10 nodes, whatever the number of Services', () => {
  it('≤ 25 requests and ≤ 256 KB with 5,000 Services and 5,000 Deployments', async () => {
    const result = await scan(5000);
    expect(result.errors).toEqual([]);
    expect(result.facts.services?.value).toBe(5000);
    expect(result.stats.requests).toBeLessThanOrEqual(25);
    expect(result.stats.bytes).toBeLessThanOrEqual(256 * 1024);
    expect(result.stats.bytes).toBe(
      result.requests.reduce((sum, r) => sum + r.bytes, 0),
    );
  });

  it('costs the same with 20,000 Services as with 100', async () => {
    const small = await scan(100);
    const large = await scan(20_000);
    expect(large.facts.services?.value).toBe(20_000);
    expect(large.stats.requests).toBe(small.stats.requests);
    expect(large.stats.bytes - small.stats.bytes).toBeLessThan(64);
  });

  it('falls back to metadata-only paging when the server sends no remainingItemCount', async () => {
    const result = await scan(1234, false);
    expect(result.facts.services?.value).toBe(1234);
    expect(
      result.requests
        .filter(r => r.path === '/api/v1/services')
        .map(r => r.query.replace(/continue=[^&]+/, 'c')),
    ).toEqual(['?limit=1', '?limit=500&c', '?limit=500&c', '?limit=500&c']);
  });
});

describe('byte budget: Nodes as the Table of their printed columns', () => {
  async function scanNodes(
    nodes: number,
    services: number,
    tables: 'served' | 'ignored' = 'served',
  ) {
    const server = await startKubeApiServer({
      objects: syntheticCluster({ nodes, services }),
      certificates,
      tables,
    });
    try {
      const result = await collectFromKubernetes(server.connection());
      return { ...result, requests: [...server.requests] };
    } finally {
      await server.close();
    }
  }

  it('≤ 256 KB a scan with 1,000 Nodes of ~17 KB each, whatever the number of Services', async () => {
    const few = await scanNodes(1000, 100);
    const many = await scanNodes(1000, 5000);
    expect(few.errors).toEqual([]);
    expect(few.facts.nodes?.value?.total).toBe(1000);
    expect(few.stats.bytes).toBeLessThanOrEqual(256 * 1024);
    expect(many.stats.requests).toBe(few.stats.requests);
    expect(many.stats.bytes - few.stats.bytes).toBeLessThan(64);
    // The Table pages (2) and the Nodes not labelled Linux (none).
    expect(few.requests.filter(r => r.path === '/api/v1/nodes')).toHaveLength(
      3,
    );
  });

  it('costs a fiftieth of reading the whole Nodes, for the same facts', async () => {
    const slim = await scanNodes(1000, 100);
    const whole = await scanNodes(1000, 100, 'ignored');
    expect(slim.facts).toEqual(whole.facts);
    expect(whole.stats.bytes).toBeGreaterThan(15 * 1024 * 1024);
    expect(slim.stats.bytes * 50).toBeLessThan(whole.stats.bytes);
  });
});
