import http from 'node:http';
import { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import {
  ConnectProxy,
  startConnectProxy,
} from '@internal/network-scorecard-test-utils';
import { KubernetesApiReader } from './KubernetesApiReader';

const DISCOVERY = JSON.stringify({
  kind: 'APIGroupList',
  groups: [{ name: 'apps', versions: [{ version: 'v1' }] }],
});

let api: http.Server;
let apiHostPort: string;
let proxy: ConnectProxy | undefined;
beforeAll(async () => {
  api = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(DISCOVERY);
  });
  await new Promise<void>(resolve => api.listen(0, '127.0.0.1', resolve));
  apiHostPort = `127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});
afterAll(() => new Promise(resolve => api.close(resolve)));

function plainKubeConfig(proxyUrl: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'plain',
        server: `http://${apiHostPort}`,
        skipTLSVerify: true,
        proxyUrl,
      },
    ],
    users: [{ name: 'anonymous' }],
    contexts: [{ name: 'plain', cluster: 'plain', user: 'anonymous' }],
    currentContext: 'plain',
  });
  return kc;
}

describe('KubernetesApiReader through a CONNECT proxy', () => {
  it('tunnels plain HTTP API servers too, counting the bytes', async () => {
    proxy = await startConnectProxy();
    const reader = new KubernetesApiReader(plainKubeConfig(proxy.url));
    try {
      expect(await reader.discoverGroups()).toEqual({
        '': ['v1'],
        apps: ['v1'],
      });
      expect(reader.stats()).toEqual({
        requests: 1,
        bytes: Buffer.byteLength(DISCOVERY),
      });
      expect(proxy.log.map(t => [t.target, t.outcome])).toEqual([
        [apiHostPort, 'tunnelled'],
      ]);
    } finally {
      reader.close();
    }
  });

  it('close() ends a CONNECT the proxy never answers', async () => {
    const hanging = await startConnectProxy({ mode: 'hang' });
    proxy = hanging;
    const reader = new KubernetesApiReader(plainKubeConfig(hanging.url), {
      timeoutMs: 60_000,
    });
    const pending = reader.discoverGroups();
    while (hanging.log.length === 0)
      await new Promise(resolve => setTimeout(resolve, 5));
    const closedAt = Date.now();
    reader.close();
    await expect(pending).rejects.toThrow(
      `error: proxy ${hanging.url} (kubeconfig proxy-url): the reader was closed`,
    );
    expect(Date.now() - closedAt).toBeLessThan(1000);
  });
});
