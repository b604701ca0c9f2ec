import { createServer } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import {
  ConnectProxy,
  ConnectProxyOptions,
  createTestCertificates,
  KubeApiServer,
  startConnectProxy,
  startKubeApiServer,
  syntheticCluster,
  TestCertificates,
} from '@internal/network-scorecard-test-utils';
import { CollectedFacts } from '../types';
import { COLLECTED_FACT_IDS } from './collectFacts';
import {
  collectFromKubeConfig,
  collectFromKubernetes,
} from './collectFromKubernetes';

const PROXY_VARIABLES = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
];
const savedEnv = Object.fromEntries(
  PROXY_VARIABLES.map(name => [name, process.env[name]]),
);
function clearProxyEnv() {
  for (const name of PROXY_VARIABLES) delete process.env[name];
}

const objects = syntheticCluster({ nodes: 3, services: 25, namespaces: 3 });
const PASSWORD = 'hunter2-s3cret';
let certificates: TestCertificates;
let server: KubeApiServer;
let apiHostPort: string;
let direct: CollectedFacts;
const proxies: ConnectProxy[] = [];

beforeAll(async () => {
  // A developer's own proxy settings must not leak into the direct baseline.
  clearProxyEnv();
  certificates = createTestCertificates();
  server = await startKubeApiServer({ objects, certificates });
  apiHostPort = new URL(server.url).host;
  direct = await collectFromKubeConfig(kubeConfig());
});
afterEach(async () => {
  clearProxyEnv();
  await Promise.all(proxies.splice(0).map(p => p.close()));
});
afterAll(async () => {
  await server.close();
  for (const [name, value] of Object.entries(savedEnv))
    if (value !== undefined) process.env[name] = value;
});

async function proxy(options?: ConnectProxyOptions): Promise<ConnectProxy> {
  const started = await startConnectProxy(options);
  proxies.push(started);
  return started;
}

/** A kubeconfig as kubectl reads it, optionally with the cluster's proxy-url. */
function kubeConfig(
  proxyUrl?: string,
  caData = certificates.caData,
): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(`
apiVersion: v1
kind: Config
clusters:
  - name: test
    cluster:
      server: ${server.url}
      certificate-authority-data: ${caData}
${proxyUrl ? `      proxy-url: ${proxyUrl}` : ''}
users:
  - name: scanner
    user:
      token: ${server.token}
contexts:
  - name: test
    context: { cluster: test, user: scanner }
current-context: test
`);
  return kc;
}

function withCredentials(url: string, user: string, password: string) {
  const withUser = new URL(url);
  withUser.username = encodeURIComponent(user);
  withUser.password = encodeURIComponent(password);
  return withUser.href;
}

/** The one reason every fact carries when the connection itself failed. */
function onlyReason(result: CollectedFacts): string[] {
  expect(result.errors.map(e => e.fact)).toEqual([...COLLECTED_FACT_IDS]);
  return [...new Set(result.errors.map(e => e.reason))];
}

function expectSameAsDirect(result: CollectedFacts) {
  expect(result.errors).toEqual([]);
  expect(result.facts).toEqual(direct.facts);
  expect(result.stats).toEqual(direct.stats);
}

function expectTunnelsToApiServer(through: ConnectProxy) {
  expect(through.log.length).toBeGreaterThan(0);
  // kept-alive tunnels are reused: never more than the reader's concurrency (6)
  expect(through.log.length).toBeLessThanOrEqual(6);
  for (const tunnel of through.log)
    expect(tunnel).toMatchObject({ target: apiHostPort, outcome: 'tunnelled' });
}

