import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  collectFromSnapshotFile,
  loadSnapshotFile,
} from '@network-scorecard/node';
import {
  KubeApiServer,
  startKubeApiServer,
} from '@internal/network-scorecard-test-utils';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { networkScorecardPlugin } from '../plugin';
import { exampleEntities, examplesDir } from '../__testUtils__/exampleFleet';

jest.setTimeout(60_000);

const dump = resolve(examplesDir, 'clusters/prod-eu-1.json');
const clusterRole = readFileSync(
  require.resolve('@network-scorecard/node/deploy/clusterrole.yaml'),
  'utf8',
);
const user = () => mockCredentials.user.header('user:default/jo');

describe('a live cluster from kubernetes.clusterLocatorMethods', () => {
  let server: KubeApiServer;
  beforeAll(async () => {
    server = await startKubeApiServer({
      objects: (await loadSnapshotFile(dump)).items,
      clusterRole,
    });
  });
  afterAll(() => server.close());

  async function startBackend() {
    const connection = server.connection('prod-eu-1');
    const { server: http } = await startTestBackend({
      features: [
        networkScorecardPlugin,
        catalogServiceMock.factory({ entities: exampleEntities() }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'prod-eu-1',
                      url: connection.url,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: connection.serviceAccountToken,
                      caData: connection.caData,
                    },
                    {
                      name: 'edge-oidc',
                      url: connection.url,
                      authProvider: 'oidc',
                    },
                  ],
                },
              ],
            },
            networkScorecard: {
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 5 },
                initialDelay: { hours: 24 },
              },
            },
          },
        }),
      ],
    });
    return http;
  }

  it('scans it over TLS under the shipped read-only role, with the same facts as its dump', async () => {
    const http = await startBackend();
    const res = await request(http)
      .post('/api/network-scorecard/clusters/prod-eu-1/scan')
      .set('Authorization', user());
    expect(res.body.error?.message).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('kubernetes');
    expect(res.body.status).toBe('ok');
    const { facts } = await collectFromSnapshotFile(dump);
    expect(res.body.facts).toEqual({
      ...facts,
      dashboards: res.body.facts.dashboards,
    });
    expect(server.requests.filter(r => r.status === 403)).toEqual([]);

    // credentials never leave the backend
    const list = await request(http)
      .get('/api/network-scorecard/clusters')
      .set('Authorization', user());
    for (const body of [JSON.stringify(res.body), JSON.stringify(list.body)]) {
      expect(body).not.toContain(server.token!);
      expect(body).not.toContain(server.connection().caData!);
    }
  });

  it('scans a catalog cluster Resource by its api-server annotation, with the token from config', async () => {
    const connection = server.connection('edge-1');
    const edge = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'edge-1',
        namespace: 'default',
        annotations: {
          'kubernetes.io/api-server': connection.url,
          'kubernetes.io/api-server-certificate-authority': connection.caData!,
          'kubernetes.io/auth-provider': 'serviceAccount',
        },
      },
      spec: {
        type: 'kubernetes-cluster',
        lifecycle: 'production',
        owner: 'team-platform',
      },
    };
    const { server: http } = await startTestBackend({
      features: [
        networkScorecardPlugin,
        catalogServiceMock.factory({ entities: [...exampleEntities(), edge] }),
        mockServices.rootConfig.factory({
          data: {
            networkScorecard: {
              catalogClusters: [
                {
                  name: 'edge-1',
                  url: connection.url,
                  serviceAccountToken: connection.serviceAccountToken,
                  caData: connection.caData,
                },
              ],
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 5 },
                initialDelay: { hours: 24 },
              },
            },
          },
        }),
      ],
    });
    const res = await request(http)
      .post('/api/network-scorecard/clusters/edge-1/scan')
      .set('Authorization', user());
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('catalog');
    expect(res.body.status).toBe('ok');
    expect(res.body.facts.cni.value).toBe('cilium');
    const list = await request(http)
      .get('/api/network-scorecard/clusters')
      .set('Authorization', user());
    expect(
      list.body.items.find((c: { name: string }) => c.name === 'edge-1'),
    ).toMatchObject({
      source: 'catalog',
      lifecycle: 'production',
      entityRef: 'resource:default/edge-1',
    });
  });

  it('refuses to scan a cluster with an unsupported auth provider, saying why, and shows the failure in the fleet', async () => {
    const http = await startBackend();
    const res = await request(http)
      .post('/api/network-scorecard/clusters/edge-oidc/scan')
      .set('Authorization', user());
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(
      'authProvider "oidc" needs the signed-in user\'s own token',
    );
    const list = await request(http)
      .get('/api/network-scorecard/clusters')
      .set('Authorization', user());
    const row = list.body.items.find(
      (c: { name: string }) => c.name === 'edge-oidc',
    );
    expect(row).toMatchObject({ lastScan: null, stale: false });
    expect(row.lastError.message).toContain('authProvider "oidc"');
  });
});

