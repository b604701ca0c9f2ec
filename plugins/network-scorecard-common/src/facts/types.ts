import {
  TrafficDnsFact,
  TrafficDropsFact,
  TrafficFeaturesFact,
  TrafficFlowsFact,
  TrafficL7Fact,
  TrafficLostEventsFact,
  TrafficPolicyVerdictsFact,
} from './traffic';

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
  /** Linux nodes whose kernel is older than 5.10, not counting those in `kernel510Equivalent` */
  belowKernel510: number;
  /**
   * Linux nodes on RHEL 8.10's 4.18 kernel (4.18.0-553 and later builds of
   * el8), which Cilium documents as equivalent to 5.10 (eBPF features
   * backported); numerically below 5.10, so `minKernel` may name one
   */
  kernel510Equivalent: number;
  /** Linux nodes whose kernel version is not reported or is not a version: nothing is known of their kernel */
  unreadableKernel: number;
}

/** @public */
export interface BgpFact {
  calicoBgp: boolean;
  /** peerings with routers outside the cluster (the physical fabric): Calico BGPPeers and Cilium neighbours whose address is no node's */
  peers: number;
  /** peerings inside the cluster: BGPPeers with a peerSelector (route reflectors) or whose peerIP is a node's InternalIP */
  inClusterPeers: number;
  /** Calico BGPConfiguration default spec.nodeToNodeMeshEnabled (true when absent); null when Calico does not speak BGP */
  nodeToNodeMesh: boolean | null;
  ciliumBgpControlPlane: boolean;
}

/** @public */
export type Distribution = 'gke' | 'aks' | 'eks' | 'rke2' | 'k3s';

/**
 * The CNI as a distribution or managed service ships it.
 * `gke-dataplane-v2`: GKE's Cilium-based anetd; `aks-cilium`: Azure CNI
 * powered by Cilium; `aks-azure-cni`: AKS's Azure CNI (or kubenet);
 * `eks-vpc-cni`: the AWS VPC CNI (aws-node); `rke2-*`: RKE2's CNI charts;
 * `k3s-flannel`: the Flannel built into k3s.
 * @public
 */
export type CniAddon =
  | 'gke-dataplane-v2'
  | 'aks-cilium'
  | 'aks-azure-cni'
  | 'eks-vpc-cni'
  | 'rke2-canal'
  | 'rke2-cilium'
  | 'rke2-calico'
  | 'k3s-flannel';

