/**
 * Fact types: what the collector observed about one cluster (DESIGN.md §5).
 * A fact whose `value` is `null` is unknown; `reason` then says why.
 */

/** @public */
export type CniName = 'cilium' | 'calico' | 'flannel' | 'other' | 'none';

/** @public */
export type CalicoDataplane = 'iptables' | 'bpf' | 'nftables' | 'vpp';

/** @public */
export type KubeProxyMode = 'iptables' | 'ipvs' | 'nftables';

/** @public */
export interface KubeProxyFact {
  /** a kube-proxy DaemonSet is scheduled on at least one node */
  present: boolean;
  mode: KubeProxyMode | null;
  replacedBy: 'cilium' | 'calico-bpf' | null;
}

/** @public */
export interface NodesFact {
  total: number;
  linux: number;
  windows: number;
  /** lowest Linux kernel version seen, e.g. "5.4.0-1045-aws"; null when there is no Linux node */
  minKernel: string | null;
  /** Linux nodes whose kernel is older than 5.10 */
  belowKernel510: number;
}

/** @public */
export interface BgpFact {
  calicoBgp: boolean;
  peers: number;
  ciliumBgpControlPlane: boolean;
}

/** @public */
export type MeshName =
  | 'none'
  | 'istio-sidecar'
  | 'istio-ambient'
  | 'cilium'
  | 'linkerd';

/** @public */
export interface MeshDetailsFact {
  version: string | null;
  ambientNamespaces: string[];
  injectedNamespaces: string[];
  waypoints: number;
  strictMtls: boolean;
  ciliumMutualAuth: boolean;
}

/** @public */
export type EncryptionName = 'wireguard' | 'ipsec' | 'none';

/** @public */
export interface HubbleFact {
  enabled: boolean;
  relay: boolean;
  ui: boolean;
  /** metric families exported, e.g. ["dns", "drop", "tcp", "flow", "http"] */
  metrics: string[];
}

/** @public */
export type L7Visibility = 'none' | 'targeted' | 'global';

/** @public */
export interface TracingFact {
  otelCollector: boolean;
  meshTracingGlobal: boolean;
}

/** @public */
export interface PoliciesFact {
  networkPolicies: number;
  ciliumPolicies: number;
  ciliumClusterwide: number;
  calicoGlobal: number;
  l7Rules: number;
  dnsRules: number;
}

/** @public */
export type DashboardId =
  | 'serviceMap'
  | 'errorRates'
  | 'latency'
  | 'policyDenials';

/** @public */
export const DASHBOARD_IDS: readonly DashboardId[] = [
  'serviceMap',
  'errorRates',
  'latency',
  'policyDenials',
];

/** The value type of every fact id of DESIGN.md §5. @public */
export interface FactValues {
  cni: CniName;
  'cni.all': CniName[];
  'cni.version': string;
  'calico.dataplane': CalicoDataplane;
  kubeProxy: KubeProxyFact;
  nodes: NodesFact;
  bgp: BgpFact;
  mesh: MeshName;
  'mesh.all': MeshName[];
  'mesh.details': MeshDetailsFact;
  encryption: EncryptionName;
  hubble: HubbleFact;
  l7Visibility: L7Visibility;
  tracing: TracingFact;
  policies: PoliciesFact;
  services: number;
  dashboards: DashboardId[];
}

/** @public */
export type FactId = keyof FactValues;

/** @public */
export const FACT_IDS: readonly FactId[] = [
  'cni',
  'cni.all',
  'cni.version',
  'calico.dataplane',
  'kubeProxy',
  'nodes',
  'bgp',
  'mesh',
  'mesh.all',
  'mesh.details',
  'encryption',
  'hubble',
  'l7Visibility',
  'tracing',
  'policies',
  'services',
  'dashboards',
];

/** One observation. `value: null` means unknown and `reason` says why. @public */
export interface Fact<T> {
  value: T | null;
  /** object and field the value was read from, e.g. "ConfigMap kube-system/cilium-config: kube-proxy-replacement=true" */
  evidence: string[];
  reason?: string;
}

/**
 * Every fact of one cluster. A fact id that is missing is treated exactly like
 * `value: null` (unknown).
 * @public
 */
export type ClusterFacts = { [K in FactId]?: Fact<FactValues[K]> };
