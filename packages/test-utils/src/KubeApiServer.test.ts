import https from 'node:https';
import { object } from './objects';
import { KubeApiServer, startKubeApiServer } from './KubeApiServer';
import { TestCertificates, createTestCertificates } from './certificates';

const ROLE = `
apiVersion: v1
kind: ServiceAccount
metadata: { name: reader, namespace: default }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: reader }
rules:
  - apiGroups: [""]
    resources: [configmaps]
    resourceNames: [allowed]
    verbs: [get]
  - apiGroups: [apps]
    resources: [deployments]
    verbs: [list]
`;

const objects = [
  object('v1', 'Namespace', 'a'),
  ...Array.from({ length: 5 }, (_, i) =>
    object('apps/v1', 'Deployment', `d${i}`, i < 3 ? 'a' : 'b', {
      metadata: {
        name: `d${i}`,
        namespace: i < 3 ? 'a' : 'b',
        labels: { tier: i % 2 ? 'odd' : 'even' },
      },
    }),
  ),
  object('v1', 'ConfigMap', 'allowed', 'a', { data: { k: 'v' } }),
  object('v1', 'ConfigMap', 'secret-ish', 'a', { data: {} }),
  object(
    'apiextensions.k8s.io/v1',
    'CustomResourceDefinition',
    'widgets.example.io',
    undefined,
    {
      spec: {
        group: 'example.io',
        names: { kind: 'Widget', plural: 'widgets' },
        scope: 'Namespaced',
        versions: [
          { name: 'v1beta1', served: true },
          { name: 'v1', served: true },
        ],
      },
    },
  ),
  object('example.io/v1', 'Widget', 'w', 'a'),
];

let certificates: TestCertificates;
let server: KubeApiServer;
beforeAll(async () => {
  certificates = createTestCertificates();
  server = await startKubeApiServer({
    objects,
    certificates,
    clusterRole: undefined,
  });
});
afterAll(() => server.close());

function get(
  target: KubeApiServer,
  path: string,
  token: string | undefined = target.token,
  accept = 'application/json',
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    https
      .get(
        `${target.url}${path}`,
        {
          ca: target.certificates.cert,
          headers: {
            Accept: accept,
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
        },
        res => {
          let text = '';
          res.on('data', c => (text += c));
          res.on('end', () => {
            try {
              resolve({
                status: res.statusCode ?? 0,
                body: text ? JSON.parse(text) : undefined,
              });
            } catch (error) {
              reject(error);
            }
          });
        },
      )
      .on('error', reject);
  });
}

