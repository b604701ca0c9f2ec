import { ResourceType, ServedGroups } from './types';

/** A resource type that may be served by one of several groups or versions. */
export interface ResourceSpec {
  kind: string;
  plural: string;
  namespaced: boolean;
  /** candidate groups, each with versions in order of preference */
  served: { group: string; versions: string[] }[];
}

function spec(
  kind: string,
  plural: string,
  namespaced: boolean,
  ...served: [string, string[]][]
): ResourceSpec {
  return {
    kind,
    plural,
    namespaced,
    served: served.map(([group, versions]) => ({ group, versions })),
  };
}

const CALICO: [string, string[]][] = [
  ['crd.projectcalico.org', ['v1']],
  ['projectcalico.org', ['v3']],
];

/** Every resource type the collector reads. */
export const RESOURCES = {
  Node: spec('Node', 'nodes', false, ['', ['v1']]),
  Namespace: spec('Namespace', 'namespaces', false, ['', ['v1']]),
  Service: spec('Service', 'services', true, ['', ['v1']]),
  ConfigMap: spec('ConfigMap', 'configmaps', true, ['', ['v1']]),
  DaemonSet: spec('DaemonSet', 'daemonsets', true, ['apps', ['v1']]),
  Deployment: spec('Deployment', 'deployments', true, ['apps', ['v1']]),
  MutatingWebhookConfiguration: spec(
    'MutatingWebhookConfiguration',
    'mutatingwebhookconfigurations',
    false,
    ['admissionregistration.k8s.io', ['v1']],
  ),
  NetworkPolicy: spec('NetworkPolicy', 'networkpolicies', true, [
    'networking.k8s.io',
    ['v1'],
  ]),
  CiliumNetworkPolicy: spec(
    'CiliumNetworkPolicy',
    'ciliumnetworkpolicies',
    true,
    ['cilium.io', ['v2']],
  ),
  CiliumClusterwideNetworkPolicy: spec(
    'CiliumClusterwideNetworkPolicy',
    'ciliumclusterwidenetworkpolicies',
    false,
    ['cilium.io', ['v2']],
  ),
  CiliumBGPPeeringPolicy: spec(
    'CiliumBGPPeeringPolicy',
    'ciliumbgppeeringpolicies',
    false,
    ['cilium.io', ['v2alpha1']],
  ),
  CiliumBGPClusterConfig: spec(
    'CiliumBGPClusterConfig',
    'ciliumbgpclusterconfigs',
    false,
    ['cilium.io', ['v2', 'v2alpha1']],
  ),
  FelixConfiguration: spec(
    'FelixConfiguration',
    'felixconfigurations',
    false,
    ...CALICO,
  ),
  BGPPeer: spec('BGPPeer', 'bgppeers', false, ...CALICO),
  BGPConfiguration: spec(
    'BGPConfiguration',
    'bgpconfigurations',
    false,
    ...CALICO,
  ),
  GlobalNetworkPolicy: spec(
    'GlobalNetworkPolicy',
    'globalnetworkpolicies',
    false,
    ...CALICO,
  ),
  CalicoNetworkPolicy: spec(
    'NetworkPolicy',
    'networkpolicies',
    true,
    ...CALICO,
  ),
  Tier: spec('Tier', 'tiers', false, ...CALICO),
  StagedNetworkPolicy: spec(
    'StagedNetworkPolicy',
    'stagednetworkpolicies',
    true,
    ...CALICO,
  ),
  StagedGlobalNetworkPolicy: spec(
    'StagedGlobalNetworkPolicy',
    'stagedglobalnetworkpolicies',
    false,
    ...CALICO,
  ),
  StagedKubernetesNetworkPolicy: spec(
    'StagedKubernetesNetworkPolicy',
    'stagedkubernetesnetworkpolicies',
    true,
    ...CALICO,
  ),
  AdminNetworkPolicy: spec(
    'AdminNetworkPolicy',
    'adminnetworkpolicies',
    false,
    ['policy.networking.k8s.io', ['v1alpha1']],
  ),
  BaselineAdminNetworkPolicy: spec(
    'BaselineAdminNetworkPolicy',
    'baselineadminnetworkpolicies',
    false,
    ['policy.networking.k8s.io', ['v1alpha1']],
  ),
  ClusterNetworkPolicy: spec(
    'ClusterNetworkPolicy',
    'clusternetworkpolicies',
    false,
    ['policy.networking.k8s.io', ['v1alpha2']],
  ),
  Installation: spec('Installation', 'installations', false, [
    'operator.tigera.io',
    ['v1'],
  ]),
  PeerAuthentication: spec('PeerAuthentication', 'peerauthentications', true, [
    'security.istio.io',
    ['v1', 'v1beta1'],
  ]),
  Telemetry: spec('Telemetry', 'telemetries', true, [
    'telemetry.istio.io',
    ['v1', 'v1alpha1'],
  ]),
  Gateway: spec('Gateway', 'gateways', true, [
    'gateway.networking.k8s.io',
    ['v1', 'v1beta1'],
  ]),
  OpenTelemetryCollector: spec(
    'OpenTelemetryCollector',
    'opentelemetrycollectors',
    true,
    ['opentelemetry.io', ['v1beta1', 'v1alpha1']],
  ),
} as const;

