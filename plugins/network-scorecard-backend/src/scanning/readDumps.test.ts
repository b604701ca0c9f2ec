import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { stringify } from 'yaml';
import { readDumps } from './readDumps';

// Real dump content: the objects of the demo's dev-sandbox (Flannel, kube-proxy in iptables mode).
const devSandbox = JSON.parse(
  readFileSync(
    resolve(__dirname, '../../../../examples/clusters/dev-sandbox.json'),
    'utf8',
  ),
) as { items: { kind: string; metadata: { name: string } }[] };
const CAPTURED_AT = 'network-scorecard.io/captured-at';

/** A List as kubectl prints it, of dev-sandbox's objects, optionally without its Nodes. */
function dump(capturedAt?: string, options: { withoutNodes?: boolean } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'List',
    metadata: capturedAt ? { annotations: { [CAPTURED_AT]: capturedAt } } : {},
    items: devSandbox.items.filter(
      i => !(options.withoutNodes && i.kind === 'Node'),
    ),
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'read-dumps-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(
    path,
    typeof content === 'string' ? content : JSON.stringify(content, null, 2),
  );
  return path;
}

describe('readDumps', () => {
  it('reads several dumps of one cluster, oldest captured-at first, whatever the order of the files', async () => {
    const october = write('2026-10.json', dump('2026-10-20T09:00:00Z'));
    const june = write(
      'june.yaml',
      stringify(dump('2026-06-23T09:00:00+02:00', { withoutNodes: true })),
    );
    const november = write('2026-11.json', dump('2026-11-21T11:30:00Z'));

    const { dumps, problems } = await readDumps([october, november, june]);

    expect(problems).toEqual([]);
    expect(dumps.map(d => d.capturedAt)).toEqual([
      '2026-06-23T07:00:00.000Z',
      '2026-10-20T09:00:00.000Z',
      '2026-11-21T11:30:00.000Z',
    ]);
    // the facts are those of each file: June's dump has no Nodes
    expect(dumps.map(d => d.facts.nodes?.value?.total ?? null)).toEqual([
      0, 2, 2,
    ]);
    for (const d of dumps) {
      expect(d.facts.cni?.value).toBe('flannel');
      expect(d.facts.kubeProxy?.value).toMatchObject({ mode: 'iptables' });
    }
  });

  it('dates a dump without captured-at by its file, the same at every read', async () => {
    const undated = write('undated.json', dump());
    utimesSync(
      undated,
      new Date('2026-09-01T08:00:00Z'),
      new Date('2026-09-01T08:00:00Z'),
    );
    const dated = write('dated.json', dump('2026-08-01T00:00:00Z'));

    const first = await readDumps([undated, dated]);
    const again = await readDumps([undated, dated]);

    expect(first.dumps.map(d => d.capturedAt)).toEqual([
      '2026-08-01T00:00:00.000Z',
      '2026-09-01T08:00:00.000Z',
    ]);
    expect(again.dumps.map(d => d.capturedAt)).toEqual(
      first.dumps.map(d => d.capturedAt),
    );
  });

  it('names each file it cannot use, with the line and column of a syntax error, and still reads the others', async () => {
    const good = write('2026-11.json', dump('2026-11-21T11:30:00Z'));
    // a dump cut off while it was copied
    const full = JSON.stringify(dump('2026-10-20T09:00:00Z'), null, 2);
    const cut = write(
      '2026-10.json',
      full.slice(0, full.indexOf('"Node"') + 3),
    );
    const cutLine = full.slice(0, full.indexOf('"Node"')).split('\n').length;
    const cutColumn =
      full.indexOf('"Node"') +
      3 -
      full.lastIndexOf('\n', full.indexOf('"Node"'));
    // a hand-edited YAML dump with a broken flow sequence
    const yaml = write(
      '2026-09.yaml',
      'apiVersion: v1\nkind: List\nitems:\n  - kind: Node\n    metadata: {name: [dev-sandbox-1}\n',
    );
    const deployment = write(
      '2026-08.yaml',
      stringify(devSandbox.items.find(i => i.kind === 'Deployment')),
    );
    const missing = join(dir, 'gone.json');

    const { dumps, problems } = await readDumps([
      cut,
      yaml,
      good,
      deployment,
      missing,
    ]);

    expect(dumps.map(d => d.capturedAt)).toEqual(['2026-11-21T11:30:00.000Z']);
    expect(problems).toEqual([
      `${cut}: is not valid JSON (line ${cutLine}, column ${cutColumn}): Unterminated string`,
      expect.stringMatching(
        new RegExp(
          `^${yaml}: is not valid JSON or YAML \\(line 5, column \\d+\\): `,
        ),
      ),
      `${deployment}: is not a Kubernetes List (kind Deployment, no items); expected the output of kubectl get <kinds> -A -o json`,
      `${missing}: not found`,
    ]);
  });

  it('reads the dumps of a folder, and names a folder that is missing or holds none', async () => {
    const folder = join(dir, 'prod-us-1');
    write('prod-us-1/2026-07-21.json', dump('2026-07-21T10:00:00Z'));
    write('prod-us-1/2026-06-23.yml', stringify(dump('2026-06-23T10:00:00Z')));
    write('prod-us-1/README.md', '# not a dump');
    mkdirSync(join(dir, 'empty'));
    const gone = join(dir, 'no-such-folder');

    const { dumps, problems } = await readDumps([
      folder,
      join(dir, 'empty'),
      gone,
    ]);

    expect(dumps.map(d => d.capturedAt)).toEqual([
      '2026-06-23T10:00:00.000Z',
      '2026-07-21T10:00:00.000Z',
    ]);
    expect(problems).toEqual([
      `${join(
        dir,
        'empty',
      )}: a folder with no dump in it (no .json, .yaml, .yml file)`,
      `${gone}: not found`,
    ]);
  });

  it('reads a dump named twice (a folder and one of its files) once', async () => {
    const file = write('dumps/a.json', dump('2026-07-21T10:00:00Z'));
    const { dumps, problems } = await readDumps([join(dir, 'dumps'), file]);
    expect(problems).toEqual([]);
    expect(dumps).toHaveLength(1);
  });

  it('reads the demo history of prod-us-1 up to its current dump', async () => {
    const examples = resolve(__dirname, '../../../../examples/clusters');
    const { dumps, problems } = await readDumps([
      join(examples, 'history/prod-us-1'),
      join(examples, 'prod-us-1.json'),
    ]);
    expect(problems).toEqual([]);
    expect(dumps.length).toBeGreaterThan(1);
    // the newest point is the current dump
    expect(dumps[dumps.length - 1].capturedAt).toBe('2026-11-24T19:02:33.000Z');
    const times = dumps.map(d => d.capturedAt);
    expect([...times].sort()).toEqual(times);
  });
});
