import { createServer } from 'node:net';
import { ClusterFacts } from '@network-scorecard/common';
import {
  createTestCertificates,
  Fault,
  KubeApiServer,
  startKubeApiServer,
  syntheticCluster,
  TestCertificates,
} from '@internal/network-scorecard-test-utils';
import { COLLECTED_FACT_IDS } from './collectFacts';
import { collectFromKubernetes } from './collectFromKubernetes';

const objects = syntheticCluster({ nodes: 3, services: 25, namespaces: 3 });
let certificates: TestCertificates;
let server: KubeApiServer;
let healthy: ClusterFacts;

beforeAll(async () => {
  certificates = createTestCertificates();
  server = await startKubeApiServer({ objects, certificates });
  healthy = (await collectFromKubernetes(server.connection())).facts;
});
afterAll(() => server.close());

async function scanWith(faults: Fault[], timeoutMs?: number) {
  server.setFaults(faults);
  try {
    return await collectFromKubernetes(server.connection(), { timeoutMs });
  } finally {
    server.setFaults([]);
  }
}

function unknownIds(facts: ClusterFacts): string[] {
  return COLLECTED_FACT_IDS.filter(
    id =>
      facts[id]?.value === null &&
      !facts[id]?.reason?.startsWith('not applicable'),
  );
}

/** Everything not affected keeps exactly the value of a healthy scan. */
function expectOthersIntact(facts: ClusterFacts, affected: string[]) {
  for (const id of COLLECTED_FACT_IDS.filter(i => !affected.includes(i))) {
    expect({ id, fact: facts[id] }).toEqual({ id, fact: healthy[id] });
  }
}

const CILIUM_CONFIG_FACTS = [
  'kubeProxy',
  'bgp',
  'mesh',
  'mesh.all',
  'mesh.details',
  'encryption',
  'hubble',
  // the L7 rules of the synthetic cluster only count with the agent's L7 proxy on
  // enable-policy, policy-audit-mode and enable-k8s-networkpolicy decide what is enforced
  'policies',
  // the Cilium version decides whether the proxy-visibility annotation still counts
  'l7Visibility.details',
];
const DAEMONSET_FACTS = [
  'cni',
  'cni.all',
  'cni.version',
  'calico.dataplane',
  ...CILIUM_CONFIG_FACTS.filter(
    id => id !== 'policies' && id !== 'l7Visibility.details',
  ),
  'tracing',
  'policies',
  // without the agents: neither the distribution nor the managed add-on, nor Calico's flow tools
  'platform',
  'l7Visibility.details',
  'calico.observability',
];
const NODE_FACTS = ['nodes', 'platform'];
// mesh.ciliumAuth lists Cilium policies, whose group discovery must confirm
const DISCOVERY_FACTS = [
  'mesh.ciliumAuth',
  'tracing',
  'policies',
  'l7Visibility.details',
];

