import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { collectFacts } from '../collect/collectFacts';
import { SnapshotReader } from '../reader/SnapshotReader';
import { KubeObject } from '../reader/types';

/** The repository's upstream fixtures (see fixtures/upstream/PROVENANCE.md). */
export const UPSTREAM = resolve(__dirname, '../../../../fixtures/upstream');

/** Every object of a fixture file: YAML documents or a JSON List, Lists flattened. */
export function fixtureObjects(path: string): KubeObject[] {
  const text = readFileSync(resolve(UPSTREAM, path), 'utf8');
  const docs = parseAllDocuments(text);
  const values = (Array.isArray(docs) ? docs : [docs])
    .map(d => d.toJS())
    .filter(Boolean);
  return values.flatMap(flatten);
}

function flatten(value: Record<string, unknown>): KubeObject[] {
  if (
    typeof value.kind === 'string' &&
    value.kind.endsWith('List') &&
    Array.isArray(value.items)
  ) {
    const itemKind =
      value.kind === 'List' ? undefined : value.kind.slice(0, -4);
    return (value.items as Record<string, unknown>[]).flatMap(item =>
      flatten({ kind: itemKind, apiVersion: value.apiVersion, ...item }),
    );
  }
  return [value as unknown as KubeObject];
}

/** Objects of several fixtures, optionally with a namespace set on those that lack one. */
export function fixtures(...paths: string[]): KubeObject[] {
  return paths.flatMap(p => fixtureObjects(p));
}

export function withNamespace(
  objects: KubeObject[],
  namespace: string,
): KubeObject[] {
  return objects.map(o =>
    o.metadata.namespace ? o : { ...o, metadata: { ...o.metadata, namespace } },
  );
}

export { object } from '@internal/network-scorecard-test-utils';

/** The facts the collector reads from these objects (as a dump). */
export async function factsOf(objects: KubeObject[]) {
  return (await collectFacts(new SnapshotReader(objects))).facts;
}

/** A copy of an object with changes merged in at the top level of metadata/spec/data. */
export function patched(
  o: KubeObject,
  change: (copy: any) => void,
): KubeObject {
  const copy = JSON.parse(JSON.stringify(o));
  change(copy);
  return copy;
}

export function find(
  objects: KubeObject[],
  kind: string,
  name: string,
): KubeObject {
  const found = objects.find(o => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`fixture has no ${kind} ${name}`);
  return found;
}
