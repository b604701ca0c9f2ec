import { KubeObject } from '../../reader/types';

/** "DaemonSet kube-system/cilium", "Node worker-1" */
export function ref(
  object: KubeObject,
  kind = object.kind ?? 'Object',
): string {
  const ns = object.metadata.namespace;
  return `${kind} ${ns ? `${ns}/` : ''}${object.metadata.name}`;
}

export function labels(object: KubeObject): Record<string, string> {
  return object.metadata.labels ?? {};
}

export function annotations(object: KubeObject): Record<string, string> {
  return object.metadata.annotations ?? {};
}

/** A nested field, or undefined: dig(o, 'spec', 'calicoNetwork', 'bgp') */
export function dig(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export interface Container {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
}

/** Containers of a workload's pod template (init containers excluded). */
export function containers(workload: KubeObject): Container[] {
  return asArray(
    dig(workload, 'spec', 'template', 'spec', 'containers'),
  ) as Container[];
}

/** The container of that name, else the first one. */
export function mainContainer(
  workload: KubeObject,
  name?: string,
): Container | undefined {
  const all = containers(workload);
  return all.find(c => c.name === name) ?? all[0];
}

export function envValue(
  container: Container | undefined,
  name: string,
): string | undefined {
  return container?.env?.find(e => e.name === name)?.value;
}

export function podNodeSelector(workload: KubeObject): Record<string, string> {
  return (
    (dig(workload, 'spec', 'template', 'spec', 'nodeSelector') as Record<
      string,
      string
    >) ?? {}
  );
}

/** "quay.io/cilium/cilium:v1.16.10@sha256:…" -> "quay.io/cilium/cilium:v1.16.10" */
export function withoutDigest(image: string): string {
  const at = image.indexOf('@');
  return at >= 0 ? image.slice(0, at) : image;
}

/** The image tag without a leading "v": "quay.io/cilium/cilium:v1.16.10@sha256:…" -> "1.16.10" */
export function imageVersion(image: string | undefined): string | null {
  if (!image) return null;
  const plain = withoutDigest(image);
  const colon = plain.lastIndexOf(':');
  if (colon < 0 || colon < plain.lastIndexOf('/')) return null;
  const tag = plain.slice(colon + 1);
  return tag.replace(/^v(?=\d)/, '') || null;
}

/** Keeps evidence lists short on large clusters. */
export function capped(lines: string[], max = 10): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max), `… and ${lines.length - max} more`];
}

export function isTrue(value: string | undefined): boolean {
  return value !== undefined && value.trim().toLowerCase() === 'true';
}
