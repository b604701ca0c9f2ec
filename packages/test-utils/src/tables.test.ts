import https from 'node:https';
import { KubeObject } from '@network-scorecard/node';
import { KubeApiServer, startKubeApiServer } from './KubeApiServer';
import { TestCertificates, createTestCertificates } from './certificates';
import { negotiate } from './routes';
import { syntheticCluster } from './syntheticCluster';

const TABLE = 'application/json;as=Table;g=meta.k8s.io;v=v1';
const TABLE_OR_JSON = `${TABLE}, application/json`;

const objects: KubeObject[] = [
  ...syntheticCluster({ nodes: 3, services: 1, namespaces: 1 }),
];

let certificates: TestCertificates;
const servers: KubeApiServer[] = [];
beforeAll(() => {
  certificates = createTestCertificates();
});
afterAll(() => Promise.all(servers.map(s => s.close())));

async function server(
  tables?: 'served' | 'ignored' | 'refused',
): Promise<KubeApiServer> {
  const started = await startKubeApiServer({ objects, certificates, tables });
  servers.push(started);
  return started;
}

function get(
  target: KubeApiServer,
  path: string,
  accept: string,
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    https
      .get(
        `${target.url}${path}`,
        {
          ca: target.certificates.cert,
          headers: { Accept: accept, Authorization: `Bearer ${target.token}` },
        },
        res => {
          let text = '';
          res.on('data', c => (text += c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }),
          );
        },
      )
      .on('error', reject);
  });
}

describe('negotiate', () => {
  it('picks the first acceptable form of the Accept list', () => {
    expect(negotiate(undefined, true)).toBe('object');
    expect(negotiate('*/*', true)).toBe('object');
    expect(negotiate(TABLE_OR_JSON, true)).toBe('table');
    expect(negotiate(TABLE, false)).toBe('table');
    expect(
      negotiate(
        'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1, application/json',
        true,
      ),
    ).toBe('metadata');
    expect(
      negotiate('application/json;as=Table;g=meta.k8s.io;v=v9', true),
    ).toBe('not-acceptable');
    expect(negotiate('text/html', true)).toBe('not-acceptable');
  });

  it('serves the next form, or 406, when it knows no Tables', () => {
    expect(negotiate(TABLE_OR_JSON, true, 'ignored')).toBe('object');
    expect(negotiate(TABLE, true, 'ignored')).toBe('not-acceptable');
    expect(negotiate(TABLE_OR_JSON, true, 'refused')).toBe('not-acceptable');
  });
});

describe('Tables over HTTPS, as kube-apiserver prints them', () => {
  it('lists Nodes with the Node printer columns and no objects (includeObject=None)', async () => {
    const api = await server();
    const { status, body } = await get(
      api,
      '/api/v1/nodes?limit=2&includeObject=None',
      TABLE_OR_JSON,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '1000', remainingItemCount: 1 },
    });
    expect(Object.keys(body)).toEqual([
      'kind',
      'apiVersion',
      'metadata',
      'columnDefinitions',
      'rows',
    ]);
    expect(body.metadata.continue).toEqual(expect.any(String));
    expect(
      body.columnDefinitions.map(
        (c: { name: string; priority: number }) => `${c.name}/${c.priority}`,
      ),
    ).toEqual([
      'Name/0',
      'Status/0',
      'Roles/0',
      'Age/0',
      'Version/0',
      'Internal-IP/1',
      'External-IP/1',
      'OS-Image/1',
      'Kernel-Version/1',
      'Container-Runtime/1',
    ]);
    expect(body.columnDefinitions[0]).toEqual({
      name: 'Name',
      type: 'string',
      format: 'name',
      description: expect.stringMatching(/^Name must be unique/),
      priority: 0,
    });
    expect(body.rows).toHaveLength(2);
    expect(body.rows[0]).toEqual({
      cells: [
        'worker-000',
        'Ready',
        '<none>',
        expect.stringMatching(/^\d+[smhdy]/),
        'v1.31.2-eks-94953ac',
        '10.1.0.1',
        '<none>',
        'Amazon Linux 2023.6.20241031',
        '6.1.112-124.190.amzn2023.x86_64',
        'containerd://1.7.22',
      ],
      object: null,
    });
  });

  it('includes PartialObjectMetadata by default, and the object with includeObject=Object', async () => {
    const api = await server();
    const metadata = await get(api, '/api/v1/nodes', TABLE);
    expect(metadata.body.rows[0].object).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: expect.objectContaining({ name: 'worker-000' }),
    });
    expect(metadata.body.rows[0].object.metadata.labels).toMatchObject({
      'kubernetes.io/os': 'linux',
    });
    const whole = await get(api, '/api/v1/nodes?includeObject=Object', TABLE);
    expect(whole.body.rows[0].object).toMatchObject({
      kind: 'Node',
      apiVersion: 'v1',
      status: { images: expect.any(Array) },
    });
    const bad = await get(api, '/api/v1/nodes?includeObject=Some', TABLE);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('unrecognized includeObject value: "Some"');
  });

  it('prints other kinds with the default columns, single objects too', async () => {
    const api = await server();
    const { body } = await get(
      api,
      '/api/v1/namespaces?includeObject=None',
      TABLE,
    );
    expect(body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(
      ['Name', 'Created At'],
    );
    expect(body.columnDefinitions[1].type).toBe('date');
    expect(body.rows[0].cells).toEqual(['default', '2026-01-01T00:00:00Z']);
    const one = await get(api, '/api/v1/nodes/worker-001', TABLE);
    expect(one.body.kind).toBe('Table');
    expect(one.body.rows.map((r: { cells: unknown[] }) => r.cells[0])).toEqual([
      'worker-001',
    ]);
  });

  it('answers a server that knows no Tables with the list, or 406 when only a Table is acceptable', async () => {
    const api = await server('ignored');
    const fallback = await get(api, '/api/v1/nodes', TABLE_OR_JSON);
    expect(fallback.body.kind).toBe('NodeList');
    expect(fallback.body.items).toHaveLength(3);
    const refused = await get(api, '/api/v1/nodes', TABLE);
    expect(refused.status).toBe(406);
    expect(refused.body).toMatchObject({
      kind: 'Status',
      reason: 'NotAcceptable',
    });
    const proxy = await server('refused');
    expect((await get(proxy, '/api/v1/nodes', TABLE_OR_JSON)).status).toBe(406);
    expect((await get(proxy, '/api/v1/nodes', 'application/json')).status).toBe(
      200,
    );
  });
});
