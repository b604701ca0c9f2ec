import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UPSTREAM } from '../__testUtils__/fixtures';
import { SnapshotError, loadSnapshotFile, parseSnapshot } from './loadSnapshot';

const dir = mkdtempSync(join(tmpdir(), 'snapshots-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function problem(path: string): Promise<string> {
  try {
    await loadSnapshotFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).file).toBe(path);
    return (error as Error).message;
  }
  throw new Error('expected a SnapshotError');
}

describe('loadSnapshotFile', () => {
  it('reads kubectl get -o yaml output (nri-kubernetes nodes)', async () => {
    const snapshot = await loadSnapshotFile(
      resolve(UPSTREAM, 'nodes/nri-kubernetes-1_35-nodes.yaml'),
    );
    expect(snapshot.items.map(i => `${i.kind} ${i.metadata.name}`)).toEqual([
      'Node datagen-1-35',
    ]);
    expect(snapshot.capturedAt).toBeUndefined();
  });

  it('reads a typed list (NodeList) whose items carry no kind', async () => {
    const snapshot = await loadSnapshotFile(
      resolve(UPSTREAM, 'nodes/nodes.json'),
    );
    expect(snapshot.items.map(i => [i.apiVersion, i.kind])).toEqual([
      ['v1', 'Node'],
      ['v1', 'Node'],
    ]);
  });

  it('reads the captured-at annotation', () => {
    const text = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      metadata: {
        annotations: {
          'network-scorecard.io/captured-at': '2026-11-24T08:12:40Z',
        },
      },
      items: [],
    });
    expect(parseSnapshot(text, 'x.json').capturedAt).toBe(
      '2026-11-24T08:12:40.000Z',
    );
  });

  it('says on which line and column JSON goes wrong, where Node does not', () => {
    const problemOf = (text: string) => {
      try {
        parseSnapshot(text, 'dump.json');
      } catch (error) {
        return (error as Error).message;
      }
      return 'no problem';
    };
    // a dump cut off while it was copied
    expect(
      problemOf('{\n  "kind": "List",\n  "items": [\n    {"kind": "No'),
    ).toBe(
      'dump.json: is not valid JSON (line 4, column 17): Unterminated string',
    );
    // hand-edited: a trailing comma, a missing comma, a misspelt literal
    expect(problemOf('{\n  "kind": "List",\n  "items": [],\n}\n')).toBe(
      'dump.json: is not valid JSON (line 4, column 1): Expected double-quoted property name',
    );
    expect(problemOf('{\n  "kind": "List"\n  "items": []\n}')).toBe(
      "dump.json: is not valid JSON (line 3, column 3): Expected ',' or '}' after property value",
    );
    expect(problemOf('{"kind": "List", "items": [tru]}')).toBe(
      "dump.json: is not valid JSON (line 1, column 31): Unexpected token ']'",
    );
    expect(problemOf('{"kind": "List", "items": []} {}')).toBe(
      'dump.json: is not valid JSON (line 1, column 31): Unexpected non-whitespace character after JSON',
    );
    // PowerShell's Out-File starts with a byte-order mark
    expect(
      parseSnapshot('\ufeff{"kind": "List", "items": []}', 'dump.json').items,
    ).toEqual([]);
  });

  it('names the file and what is wrong', async () => {
    const missing = join(dir, 'missing.json');
    expect(await problem(missing)).toBe(`${missing}: not found`);
    const badJson = file(
      'bad.json',
      '{\n  "kind": "List",\n  "items": [\n    }\n',
    );
    expect(await problem(badJson)).toBe(
      `${badJson}: is not valid JSON (line 4, column 5): Unexpected token '}'`,
    );
    const badYaml = file(
      'bad.yaml',
      'kind: List\nitems:\n  - a: [1, 2\n  - b: 3\n',
    );
    expect(await problem(badYaml)).toMatch(
      new RegExp(
        `^${badYaml}: is not valid JSON or YAML \\(line 4, column 3\\): `,
      ),
    );
    const deployment = file(
      'd.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n',
    );
    expect(await problem(deployment)).toBe(
      `${deployment}: is not a Kubernetes List (kind Deployment, no items); expected the output of kubectl get <kinds> -A -o json`,
    );
    const manifests = file(
      'm.yaml',
      'kind: List\nitems: []\n---\nkind: List\nitems: []\n',
    );
    expect(await problem(manifests)).toBe(
      `${manifests}: has 2 YAML documents; expected one List (kubectl get <kinds> -A -o yaml)`,
    );
    const noKind = file(
      'k.json',
      JSON.stringify({
        kind: 'List',
        items: [
          { apiVersion: 'v1', kind: 'Node', metadata: { name: 'a' } },
          { apiVersion: 'v1', metadata: { name: 'b' } },
        ],
      }),
    );
    expect(await problem(noKind)).toBe(`${noKind}: item 1 has no kind`);
    const noName = file(
      'n.json',
      JSON.stringify({
        kind: 'List',
        items: [{ apiVersion: 'v1', kind: 'Node', metadata: {} }],
      }),
    );
    expect(await problem(noName)).toBe(
      `${noName}: item 0 (Node) has no metadata.name`,
    );
    expect(await problem(file('e.json', '  \n'))).toMatch(/: is empty$/);
    expect(await problem(dir)).toBe(`${dir}: is a directory, not a file`);
    const badDate = file(
      't.json',
      JSON.stringify({
        kind: 'List',
        metadata: {
          annotations: { 'network-scorecard.io/captured-at': 'yesterday' },
        },
        items: [],
      }),
    );
    expect(await problem(badDate)).toBe(
      `${badDate}: annotation network-scorecard.io/captured-at is not an ISO 8601 timestamp`,
    );
  });
});
