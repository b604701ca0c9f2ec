/**
 * Reads the real upstream manifests in the repository's fixtures/upstream the way a
 * dump would hand them to the collector. Test-only.
 */
import fs from 'fs';
import path from 'path';
// Test-only helper (never imported from src/index.ts), so a devDependency is right here.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { parseAllDocuments } from 'yaml';

export const UPSTREAM = path.resolve(
  __dirname,
  '../../../../../fixtures/upstream',
);

export interface K8sObject {
  apiVersion?: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  data?: Record<string, string>;
  spec?: Record<string, unknown>;
  items?: K8sObject[];
  [key: string]: unknown;
}

const cache = new Map<string, K8sObject[]>();

/** Lists flattened; items of a typed list (NodeList) carry no kind of their own. */
function flatten(objects: K8sObject[]): K8sObject[] {
  return objects.flatMap(o => {
    if (!Array.isArray(o.items)) return [o];
    const itemKind =
      o.kind === 'List' ? undefined : o.kind.replace(/List$/, '');
    return flatten(
      o.items.map(i => ({ ...i, kind: i.kind ?? itemKind ?? 'Unknown' })),
    );
  });
}

/** Every object of a fixture file (YAML documents or a JSON List), Lists flattened. */
export function load(file: string): K8sObject[] {
  const cached = cache.get(file);
  if (cached) return cached;
  const text = fs.readFileSync(path.join(UPSTREAM, file), 'utf8');
  const raw: K8sObject[] = file.endsWith('.json')
    ? [JSON.parse(text)]
    : parseAllDocuments(text).map(d => d.toJS() as K8sObject);
  const objects = flatten(
    raw.filter(o => o && typeof o === 'object' && o.kind),
  );
  cache.set(file, objects);
  return objects;
}

export function loadJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(UPSTREAM, file), 'utf8'));
}

export function find(
  objects: K8sObject[],
  kind: string,
  name: string,
): K8sObject | undefined {
  return objects.find(o => o.kind === kind && o.metadata?.name === name);
}

export function must(
  objects: K8sObject[],
  kind: string,
  name: string,
): K8sObject {
  const found = find(objects, kind, name);
  if (!found) throw new Error(`fixture has no ${kind} ${name}`);
  return found;
}

export function ofKind(objects: K8sObject[], kind: string): K8sObject[] {
  return objects.filter(o => o.kind === kind);
}

/** "ConfigMap kube-system/cilium-config", "Namespace ambient" */
export function ref(o: K8sObject, namespace = o.metadata.namespace): string {
  return namespace
    ? `${o.kind} ${namespace}/${o.metadata.name}`
    : `${o.kind} ${o.metadata.name}`;
}

/** Walks nested fields; undefined as soon as one is missing. */
export function dig(value: unknown, ...keys: (string | number)[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

interface Container {
  name: string;
  image: string;
  env?: { name: string; value?: string }[];
  args?: string[];
}

export function containers(workload: K8sObject): Container[] {
  return (
    (dig(workload, 'spec', 'template', 'spec', 'containers') as Container[]) ??
    []
  );
}

/** The image of a workload's first (or named) container, without its digest. */
export function image(workload: K8sObject, container?: string): string {
  const all = containers(workload);
  const chosen = container ? all.find(c => c.name === container) : all[0];
  if (!chosen)
    throw new Error(`${ref(workload)} has no container ${container ?? ''}`);
  return chosen.image.split('@')[0];
}

/** "quay.io/cilium/cilium:v1.16.10" -> "1.16.10"; null for a placeholder tag */
export function versionOf(img: string): string | null {
  const tag = img.slice(img.lastIndexOf(':') + 1);
  if (tag.includes('$') || tag === img) return null;
  return tag.replace(/^v/, '');
}