describe('live scans through an HTTP CONNECT proxy', () => {
  it('has a direct baseline that knows every fact', () => {
    expect(direct.errors).toEqual([]);
    expect(direct.stats.requests).toBeGreaterThan(0);
  });

  it("tunnels through the kubeconfig cluster's proxy-url", async () => {
    const through = await proxy();
    const before = Date.now();
    expectSameAsDirect(await collectFromKubeConfig(kubeConfig(through.url)));
    expectTunnelsToApiServer(through);
    expect(through.log[0].at).toBeGreaterThanOrEqual(before);
  });

  it('prefers proxy-url over HTTPS_PROXY and NO_PROXY', async () => {
    const configured = await proxy();
    const environment = await proxy();
    process.env.HTTPS_PROXY = environment.url;
    process.env.NO_PROXY = '*';
    expectSameAsDirect(await collectFromKubeConfig(kubeConfig(configured.url)));
    expectTunnelsToApiServer(configured);
    expect(environment.log).toEqual([]);
  });

  it('tunnels through HTTPS_PROXY (and https_proxy) from the environment', async () => {
    const upper = await proxy();
    process.env.HTTPS_PROXY = upper.url;
    expectSameAsDirect(await collectFromKubernetes(server.connection()));
    expectTunnelsToApiServer(upper);

    clearProxyEnv();
    const lower = await proxy();
    process.env.https_proxy = lower.url;
    expectSameAsDirect(await collectFromKubeConfig(kubeConfig()));
    expectTunnelsToApiServer(lower);
  });

  it('goes direct when NO_PROXY matches the API server', async () => {
    const bypassed = await proxy();
    const port = new URL(server.url).port;
    for (const noProxy of [
      '127.0.0.1',
      `example.com, 127.0.0.1:${port}`,
      '127.0.0.0/8',
      '*',
    ]) {
      clearProxyEnv();
      process.env.HTTPS_PROXY = bypassed.url;
      process.env.no_proxy = noProxy;
      expectSameAsDirect(await collectFromKubeConfig(kubeConfig()));
    }
    expect(bypassed.log).toEqual([]);

    // …and a NO_PROXY for another host or port does not bypass it
    clearProxyEnv();
    process.env.HTTPS_PROXY = bypassed.url;
    process.env.NO_PROXY = `localhost,127.0.0.1:1,.example.com`;
    expectSameAsDirect(await collectFromKubeConfig(kubeConfig()));
    expectTunnelsToApiServer(bypassed);
  });

  it('verifies the API server against the cluster CA through the tunnel', async () => {
    const through = await proxy();
    const other = createTestCertificates('another-ca');
    const result = await collectFromKubeConfig(
      kubeConfig(through.url, other.caData),
    );
    for (const reason of onlyReason(result))
      expect(reason).toMatch(/^error: TLS: self-signed certificate/);
    expectTunnelsToApiServer(through);
  });

  it('sends the proxy URL credentials as Proxy-Authorization', async () => {
    const through = await proxy({
      credentials: { username: 'scan@corp', password: PASSWORD },
    });
    const requestsBefore = server.requests.length;
    expectSameAsDirect(
      await collectFromKubeConfig(
        kubeConfig(withCredentials(through.url, 'scan@corp', PASSWORD)),
      ),
    );
    expectTunnelsToApiServer(through);
    const basic = `Basic ${Buffer.from(`scan@corp:${PASSWORD}`).toString(
      'base64',
    )}`;
    expect(through.log.map(t => t.authorization)).toEqual(
      through.log.map(() => basic),
    );
    // the proxy credentials go to the proxy only, never to the API server
    for (const request of server.requests.slice(requestsBefore))
      expect(request.authorization).toBe(`Bearer ${server.token}`);
  });

  it('names the proxy, not its password, when it rejects the credentials', async () => {
    const through = await proxy({
      credentials: { username: 'scanner', password: 'the-right-one' },
    });
    process.env.HTTPS_PROXY = withCredentials(through.url, 'scanner', PASSWORD);
    const result = await collectFromKubeConfig(kubeConfig());
    expect(onlyReason(result)).toEqual([
      `error: proxy ${through.url} (HTTPS_PROXY) rejected the proxy credentials (HTTP 407 Proxy Authentication Required)`,
    ]);
    expectNoSecret(result);
  });

  it('gives unknown facts with a timeout within the request timeout when the proxy never answers CONNECT', async () => {
    const hanging = await proxy({ mode: 'hang' });
    const started = Date.now();
    const result = await collectFromKubeConfig(kubeConfig(hanging.url), {
      timeoutMs: 400,
    });
    const elapsed = Date.now() - started;
    expect(onlyReason(result)).toEqual([
      `timeout: proxy ${hanging.url} (kubeconfig proxy-url) did not answer CONNECT to ${apiHostPort} within 400 ms`,
    ]);
    // one round of hung CONNECTs, then the failure is fatal for the scan
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(1500);
    expect(hanging.log.length).toBeGreaterThan(0);
    expect(hanging.log.every(t => t.outcome === 'hung')).toBe(true);
  });

  it('gives a clear error naming the proxy, without its credentials, when it refuses CONNECT', async () => {
    const refusing = await proxy({ mode: 'refuse', refuseStatus: 403 });
    const requestsBefore = server.requests.length;
    const result = await collectFromKubeConfig(
      kubeConfig(withCredentials(refusing.url, 'scanner', PASSWORD)),
    );
    expect(onlyReason(result)).toEqual([
      `error: proxy ${refusing.url} (kubeconfig proxy-url) refused CONNECT to ${apiHostPort} (HTTP 403 Forbidden)`,
    ]);
    expectNoSecret(result);
    expect(refusing.log.map(t => t.outcome)).toContain('refused');
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('names an unreachable proxy without its credentials', async () => {
    const closed = createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise(resolve => closed.close(resolve));
    process.env.HTTPS_PROXY = `http://scanner:${PASSWORD}@127.0.0.1:${port}`;
    const result = await collectFromKubeConfig(kubeConfig());
    expect(onlyReason(result)).toEqual([
      `error: cannot reach proxy http://127.0.0.1:${port} (HTTPS_PROXY): connect ECONNREFUSED 127.0.0.1:${port}`,
    ]);
    expectNoSecret(result);
  });

  it('reports an unsupported proxy scheme without its credentials', async () => {
    const result = await collectFromKubeConfig(
      kubeConfig(`socks5://scanner:${PASSWORD}@127.0.0.1:1080`),
    );
    expect(onlyReason(result)).toEqual([
      'error: cannot connect: proxy socks5://127.0.0.1:1080 (kubeconfig proxy-url) is not supported: only http:// and https:// proxies (HTTP CONNECT) are',
    ]);
    expectNoSecret(result);
    expect(result.stats.requests).toBe(0);
  });
});

function expectNoSecret(result: CollectedFacts) {
  const text = JSON.stringify(result);
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(encodeURIComponent(PASSWORD));
  expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  expect(text).not.toContain('scanner:');
}