describe('startKubeApiServer', () => {
  it('serves discovery from the dump and its CRDs', async () => {
    expect((await get(server, '/api')).body).toEqual({
      kind: 'APIVersions',
      versions: ['v1'],
    });
    const groups = (await get(server, '/apis')).body;
    expect(groups.kind).toBe('APIGroupList');
    expect(groups.groups.find((g: any) => g.name === 'example.io')).toEqual({
      name: 'example.io',
      versions: [
        { groupVersion: 'example.io/v1', version: 'v1' },
        { groupVersion: 'example.io/v1beta1', version: 'v1beta1' },
      ],
      preferredVersion: { groupVersion: 'example.io/v1', version: 'v1' },
    });
    const resources = (await get(server, '/apis/example.io/v1')).body;
    expect(resources.resources).toEqual([
      {
        name: 'widgets',
        singularName: 'widget',
        namespaced: true,
        kind: 'Widget',
        verbs: ['get', 'list'],
      },
    ]);
    expect((await get(server, '/apis/nothing.io/v1')).status).toBe(404);
  });

  it('lists in pages with continue and remainingItemCount, items without kind for built-in types', async () => {
    const first = (await get(server, '/apis/apps/v1/deployments?limit=2')).body;
    expect(first.kind).toBe('DeploymentList');
    expect(first.items.map((i: any) => i.metadata.name)).toEqual(['d0', 'd1']);
    expect(first.items[0].kind).toBeUndefined();
    expect(first.metadata.remainingItemCount).toBe(3);
    const second = (
      await get(
        server,
        `/apis/apps/v1/deployments?limit=2&continue=${first.metadata.continue}`,
      )
    ).body;
    expect(second.items.map((i: any) => i.metadata.name)).toEqual(['d2', 'd3']);
    const custom = (
      await get(server, '/apis/example.io/v1/namespaces/a/widgets')
    ).body;
    expect(custom.items[0].kind).toBe('Widget');
  });

  it('filters by namespace, label and field selectors (no remainingItemCount with selectors)', async () => {
    const inB = (await get(server, '/apis/apps/v1/namespaces/b/deployments'))
      .body;
    expect(inB.items.map((i: any) => i.metadata.name)).toEqual(['d3', 'd4']);
    const odd = (
      await get(
        server,
        '/apis/apps/v1/deployments?labelSelector=tier%3Dodd&limit=1',
      )
    ).body;
    expect(odd.items.map((i: any) => i.metadata.name)).toEqual(['d1']);
    expect(odd.metadata.remainingItemCount).toBeUndefined();
    expect(odd.metadata.continue).toBeDefined();
    const notEven = (
      await get(server, '/apis/apps/v1/deployments?labelSelector=tier!%3Deven')
    ).body;
    expect(notEven.items).toHaveLength(2);
    const named = (
      await get(
        server,
        '/apis/apps/v1/deployments?fieldSelector=metadata.name%3Dd4',
      )
    ).body;
    expect(named.items.map((i: any) => i.metadata.namespace)).toEqual(['b']);
  });

  it('gets by name and answers a missing object with a NotFound Status', async () => {
    expect(
      (await get(server, '/api/v1/namespaces/a/configmaps/allowed')).body.data,
    ).toEqual({ k: 'v' });
    const missing = await get(server, '/api/v1/namespaces/a/configmaps/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'configmaps "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', kind: 'configmaps' },
      code: 404,
    });
  });

  it('answers metadata-only lists as PartialObjectMetadataList', async () => {
    const list = (
      await get(
        server,
        '/apis/apps/v1/deployments?limit=1',
        server.token,
        'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
      )
    ).body;
    expect(list.kind).toBe('PartialObjectMetadataList');
    expect(list.items[0]).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: expect.objectContaining({ name: 'd0' }),
    });
  });

  it('rejects a missing or wrong bearer token with 401', async () => {
    expect((await get(server, '/api/v1/namespaces', '')).status).toBe(401);
    const wrong = await get(server, '/api/v1/namespaces', 'nope');
    expect(wrong.body).toMatchObject({
      kind: 'Status',
      reason: 'Unauthorized',
      code: 401,
    });
  });

  it('enforces a ClusterRole: resourceNames for get, verbs per resource', async () => {
    const guarded = await startKubeApiServer({
      objects,
      certificates,
      clusterRole: ROLE,
    });
    try {
      expect(
        (await get(guarded, '/api/v1/namespaces/a/configmaps/allowed')).status,
      ).toBe(200);
      const denied = await get(
        guarded,
        '/api/v1/namespaces/a/configmaps/secret-ish',
      );
      expect(denied.status).toBe(403);
      expect(denied.body.message).toBe(
        'configmaps "secret-ish" is forbidden: User "system:serviceaccount:network-scorecard:network-scorecard" cannot get resource "configmaps" in API group "" in the namespace "a"',
      );
      expect((await get(guarded, '/api/v1/configmaps')).status).toBe(403);
      expect((await get(guarded, '/apis/apps/v1/deployments')).status).toBe(
        200,
      );
      expect(
        (await get(guarded, '/apis/apps/v1/namespaces/a/deployments/d0'))
          .status,
      ).toBe(403);
      expect((await get(guarded, '/apis')).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('injects faults per path: status codes and malformed bodies', async () => {
    server.setFaults([
      { path: '/api/v1/namespaces', status: 500 },
      { path: /widgets$/, malformed: true },
    ]);
    try {
      expect((await get(server, '/api/v1/namespaces')).body).toMatchObject({
        code: 500,
        reason: 'InternalError',
      });
      await expect(get(server, '/apis/example.io/v1/widgets')).rejects.toThrow(
        SyntaxError,
      );
      expect((await get(server, '/api/v1/nodes')).status).toBe(200);
    } finally {
      server.setFaults([]);
    }
  });
});