/** Where the cluster comes from, and who owns its CNI. @public */
export interface PlatformFact {
  /** the distribution or managed service its nodes and add-ons show; null when none is recognised */
  distribution: Distribution | null;
  /** the CNI as the platform ships it; null when the cluster's owners installed it themselves */
  cniAddon: CniAddon | null;
  /** the platform reconciles the CNI's settings: edits to its objects are reverted, changes go through the platform */
  cniManaged: boolean;
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

/** The mode of a PeerAuthentication (UNSET inherits from the level above). @public */
export type IstioMtlsMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET';

/** A PeerAuthentication below the mesh-wide one: a mode for a namespace, a workload or a port. @public */
export interface MtlsOverride {
  namespace: string;
  name: string;
  /** the workload selector, e.g. "app=a"; null for the whole namespace */
  workload: string | null;
  /** the port of a portLevelMtls entry; null for every port */
  port: number | null;
  mode: IstioMtlsMode;
}

/** A Deployment whose pod template enrols in, or leaves, the mesh against its namespace. @public */
export interface WorkloadEnrolment {
  namespace: string;
  workload: string;
  enrolled: boolean;
}

/** Istio wherever it runs: control plane, enrolment and mTLS policy. @public */
export interface IstioMeshFact {
  /** istiod's namespace, or the one its injector webhook points to when istiod runs elsewhere */
  controlPlaneNamespace: string;
  /** control-plane revisions (istio.io/rev) of istiod and of the injector webhooks */
  revisions: string[];
  /** no istiod in the cluster, only its injector webhook: the control plane is managed outside */
  managedControlPlane: boolean;
  /** ztunnel runs: namespaces can join in ambient mode */
  ztunnel: boolean;
  /** where mesh-wide policy lives (mesh config rootNamespace) */
  rootNamespace: string;
  /** the selector-less PeerAuthentication of the root namespace; PERMISSIVE (Istio's default) when none sets a mode */
  meshWideMode: 'STRICT' | 'PERMISSIVE' | 'DISABLE';
  /** application namespaces in the mesh: sidecar injection for a revision that exists, or ambient with ztunnel */
  enrolledNamespaces: string[];
  /** application namespaces outside the mesh (platform namespaces are in neither list) */
  notEnrolledNamespaces: string[];
  /** Deployments whose pod template says otherwise than their namespace */
  workloadEnrolment: WorkloadEnrolment[];
  /** every PeerAuthentication other than the mesh-wide one, one entry per mode it sets */
  overrides: MtlsOverride[];
}

/** The values of Linkerd's default inbound policy. @public */
export type LinkerdInboundPolicy =
  | 'all-unauthenticated'
  | 'all-authenticated'
  | 'cluster-unauthenticated'
  | 'cluster-authenticated'
  | 'deny'
  | 'audit';

/** Linkerd: enrolment and the inbound policy that decides whether clients must present mTLS. @public */
export interface LinkerdMeshFact {
  /** the policy controller's --default-policy (linkerd-destination) */
  defaultInboundPolicy: LinkerdInboundPolicy;
  /** application namespaces annotated linkerd.io/inject=enabled */
  enrolledNamespaces: string[];
  notEnrolledNamespaces: string[];
  /** namespaces whose config.linkerd.io/default-inbound-policy annotation replaces the default */
  policyOverrides: { namespace: string; policy: LinkerdInboundPolicy }[];
}

/** Which traffic Cilium's mutual authentication applies to: rules with authentication.mode required. @public */
export interface CiliumAuthFact {
  /** Cilium policies with at least one rule requiring authentication */
  requiringPolicies: number;
  /** namespaces where such a rule selects every endpoint */
  coveredNamespaces: string[];
  /** namespaces where such a rule selects only some endpoints */
  partialNamespaces: string[];
  /** a clusterwide policy requires it for every endpoint of every namespace */
  allNamespaces: boolean;
  /** application namespaces where no rule requires it */
  notCoveredNamespaces: string[];
}

/** @public */
export type EncryptionName = 'wireguard' | 'ipsec' | 'none';

/** One Hubble metric as the agents export it. @public */
export interface HubbleMetric {
  /** the family as Hubble names it; httpV2 is reported as "http" */
  name: string;
  /** series name the source (sourceContext, sourceEgressContext or source_* in labelsContext) */
  sourceContext: boolean;
  /** series name the destination (destinationContext, destinationIngressContext or destination_* in labelsContext) */
  destinationContext: boolean;
  /** includeFilters limit the metric to some workloads (dynamic metrics only) */
  filtered: boolean;
}

/** @public */
export interface HubbleFact {
  enabled: boolean;
  relay: boolean;
  ui: boolean;
  /** metric families exported, e.g. ["dns", "drop", "tcp", "flow", "http"] */
  metrics: string[];
  /** where the agents read the metric list: hubble-metrics, the dynamic metrics ConfigMap (Cilium 1.17+), or nowhere (metrics off) */
  metricsConfig: 'static' | 'dynamic' | 'none';
  /** every exported metric with its labels and filter */
  metricDetails: HubbleMetric[];
}

/** @public */
export type L7Visibility = 'none' | 'targeted' | 'global';

/** How far Cilium's L7 proxy reaches: which HTTP/Kafka/L7 rules select which pods. @public */
export interface L7VisibilityDetails {
  /** targeted: only named workloads; global: every pod of the cluster or of whole namespaces */
  scope: L7Visibility;
  /** policies whose HTTP/Kafka/L7 rules select every pod of the cluster or of whole namespaces */
  broadPolicies: number;
  /** policies whose HTTP/Kafka/L7 rules select named workloads */
  targetedPolicies: number;
  /** Deployments and DaemonSets whose pods ask for HTTP/Kafka visibility by annotation, on a Cilium that still honours it */
  annotatedWorkloads: number;
}

/** @public */
export interface TracingFact {
  otelCollector: boolean;
  /** the mesh traces requests of every workload */
  meshTracingGlobal: boolean;
  /** share of requests the mesh-wide tracing samples, 0-100; null without mesh-wide tracing */
  meshSamplingPercent: number | null;
}

/** Calico's own flow and metric sources. @public */
export interface CalicoObservabilityFact {
  /** Goldmane (Calico 3.30+) aggregates the flow logs of every node */
  goldmane: boolean;
  /** Whisker, the flow-log UI on top of Goldmane */
  whisker: boolean;
  /** Felix serves Prometheus metrics, denied packets among them */
  felixMetrics: boolean;
}

/**
 * A CNI setting that keeps written policies from being enforced.
 * `cilium-enable-policy-never`: enable-policy=never; `cilium-policy-audit-mode`:
 * policy-audit-mode=true (drops only logged); `cilium-k8s-networkpolicy-off`:
 * enable-k8s-networkpolicy=false (Kubernetes NetworkPolicy ignored, Cilium's
 * own kinds still enforced); `calico-drop-action-accept`: Felix
 * dropActionOverride Accept or LogAndAccept (Calico Enterprise).
 * @public
 */
export type PolicySwitch =
  | 'cilium-enable-policy-never'
  | 'cilium-policy-audit-mode'
  | 'cilium-k8s-networkpolicy-off'
  | 'calico-drop-action-accept';

/** @public */
export interface PolicyEnforcement {
  /** a switch keeps every policy from being enforced (on all or some nodes) */
  off: boolean;
  /** every switch that is set, the ones that turn off a single kind included */
  switches: PolicySwitch[];
}

/**
 * Which application namespaces (every namespace but the platform's own:
 * kube-*, the CNI's and the mesh's) an enforced policy selects. Each list
 * holds at most 50 names, sorted; `totals` has the full counts.
 * @public
 */
export interface PolicyCoverage {
  application: number;
  covered: string[];
  uncovered: string[];
  /** every pod is denied ingress unless a policy allows it */
  defaultDeny: string[];
  totals: { covered: number; uncovered: number; defaultDeny: number };
}

/** @public */
export interface PoliciesFact {
  networkPolicies: number;
  ciliumPolicies: number;
  ciliumClusterwide: number;
  calicoGlobal: number;
  /** namespaced Calico NetworkPolicy (crd.projectcalico.org/v1 or projectcalico.org/v3) */
  calicoNamespaced: number;
  /** Calico Tiers besides the ones Calico creates itself */
  calicoTiers: number;
  /** StagedNetworkPolicy, StagedGlobalNetworkPolicy, StagedKubernetesNetworkPolicy: previews, never enforced */
  calicoStaged: number;
  /** AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy (policy.networking.k8s.io) */
  adminNetworkPolicies: number;
  /** policy objects of a kind the running CNI does not enforce, or that a switch turns off (staged ones excluded) */
  unenforced: number;
  l7Rules: number;
  dnsRules: number;
  enforcement: PolicyEnforcement;
  /** null when no Namespace could be listed (a dump without them): coverage is then unknown */
  namespaces: PolicyCoverage | null;
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
  platform: PlatformFact;
  mesh: MeshName;
  'mesh.all': MeshName[];
  'mesh.details': MeshDetailsFact;
  'mesh.istio': IstioMeshFact;
  'mesh.linkerd': LinkerdMeshFact;
  'mesh.ciliumAuth': CiliumAuthFact;
  encryption: EncryptionName;
  hubble: HubbleFact;
  'l7Visibility.details': L7VisibilityDetails;
  tracing: TracingFact;
  'calico.observability': CalicoObservabilityFact;
  policies: PoliciesFact;
  services: number;
  dashboards: DashboardId[];
  'traffic.flows': TrafficFlowsFact;
  'traffic.drops': TrafficDropsFact;
  'traffic.policyVerdicts': TrafficPolicyVerdictsFact;
  'traffic.dns': TrafficDnsFact;
  'traffic.l7': TrafficL7Fact;
  'traffic.lostEvents': TrafficLostEventsFact;
  'traffic.features': TrafficFeaturesFact;
}

/** @public */
export type FactId = keyof FactValues;

/**
 * The facts read from the cluster and the catalog. The traffic facts
 * (TRAFFIC_FACT_IDS, from Prometheus) are opt-in and not among them.
 * @public
 */
export const FACT_IDS: readonly FactId[] = [
  'cni',
  'cni.all',
  'cni.version',
  'calico.dataplane',
  'kubeProxy',
  'nodes',
  'bgp',
  'platform',
  'mesh',
  'mesh.all',
  'mesh.details',
  'mesh.istio',
  'mesh.linkerd',
  'mesh.ciliumAuth',
  'encryption',
  'hubble',
  'l7Visibility.details',
  'tracing',
  'calico.observability',
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