describe('a catalog entity never redirects a credential', () => {
  let real: KubeApiServer;
  let attacker: KubeApiServer;
  beforeAll(async () => {
    const objects = (await loadSnapshotFile(dump)).items;
    real = await startKubeApiServer({ objects, clusterRole });
    // answers anyone, and records every Authorization header it receives
    attacker = await startKubeApiServer({ objects, token: null });
  });
  afterAll(async () => {
    await real.close();
    await attacker.close();
  });

  function clusterEntity(
    name: string,
    annotations: Record<string, string>,
  ): Entity {
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name, namespace: 'default', annotations },
      spec: {
        type: 'kubernetes-cluster',
        lifecycle: 'production',
        owner: 'team-platform',
      },
    };
  }

  async function backendWith(entities: Entity[]) {
    const connection = real.connection('edge-1');
    const { server: http } = await startTestBackend({
      features: [
        networkScorecardPlugin,
        catalogServiceMock.factory({
          entities: [...exampleEntities(), ...entities],
        }),
        mockServices.rootConfig.factory({
          data: {
            networkScorecard: {
              catalogClusters: [
                {
                  name: 'edge-1',
                  url: connection.url,
                  serviceAccountToken: connection.serviceAccountToken,
                  caData: connection.caData,
                },
              ],
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 5 },
                initialDelay: { hours: 24 },
              },
            },
          },
        }),
      ],
    });
    return http;
  }

  async function scanAndList(
    http: Awaited<ReturnType<typeof backendWith>>,
    name: string,
  ) {
    const scan = await request(http)
      .post(`/api/network-scorecard/clusters/${name}/scan`)
      .set('Authorization', user());
    const list = await request(http)
      .get('/api/network-scorecard/clusters')
      .set('Authorization', user());
    const row = list.body.items.find((c: { name: string }) => c.name === name);
    for (const body of [JSON.stringify(scan.body), JSON.stringify(list.body)]) {
      expect(body).not.toContain(real.token!);
      expect(body).not.toContain(real.certificates.caData);
    }
    return { scan, row };
  }

  it('refuses an entity whose api-server is not the URL config binds the token to, and sends nothing anywhere', async () => {
    const realBefore = real.connections();
    const http = await backendWith([
      clusterEntity('edge-1', {
        'kubernetes.io/api-server': attacker.url,
        'kubernetes.io/api-server-certificate-authority':
          attacker.certificates.caData,
        'kubernetes.io/auth-provider': 'serviceAccount',
      }),
    ]);
    const { scan, row } = await scanAndList(http, 'edge-1');
    expect(scan.status).toBe(409);
    expect(scan.body.error.message).toBe(
      `the catalog entity of cluster "edge-1" names API server ${attacker.url}, but networkScorecard.catalogClusters binds its token to ${real.url}; the token was not sent (fix the entity or the config)`,
    );
    expect(row.lastError.message).toBe(scan.body.error.message);
    expect(row.lastScan).toBeNull();
    expect(attacker.connections()).toBe(0);
    expect(attacker.requests).toEqual([]);
    expect(real.connections()).toBe(realBefore);
  });

  it('refuses an entity that swaps in its own CA for the configured URL', async () => {
    const realBefore = real.connections();
    const http = await backendWith([
      clusterEntity('edge-1', {
        'kubernetes.io/api-server': real.url,
        'kubernetes.io/api-server-certificate-authority':
          attacker.certificates.caData,
      }),
    ]);
    const { scan, row } = await scanAndList(http, 'edge-1');
    expect(scan.status).toBe(409);
    expect(row.lastError.message).toContain(
      'names a certificate authority (kubernetes.io/api-server-certificate-authority) that networkScorecard.catalogClusters does not',
    );
    expect(real.connections()).toBe(realBefore);
  });

  it('refuses a catalog-only cluster on a loopback address without contacting it', async () => {
    const http = await backendWith([
      clusterEntity('rogue-1', {
        'kubernetes.io/api-server': attacker.url,
        'kubernetes.io/auth-provider': 'serviceAccount',
      }),
    ]);
    const { scan, row } = await scanAndList(http, 'rogue-1');
    expect(scan.status).toBe(409);
    expect(row.lastError.message).toBe(
      'refused the kubernetes.io/api-server of the catalog entity of cluster "rogue-1": 127.0.0.1 is not a public address (loopback, private, link-local or metadata); nothing was sent',
    );
    expect(attacker.connections()).toBe(0);
  });

  it('scans the entity when it agrees with config, sending the token only to the configured server', async () => {
    const http = await backendWith([
      clusterEntity('edge-1', {
        'kubernetes.io/api-server': `${real.url}/`,
        'kubernetes.io/api-server-certificate-authority':
          real.certificates.caData,
      }),
    ]);
    const { scan, row } = await scanAndList(http, 'edge-1');
    expect(scan.status).toBe(200);
    expect(scan.body.status).toBe('ok');
    expect(row.lastError).toBeNull();
    expect(attacker.requests).toEqual([]);
    expect(
      real.requests.every(r => r.authorization === `Bearer ${real.token}`),
    ).toBe(true);
  });

  it('fails at startup, naming the key, when a catalog credential has no url', async () => {
    await expect(
      startTestBackend({
        features: [
          networkScorecardPlugin,
          catalogServiceMock.factory({ entities: exampleEntities() }),
          mockServices.rootConfig.factory({
            data: {
              networkScorecard: {
                catalogClusters: [
                  { name: 'edge-1', serviceAccountToken: 'secret-token' },
                ],
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      'networkScorecard.catalogClusters[0].url is required for catalog cluster "edge-1"',
    );
  });
});
