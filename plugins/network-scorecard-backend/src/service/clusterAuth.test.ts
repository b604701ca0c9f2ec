import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AzureIdentityStrategy } from '@backstage/plugin-kubernetes-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  KubeApiServer,
  startKubeApiServer,
} from '@internal/network-scorecard-test-utils';
import { loadSnapshotFile } from '@network-scorecard/node';
import { networkScorecardAuthStrategyExtensionPoint } from '@network-scorecard/node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { networkScorecardPlugin } from '../plugin';
import { examplesDir, exampleEntities } from '../__testUtils__/exampleFleet';

jest.setTimeout(60_000);

const dump = resolve(examplesDir, 'clusters/prod-eu-1.json');
const clusterRole = readFileSync(
  require.resolve('@network-scorecard/node/deploy/clusterrole.yaml'),
  'utf8',
);
const user = () => mockCredentials.user.header('user:default/jo');
const DAY = { hours: 24 };
const quietSchedule = {
  frequency: DAY,
  timeout: { minutes: 5 },
  initialDelay: DAY,
};

/** Every line any plugin logs, so a test can search them for secrets. */
function recordingLogger(lines: string[]) {
  const logger: LoggerService = {
    error: (message, meta) => lines.push(JSON.stringify([message, meta])),
    warn: (message, meta) => lines.push(JSON.stringify([message, meta])),
    info: (message, meta) => lines.push(JSON.stringify([message, meta])),
    debug: (message, meta) => lines.push(JSON.stringify([message, meta])),
    child: () => logger,
  };
  return createServiceFactory({
    service: coreServices.logger,
    deps: {},
    factory: () => logger,
  });
}

/** EKS accepts `k8s-aws-v1.` + base64url of a presigned STS GetCallerIdentity URL. */
function presignedStsUrl(token: string): URL | undefined {
  if (!token.startsWith('k8s-aws-v1.')) return undefined;
  return new URL(
    Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString(),
  );
}

