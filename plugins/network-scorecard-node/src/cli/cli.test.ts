import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { DEMO_DIR, demoClusters } from '../__testUtils__/demoClusters';
import { fixtures, object } from '../__testUtils__/fixtures';
import {
  KubeApiServer,
  createTestCertificates,
  reportSchemaValidator,
  startKubeApiServer,
} from '@internal/network-scorecard-test-utils';
import { collectFromSnapshotFile } from '../collect/collectFromSnapshot';
import { isBelow } from './score';

const BIN = resolve(__dirname, '../../bin/network-scorecard');
const reportProblems = reportSchemaValidator();

const dir = mkdtempSync(join(tmpdir(), 'cli-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

/** A Flannel development cluster on kernel 5.4, from upstream fixtures. */
const sandbox = [
  ...fixtures('flannel/kube-flannel.yml', 'nodes/nodes.json'),
  object('v1', 'Namespace', 'kube-system'),
];
const dumpJson = write(
  'sandbox.json',
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    metadata: {
      annotations: {
        'network-scorecard.io/captured-at': '2026-11-21T11:30:00Z',
      },
    },
    items: sandbox,
  }),
);
const dumpYaml = write(
  'sandbox.yaml',
  stringify({ apiVersion: 'v1', kind: 'List', items: sandbox }),
);
const entity = write(
  'catalog-info.yaml',
  stringify({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'sandbox',
      annotations: {
        'network-scorecard.io/grafana-url': 'https://grafana.example.com',
        'network-scorecard.io/grafana-dashboard-latency': 'abc',
      },
    },
    spec: {
      type: 'kubernetes-cluster',
      lifecycle: 'development',
      owner: 'team-platform',
    },
  }),
);

