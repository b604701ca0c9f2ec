import { KubeObject } from '../../reader/types';
import { labels } from '../support/objects';
import { Lookup } from './selectors';

/**
 * Namespaces the platform runs in (the API server's own, the CNIs', the
 * meshes'): their policies are the platform team's business, not coverage of
 * applications. Every other namespace, `default` included, is an application
 * namespace: a pod started there is as reachable as any other.
 */
export const SYSTEM_NAMESPACES: readonly string[] = [
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'calico-system',
  'calico-apiserver',
  'tigera-operator',
  'kube-flannel',
  'cilium',
  'cilium-spire',
  'cilium-secrets',
  'istio-system',
  'linkerd',
  'linkerd-cni',
  'linkerd-viz',
];

export interface AppNamespace {
  name: string;
  labels: Record<string, string>;
}

/**
 * The application namespaces, sorted; `platform` adds the namespaces a CNI
 * agent was found in (a chart may install it outside the usual ones).
 */
export function applicationNamespaces(
  all: KubeObject[],
  platform: string[],
): { apps: AppNamespace[]; left: string[] } {
  const system = new Set([...SYSTEM_NAMESPACES, ...platform]);
  const apps: AppNamespace[] = [];
  const left: string[] = [];
  for (const ns of all) {
    const name = ns.metadata.name;
    if (system.has(name)) left.push(name);
    else
      apps.push({
        name,
        // the API server sets this label on every namespace; dumps may lack it
        labels: { ...labels(ns), 'kubernetes.io/metadata.name': name },
      });
  }
  apps.sort((a, b) => a.name.localeCompare(b.name));
  return { apps, left: left.sort() };
}

/** Labels of a namespace, for selectors over namespaces: everything is known. */
export function namespaceLookup(ns: AppNamespace, extra = {}): Lookup {
  const known: Record<string, string> = { ...ns.labels, ...extra };
  return key => known[key] ?? null;
}

const CILIUM_NS_LABEL = 'io.cilium.k8s.namespace.labels.';

/**
 * What a Cilium endpointSelector can know about every pod of a namespace:
 * the namespace and its labels; any other key is a pod label (unknown).
 */
export function ciliumPodLookup(ns: AppNamespace): Lookup {
  return raw => {
    const key = raw.replace(/^(k8s|any):/, '');
    if (key === 'io.kubernetes.pod.namespace') return ns.name;
    if (key.startsWith(CILIUM_NS_LABEL))
      return ns.labels[key.slice(CILIUM_NS_LABEL.length)] ?? null;
    return undefined;
  };
}

/**
 * The same for a Calico selector on workload endpoints: Calico adds the
 * namespace (projectcalico.org/namespace), its labels (pcns.<key>) and the
 * orchestrator to every pod's labels.
 */
export function calicoPodLookup(ns: AppNamespace): Lookup {
  return key => {
    if (key === 'projectcalico.org/namespace') return ns.name;
    if (key === 'projectcalico.org/orchestrator') return 'k8s';
    if (key.startsWith('pcns.')) return ns.labels[key.slice(5)] ?? null;
    return undefined;
  };
}