describe('clusters reached with the Kubernetes plugin’s auth strategies', () => {
  let objects: Awaited<ReturnType<typeof loadSnapshotFile>>['items'];
  const servers: KubeApiServer[] = [];
  const savedEnv = { ...process.env };
  beforeAll(async () => {
    objects = (await loadSnapshotFile(dump)).items;
  });
  afterEach(() => {
    process.env = { ...savedEnv };
  });
  afterAll(async () => {
    await Promise.all(servers.map(s => s.close()));
  });
  async function server(
    options: Partial<Parameters<typeof startKubeApiServer>[0]> = {},
  ) {
    const s = await startKubeApiServer({ objects, clusterRole, ...options });
    servers.push(s);
    return s;
  }

  async function backend(
    data: object,
    extra: { entities?: Entity[]; features?: object[]; logs?: string[] } = {},
  ) {
    const { server: http } = await startTestBackend({
      features: [
        networkScorecardPlugin,
        catalogServiceMock.factory({
          entities: [...exampleEntities(), ...(extra.entities ?? [])],
        }),
        mockServices.rootConfig.factory({
          data: {
            ...data,
            networkScorecard: {
              schedule: quietSchedule,
              scan: { requestTimeout: '2s' },
            },
          },
        }),
        ...(extra.logs ? [recordingLogger(extra.logs)] : []),
        ...((extra.features ?? []) as []),
      ],
    });
    return http;
  }

  async function scan(http: Awaited<ReturnType<typeof backend>>, name: string) {
    return request(http)
      .post(`/api/network-scorecard/clusters/${name}/scan`)
      .set('Authorization', user());
  }

  it('scans an EKS cluster with authProvider aws: a token presigned offline from the environment’s AWS credentials', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY =
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    process.env.AWS_REGION = 'eu-west-1';
    const eks = await server({
      acceptToken: token => {
        const url = presignedStsUrl(token);
        return (
          url?.hostname === 'sts.eu-west-1.amazonaws.com' &&
          url.searchParams.get('Action') === 'GetCallerIdentity' &&
          !!url.searchParams.get('X-Amz-Signature') &&
          (url.searchParams.get('X-Amz-SignedHeaders') ?? '').includes(
            'x-k8s-aws-id',
          )
        );
      },
    });
    const logs: string[] = [];
    const http = await backend(
      {
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'eks-prod',
                  title: 'EKS production (eu-west-1)',
                  url: eks.url,
                  authProvider: 'aws',
                  caData: eks.certificates.caData,
                },
              ],
            },
          ],
        },
      },
      { logs },
    );
    const res = await scan(http, 'eks-prod');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.facts.cni.value).toBe('cilium');
    const tokens = eks.requests.map(r => r.authorization);
    expect(tokens.length).toBeGreaterThan(5);
    const credential = presignedStsUrl(
      tokens[0]!.replace(/^Bearer /, ''),
    )!.searchParams.get('X-Amz-Credential');
    expect(credential).toMatch(
      /^AKIAIOSFODNN7EXAMPLE\/\d{8}\/eu-west-1\/sts\/aws4_request$/,
    );
    const list = await request(http)
      .get('/api/network-scorecard/clusters')
      .set('Authorization', user());
    // the Kubernetes plugin's cluster title names a cluster the catalog does not know
    expect(
      list.body.items.find((c: { name: string }) => c.name === 'eks-prod')
        .title,
    ).toBe('EKS production (eu-west-1)');
    for (const text of [
      JSON.stringify(res.body),
      JSON.stringify(list.body),
      ...logs,
    ]) {
      expect(text).not.toContain('k8s-aws-v1.');
      expect(text).not.toContain(process.env.AWS_SECRET_ACCESS_KEY);
      expect(text).not.toContain(eks.certificates.caData);
    }
  });

  it('scans an AKS cluster with authProvider azure through a credential source a module injects', async () => {
    const aks = await server({ token: 'azure-access-token-for-aks' });
    const scopes: string[] = [];
    const credentialSource = {
      getToken: async (scope: string | string[]) => {
        scopes.push(...[scope].flat());
        return {
          token: 'azure-access-token-for-aks',
          expiresOnTimestamp: Date.now() + 3600_000,
        };
      },
    };
    const azureModule = createBackendModule({
      pluginId: 'network-scorecard',
      moduleId: 'test-azure-credential',
      register(env) {
        env.registerInit({
          deps: {
            strategies: networkScorecardAuthStrategyExtensionPoint,
            logger: coreServices.logger,
          },
          async init({ strategies, logger }) {
            strategies.addAuthStrategy(
              'azure',
              new AzureIdentityStrategy(logger, credentialSource),
            );
          },
        });
      },
    });
    const logs: string[] = [];
    const http = await backend(
      {
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'aks-prod',
                  url: aks.url,
                  authProvider: 'azure',
                  caData: aks.certificates.caData,
                },
              ],
            },
          ],
        },
      },
      { features: [azureModule], logs },
    );
    const res = await scan(http, 'aks-prod');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    // the AKS AAD server application, as the Kubernetes plugin asks for it
    expect(scopes).toEqual(['6dae42f8-4368-4678-94ff-3960e28e3630/.default']);
    expect(aks.requests.filter(r => r.status === 401)).toEqual([]);
    expect(logs.join('\n')).not.toContain('azure-access-token-for-aks');
    expect(JSON.stringify(res.body)).not.toContain(
      'azure-access-token-for-aks',
    );
  });

  it('gives a credential lookup that never answers the request deadline, and records the failed attempt', async () => {
    const any = await server();
    const hanging = createBackendModule({
      pluginId: 'network-scorecard',
      moduleId: 'test-hanging-credential',
      register(env) {
        env.registerInit({
          deps: { strategies: networkScorecardAuthStrategyExtensionPoint },
          async init({ strategies }) {
            strategies.addAuthStrategy('aws', {
              getCredential: () => new Promise(() => undefined),
              validateCluster: () => [],
              presentAuthMetadata: () => ({}),
            });
          },
        });
      },
    });
    const http = await backend(
      {
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                { name: 'eks-slow', url: any.url, authProvider: 'aws' },
              ],
            },
          ],
        },
      },
      { features: [hanging] },
    );
    const started = Date.now();
    const res = await scan(http, 'eks-slow');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.status).toBe(500);
    const list = await request(http)
      .get('/api/network-scorecard/clusters')
      .set('Authorization', user());
    const row = list.body.items.find(
      (c: { name: string }) => c.name === 'eks-slow',
    );
    expect(row.lastError.message).toBe(
      'could not get a credential for cluster "eks-slow" from its auth provider: no answer within 2000 ms',
    );
    expect(any.connections()).toBe(0);
  });

  it('says per cluster which providers scheduled scans cannot use, in the API', async () => {
    const any = await server();
    const http = await backend({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: ['oidc', 'google', 'pinniped'].map(provider => ({
              name: `c-${provider}`,
              url: any.url,
              authProvider: provider,
              ...(provider === 'oidc' ? { oidcTokenProvider: 'okta' } : {}),
            })),
          },
        ],
      },
    });
    const reasons: Record<string, string> = {};
    for (const provider of ['oidc', 'google', 'pinniped']) {
      const res = await scan(http, `c-${provider}`);
      expect(res.status).toBe(409);
      reasons[provider] = res.body.error.message;
    }
    expect(reasons.oidc).toBe(
      'authProvider "oidc" needs the signed-in user\'s own token, which scheduled scans do not have; use one of serviceAccount, aws, azure, googleServiceAccount, localKubectlProxy for Network Scorecard',
    );
    expect(reasons.google).toContain('needs the signed-in user');
    expect(reasons.pinniped).toContain(
      'authProvider "pinniped" is not known to Network Scorecard',
    );
    expect(any.connections()).toBe(0);
  });

  it('scans a catalog-located cluster with a server-side provider when the catalog locator allows its host, and never with serviceAccount', async () => {
    const located = await server({ token: 'azure-access-token-for-aks' });
    const entity = (name: string, provider: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name,
        namespace: 'default',
        annotations: {
          'kubernetes.io/api-server': located.url,
          'kubernetes.io/api-server-certificate-authority':
            located.certificates.caData,
          'kubernetes.io/auth-provider': provider,
        },
      },
      spec: {
        type: 'kubernetes-cluster',
        lifecycle: 'production',
        owner: 'team-platform',
      },
    });
    const azureModule = createBackendModule({
      pluginId: 'network-scorecard',
      moduleId: 'test-azure-credential',
      register(env) {
        env.registerInit({
          deps: { strategies: networkScorecardAuthStrategyExtensionPoint },
          async init({ strategies }) {
            strategies.addAuthStrategy('azure', {
              getCredential: async () => ({
                type: 'bearer token',
                token: 'azure-access-token-for-aks',
              }),
              validateCluster: () => [],
              presentAuthMetadata: () => ({}),
            });
          },
        });
      },
    });
    const http = await backend(
      {
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'catalog', dangerouslyAllowClusterUrls: ['127.0.0.1'] },
          ],
        },
      },
      {
        entities: [
          entity('aks-located', 'azure'),
          entity('sa-located', 'serviceAccount'),
        ],
        features: [azureModule],
      },
    );
    const ok = await scan(http, 'aks-located');
    expect(ok.status).toBe(200);
    expect(ok.body.source).toBe('catalog');
    expect(ok.body.status).toBe('ok');
    const before = located.connections();
    const refused = await scan(http, 'sa-located');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(
      'the catalog locator never uses service account credentials',
    );
    expect(located.connections()).toBe(before);
  });

  it('refuses a catalog-located cluster on a non-public address unless the locator names its host', async () => {
    const located = await server();
    const http = await backend(
      { kubernetes: { clusterLocatorMethods: [{ type: 'catalog' }] } },
      {
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: {
              name: 'internal-1',
              namespace: 'default',
              annotations: {
                'kubernetes.io/api-server': located.url,
                'kubernetes.io/api-server-certificate-authority':
                  located.certificates.caData,
                'kubernetes.io/auth-provider': 'aws',
              },
            },
            spec: {
              type: 'kubernetes-cluster',
              lifecycle: 'production',
              owner: 'team-platform',
            },
          },
        ],
      },
    );
    const res = await scan(http, 'internal-1');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      'refused the kubernetes.io/api-server of the catalog entity of cluster "internal-1": 127.0.0.1 is not a public address (loopback, private, link-local or metadata); nothing was sent',
    );
    expect(located.connections()).toBe(0);
  });
});
