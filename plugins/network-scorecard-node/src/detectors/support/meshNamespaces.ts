import { KubeObject } from '../../reader/types';
import { capped } from './objects';

// Namespaces that hold the platform itself (Kubernetes, CNIs, meshes, cloud
// add-ons). Their pods are not the services a team runs, so they are left out
// of "every application namespace" in both directions.
const PLATFORM = [
  /^kube-/,
  /^istio-/,
  /^aks-istio-/,
  /^linkerd(-|$)/,
  /^cilium(-|$)/,
  /^calico-/,
  /^tigera-operator$/,
  /^gke-/,
  /^gmp-/,
  /^gatekeeper-system$/,
];

export function isPlatformNamespace(name: string, extra: string[] = []) {
  return extra.includes(name) || PLATFORM.some(p => p.test(name));
}

export interface NamespaceSplit {
  application: KubeObject[];
  platform: string[];
}

/** Application namespaces (everything but the platform's), the mesh's own control-plane namespaces counted as platform. */
export function splitNamespaces(
  all: KubeObject[],
  controlPlane: string[] = [],
): NamespaceSplit {
  const application: KubeObject[] = [];
  const platform: string[] = [];
  for (const ns of all) {
    if (isPlatformNamespace(ns.metadata.name, controlPlane))
      platform.push(ns.metadata.name);
    else application.push(ns);
  }
  return { application, platform };
}

/** "Namespaces kube-system, istio-system: platform, not counted as application namespaces" */
export function platformEvidence(platform: string[]): string[] {
  if (platform.length === 0) return [];
  return [
    `Namespaces ${capped([...platform].sort(), 8).join(
      ', ',
    )}: platform namespaces, not counted as application namespaces`,
  ];
}