function run(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(done => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: resolve(__dirname, '../../../..'), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

function report(stdout: string) {
  const parsed = JSON.parse(stdout);
  expect(reportProblems(parsed)).toEqual([]);
  return parsed;
}

jest.setTimeout(60_000);

describe('network-scorecard score (child process)', () => {
  it('prints help and exits 0', async () => {
    const { code, stdout } = await run('score', '--help');
    expect(code).toBe(0);
    for (const flag of [
      '--snapshot',
      '--kubeconfig',
      '--context',
      '--cluster',
      '--entity',
      '--requirements',
      '--lifecycle',
      '--format',
      '--fail-below',
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it('scores a JSON dump with its catalog entity: a report valid against report.schema.json', async () => {
    const { code, stdout, stderr } = await run(
      'score',
      '--snapshot',
      dumpJson,
      '--entity',
      entity,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const r = report(stdout);
    expect(r).toMatchObject({
      cluster: 'sandbox',
      source: 'snapshot',
      scannedAt: '2026-11-21T11:30:00.000Z',
      // the dump has no kube-proxy DaemonSet: kube-proxy is unknown, never guessed
      status: 'partial',
    });
    expect(r.errors.map((e: { fact: string }) => e.fact)).toEqual([
      'kubeProxy',
    ]);
    expect(r.facts.cni.value).toBe('flannel');
    expect(r.facts.dashboards.value).toEqual(['latency']);
    expect(r.links).toContainEqual({
      kind: 'grafana',
      dashboard: 'latency',
      title: 'Grafana: latency',
      url: 'https://grafana.example.com/d/abc',
    });
    expect(r.facts).toEqual({
      ...(await collectFromSnapshotFile(dumpJson)).facts,
      dashboards: r.facts.dashboards,
    });
  });

  it('reads kubectl -o yaml dumps and prints a table', async () => {
    const { code, stdout } = await run(
      'score',
      '--snapshot',
      dumpYaml,
      '--format',
      'table',
      '--lifecycle',
      'production',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Cluster sandbox \(snapshot, scanned /);
    expect(stdout).toMatch(/Grade [A-F?] {2}score/);
    expect(stdout).toMatch(/^cni +"flannel"$/m);
  });

  it('exits 3 when the grade is below --fail-below', async () => {
    const { code, stdout } = await run(
      'score',
      '--snapshot',
      dumpJson,
      '--lifecycle',
      'production',
      '--fail-below',
      'A',
    );
    const grade = report(stdout).grade;
    expect(grade).not.toBe('A');
    expect(isBelow(grade, 'A')).toBe(true);
    expect(code).toBe(3);
  });

  it.each([
    [['score'], 'give exactly one of --snapshot FILE or --kubeconfig FILE'],
    [
      ['score', '--snapshot', dumpJson, '--kubeconfig', dumpJson],
      'give exactly one of --snapshot FILE or --kubeconfig FILE',
    ],
    [
      ['score', '--snapshot', join(dir, 'missing.json')],
      `--snapshot ${join(dir, 'missing.json')}: not found`,
    ],
    [
      ['score', '--snapshot', entity],
      'is not a Kubernetes List (kind Resource, no items)',
    ],
    [
      [
        'score',
        '--snapshot',
        dumpJson,
        '--requirements',
        'mtls-all-east-west,teleport',
      ],
      '--requirements: unknown requirement "teleport"',
    ],
    [
      ['score', '--snapshot', dumpJson, '--format', 'xml'],
      "option '--format <format>' argument 'xml' is invalid",
    ],
    [
      ['score', '--snapshot', dumpJson, '--fail-below', 'Z'],
      "option '--fail-below <grade>' argument 'Z' is invalid",
    ],
    [
      ['score', '--kubeconfig', join(dir, 'none.yaml')],
      `--kubeconfig ${join(dir, 'none.yaml')}: not found`,
    ],
    [
      ['score', '--snapshot', dumpJson, '--entity', join(dir, 'nope.yaml')],
      `--entity ${join(dir, 'nope.yaml')}: not found`,
    ],
    [
      ['score', '--snapshot', dumpJson, '--context', 'x'],
      '--context needs --kubeconfig',
    ],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('exits 1 on bad usage: %j', async (args, message) => {
    const { code, stderr, stdout } = await run(...args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  describe('live clusters through a kubeconfig', () => {
    let server: KubeApiServer;
    beforeAll(async () => {
      server = await startKubeApiServer({
        objects: sandbox,
        certificates: createTestCertificates(),
      });
    });
    afterAll(() => server.close());

    async function kubeconfig(port?: number) {
      const closed = createServer();
      await new Promise<void>(r => closed.listen(0, '127.0.0.1', r));
      const deadPort = (closed.address() as { port: number }).port;
      await new Promise(r => closed.close(r));
      const cluster = (name: string, url: string) => ({
        name,
        cluster: {
          server: url,
          'certificate-authority-data': server.certificates.caData,
        },
      });
      return write(
        `kubeconfig-${port ?? deadPort}.yaml`,
        stringify({
          apiVersion: 'v1',
          kind: 'Config',
          clusters: [
            cluster('sandbox', server.url),
            cluster('gone', `https://127.0.0.1:${deadPort}`),
          ],
          users: [{ name: 'scorecard', user: { token: server.token } }],
          contexts: [
            {
              name: 'sandbox',
              context: { cluster: 'sandbox', user: 'scorecard' },
            },
            { name: 'gone', context: { cluster: 'gone', user: 'scorecard' } },
          ],
          'current-context': 'gone',
        }),
      );
    }

    it('scores the live cluster of --context with the same facts as its dump', async () => {
      const { code, stdout } = await run(
        'score',
        '--kubeconfig',
        await kubeconfig(),
        '--context',
        'sandbox',
      );
      expect(code).toBe(0);
      const r = report(stdout);
      expect(r).toMatchObject({
        cluster: 'sandbox',
        source: 'kubernetes',
        status: 'partial',
      });
      const { dashboards: _d, ...facts } = r.facts;
      expect(facts).toEqual((await collectFromSnapshotFile(dumpJson)).facts);
    });

    it('exits 2 when the cluster is unreachable, still printing the report', async () => {
      const { code, stdout } = await run(
        'score',
        '--kubeconfig',
        await kubeconfig(),
        '--timeout',
        '2000',
      );
      expect(code).toBe(2);
      const r = report(stdout);
      expect(r.status).toBe('failed');
      expect(r.errors[0].reason).toMatch(/^error: connection refused/);
    });

    it('exits 1 for a context the kubeconfig does not have', async () => {
      const { code, stderr } = await run(
        'score',
        '--kubeconfig',
        await kubeconfig(),
        '--context',
        'nope',
      );
      expect(code).toBe(1);
      expect(stderr).toContain('--context nope: no such context');
    });
  });

  it('scores every demo cluster with its catalog entity into a valid report', async () => {
    const clusters = demoClusters();
    expect(clusters.length).toBeGreaterThan(0);
    const entities = resolve(DEMO_DIR, '../entities/clusters.yaml');
    const results = await Promise.all(
      clusters.map(c =>
        run('score', '--snapshot', c.file, '--entity', entities),
      ),
    );
    results.forEach((result, i) => {
      expect({
        name: clusters[i].name,
        code: result.code,
        stderr: result.stderr,
      }).toEqual({ name: clusters[i].name, code: 0, stderr: '' });
      const r = report(result.stdout);
      expect(r.cluster).toBe(clusters[i].name);
      expect(r.status).toBe('ok');
    });
  });
});
