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
} from '@network-scorecard/node/testing';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import request from 'supertest';
import { networkScorecardPlugin } from '../plugin';
import { exampleEntities, examplesDir } from '../__testUtils__/exampleFleet';

jest.setTimeout(60_000);

const dump = resolve(examplesDir, 'clusters/prod-eu-1.json');
const clusterRole = readFileSync(
  resolve(__dirname, '../../deploy/clusterrole.yaml'),
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
                  serviceAccountToken: connection.serviceAccountToken,
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

  it('reports a cluster with an unsupported auth provider as failed, saying why', async () => {
    const http = await startBackend();
    const res = await request(http)
      .post('/api/network-scorecard/clusters/edge-oidc/scan')
      .set('Authorization', user());
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('failed');
    expect(res.body.grade).toBe('?');
    expect(res.body.errors[0].reason).toContain(
      'authProvider "oidc" is not supported',
    );
  });
});