/** Built-in groups every API server serves, so discovery is not needed to use them. @public */
export const BUILT_IN_GROUPS: ServedGroups = {
  '': ['v1'],
  apps: ['v1'],
  'networking.k8s.io': ['v1'],
  'apiextensions.k8s.io': ['v1'],
  'rbac.authorization.k8s.io': ['v1'],
  batch: ['v1'],
  policy: ['v1'],
  'discovery.k8s.io': ['v1'],
  'admissionregistration.k8s.io': ['v1'],
};

/** The type as served by a built-in group (first candidate). */
export function builtIn(resource: ResourceSpec): ResourceType {
  const { group, versions } = resource.served[0];
  return {
    kind: resource.kind,
    group,
    version: versions[0],
    plural: resource.plural,
    namespaced: resource.namespaced,
  };
}

/**
 * The served type for a resource, or undefined when discovery says none of its
 * groups/versions exists (a known absence, not an unknown).
 */
export function resolve(
  resource: ResourceSpec,
  groups: ServedGroups,
): ResourceType | undefined {
  for (const { group, versions } of resource.served) {
    const served = groups[group];
    if (!served) continue;
    const version = versions.find(v => served.includes(v));
    if (version) {
      return {
        kind: resource.kind,
        group,
        version,
        plural: resource.plural,
        namespaced: resource.namespaced,
      };
    }
  }
  return undefined;
}

/** "apps/v1" -> "apps", "v1" -> "" */
export function groupOf(apiVersion: string | undefined): string {
  if (!apiVersion || !apiVersion.includes('/')) return '';
  return apiVersion.slice(0, apiVersion.indexOf('/'));
}

/** "apps/v1" -> "v1", "v1" -> "v1" */
export function versionOf(apiVersion: string | undefined): string {
  if (!apiVersion) return 'v1';
  return apiVersion.includes('/')
    ? apiVersion.slice(apiVersion.indexOf('/') + 1)
    : apiVersion;
}

export function apiVersionOf(type: { group: string; version: string }): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** "DaemonSets", "NetworkPolicies", "Gateways" for messages */
export function pluralKind(kind: string): string {
  if (/[^aeiou]y$/.test(kind)) return `${kind.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(kind)) return `${kind}es`;
  return `${kind}s`;
}

/**
 * Kubernetes version priority: GA before beta before alpha, higher numbers
 * first (v2 > v1 > v2beta1 > v1beta1 > v2alpha1); anything else last.
 */
export function compareKubeVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [3, 0, 0];
    const stage = { alpha: 2, beta: 1 }[m[2] as 'alpha' | 'beta'] ?? 0;
    return [stage, -Number(m[1]), -Number(m[3] ?? 0)];
  };
  const [x, y] = [rank(a), rank(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return a.localeCompare(b);
}