describe('faults: the scan goes on, only affected facts become unknown', () => {
  it('a healthy scan knows every fact', () => {
    expect(unknownIds(healthy)).toEqual([]);
  });

  it('403 on one resource (ConfigMap cilium-config)', async () => {
    const { facts, errors } = await scanWith([
      {
        path: '/api/v1/namespaces/kube-system/configmaps/cilium-config',
        status: 403,
      },
    ]);
    expect(unknownIds(facts).sort()).toEqual([...CILIUM_CONFIG_FACTS].sort());
    expect(facts.encryption?.reason).toBe(
      'forbidden: get ConfigMap kube-system/cilium-config (injected fault: HTTP 403)',
    );
    expect(errors.map(e => e.fact).sort()).toEqual(
      [...CILIUM_CONFIG_FACTS].sort(),
    );
    expectOthersIntact(facts, CILIUM_CONFIG_FACTS);
  });

  it('404 on a list (Nodes)', async () => {
    const { facts, errors } = await scanWith([
      { path: '/api/v1/nodes', status: 404 },
    ]);
    // without Nodes, k3s, RKE2 and GKE cannot be told apart: the platform is unknown too
    expect(unknownIds(facts).sort()).toEqual([...NODE_FACTS].sort());
    expect(errors.find(e => e.fact === 'nodes')).toEqual({
      fact: 'nodes',
      reason: 'not found: list Nodes',
    });
    expectOthersIntact(facts, NODE_FACTS);
  });

  it('5xx on DaemonSets', async () => {
    const { facts } = await scanWith([
      { path: '/apis/apps/v1/daemonsets', status: 503 },
    ]);
    expect(unknownIds(facts).sort()).toEqual([...DAEMONSET_FACTS].sort());
    expect(facts.cni?.reason).toBe(
      'error: list DaemonSets in all namespaces: HTTP 503 (injected fault: HTTP 503)',
    );
    expectOthersIntact(facts, DAEMONSET_FACTS);
  });

  it('timeout on one request (Services count) within the per-request timeout', async () => {
    const started = Date.now();
    const { facts, errors } = await scanWith(
      [{ path: '/api/v1/services', hang: true }],
      400,
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(unknownIds(facts)).toEqual(['services']);
    expect(errors).toEqual([
      {
        fact: 'services',
        reason:
          'timeout: list Services in all namespaces: no answer within 400 ms',
      },
    ]);
    expectOthersIntact(facts, ['services']);
  });

  it('malformed JSON (Nodes)', async () => {
    const { facts } = await scanWith([
      { path: '/api/v1/nodes', malformed: true },
    ]);
    expect(unknownIds(facts).sort()).toEqual([...NODE_FACTS].sort());
    expect(facts.nodes?.reason).toBe(
      'error: list Nodes: malformed JSON in the response',
    );
  });

  it('connection reset (discovery)', async () => {
    const { facts } = await scanWith([{ path: '/apis', reset: true }]);
    expect(unknownIds(facts).sort()).toEqual([...DISCOVERY_FACTS].sort());
    expect(facts.policies?.reason).toBe(
      'error: discovery of API groups (/apis): connection reset by the server (ECONNRESET)',
    );
    expectOthersIntact(facts, DISCOVERY_FACTS);
  });

  it('401 (token rejected): every fact unknown, nothing guessed', async () => {
    const { facts, errors } = await collectFromKubernetes({
      ...server.connection(),
      serviceAccountToken: 'wrong',
    });
    expect(unknownIds(facts)).toEqual([...COLLECTED_FACT_IDS]);
    expect(errors).toHaveLength(COLLECTED_FACT_IDS.length);
    expect(facts.nodes?.reason).toBe(
      'unauthorized: list Nodes: the API server rejected the credentials (401)',
    );
  });

  it('TLS error (a CA that did not sign the server certificate): fails fast', async () => {
    const other = createTestCertificates('another-ca');
    const before = server.requests.length;
    const { facts, stats } = await collectFromKubernetes({
      ...server.connection(),
      caData: other.caData,
    });
    expect(unknownIds(facts)).toEqual([...COLLECTED_FACT_IDS]);
    expect(facts.cni?.reason).toMatch(
      /^error: TLS: .*certificate.* \([A-Z_]+\)/,
    );
    expect(server.requests.length).toBe(before);
    expect(stats.requests).toBeLessThanOrEqual(8);
  });

  it('unreachable (connection refused)', async () => {
    const closed = createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise(resolve => closed.close(resolve));
    const { facts } = await collectFromKubernetes({
      ...server.connection(),
      url: `https://127.0.0.1:${port}`,
    });
    expect(unknownIds(facts)).toEqual([...COLLECTED_FACT_IDS]);
    expect(facts.services?.reason).toMatch(/^error: connection refused/);
  });

  it('latency only slows the scan down', async () => {
    const { facts } = await scanWith([{ path: '/*', delayMs: 60 }]);
    expect(facts).toEqual(healthy);
  });
});
