import { ClusterFacts, Fact } from '@network-scorecard/common';

function seen<T>(value: T, ...evidence: string[]): Fact<T> {
  return { value, evidence };
}

function unreadable<T>(reason: string): Fact<T> {
  return { value: null, evidence: [], reason };
}

const noMesh: ClusterFacts = {
  mesh: seen(
    'none',
    'no istiod, ztunnel or linkerd-destination Deployment found',
  ),
  'mesh.all': seen(
    [],
    'no istiod, ztunnel or linkerd-destination Deployment found',
  ),
  'mesh.details': seen({
    version: null,
    ambientNamespaces: [],
    injectedNamespaces: [],
    waypoints: 0,
    strictMtls: false,
    ciliumMutualAuth: false,
  }),
};

/** Cilium 1.16 in production: kube-proxy replaced, WireGuard, Hubble with relay, UI and cluster-wide HTTP metrics. */
export const ciliumProductionFacts: ClusterFacts = {
  ...noMesh,
  cni: seen(
    'cilium',
    'DaemonSet kube-system/cilium: image quay.io/cilium/cilium:v1.16.10',
  ),
  'cni.all': seen(['cilium'], 'DaemonSet kube-system/cilium'),
  'cni.version': seen(
    '1.16.10',
    'DaemonSet kube-system/cilium: image tag v1.16.10',
  ),
  kubeProxy: seen(
    { present: false, mode: null, replacedBy: 'cilium' },
    'ConfigMap kube-system/cilium-config: kube-proxy-replacement=true',
    'DaemonSet kube-system/kube-proxy: not found',
  ),
  nodes: seen(
    {
      total: 18,
      linux: 18,
      windows: 0,
      minKernel: '6.1.0-28-cloud-amd64',
      belowKernel510: 0,
    },
    '18 Nodes: status.nodeInfo.operatingSystem=linux',
    'Node prod-eu-1-pool-a-7f9c2: status.nodeInfo.kernelVersion=6.1.0-28-cloud-amd64',
  ),
  bgp: seen(
    { calicoBgp: false, peers: 0, ciliumBgpControlPlane: false },
    'ConfigMap kube-system/cilium-config: enable-bgp-control-plane=false',
  ),
  encryption: seen(
    'wireguard',
    'ConfigMap kube-system/cilium-config: enable-wireguard=true',
  ),
  hubble: seen(
    {
      enabled: true,
      relay: true,
      ui: true,
      metrics: ['dns', 'drop', 'tcp', 'flow', 'http'],
    },
    'ConfigMap kube-system/cilium-config: enable-hubble=true',
    'Deployment kube-system/hubble-relay: 1/1 ready',
    'Deployment kube-system/hubble-ui: 1/1 ready',
    'ConfigMap kube-system/cilium-config: hubble-metrics=dns drop tcp flow http',
  ),
  l7Visibility: seen(
    'global',
    'ConfigMap kube-system/cilium-config: hubble-metrics has http without a namespace or workload filter',
  ),
  tracing: seen(
    { otelCollector: true, meshTracingGlobal: false },
    'OpenTelemetryCollector observability/otel: mode=deployment',
  ),
  policies: seen(
    {
      networkPolicies: 12,
      ciliumPolicies: 48,
      ciliumClusterwide: 3,
      calicoGlobal: 0,
      l7Rules: 6,
      dnsRules: 9,
    },
    'CiliumNetworkPolicy: 48 in 17 namespaces',
    'CiliumClusterwideNetworkPolicy: 3',
  ),
  services: seen(412, 'Services: 412 (list metadata, limit=1)'),
  dashboards: seen(
    ['serviceMap', 'errorRates'],
    'catalog: network-scorecard.io/grafana-url',
  ),
};

/** Cilium in production where three nodes of an older pool still boot a 5.4 kernel. */
export const ciliumOldKernelFacts: ClusterFacts = {
  ...ciliumProductionFacts,
  nodes: seen(
    {
      total: 20,
      linux: 20,
      windows: 0,
      minKernel: '5.4.0-1103-aws',
      belowKernel510: 3,
    },
    '20 Nodes: status.nodeInfo.operatingSystem=linux',
    'Node ip-10-40-3-17.ec2.internal: status.nodeInfo.kernelVersion=5.4.0-1103-aws',
  ),
  l7Visibility: seen(
    'targeted',
    'CiliumNetworkPolicy checkout/checkout-l7: rules.http',
  ),
  hubble: seen(
    { enabled: true, relay: true, ui: true, metrics: ['dns', 'drop', 'flow'] },
    'ConfigMap kube-system/cilium-config: enable-hubble=true',
    'Deployment kube-system/hubble-ui: 1/1 ready',
  ),
};

/** A Flannel development cluster, as kubeadm tutorials set it up. */
export const flannelDevFacts: ClusterFacts = {
  ...noMesh,
  cni: seen(
    'flannel',
    'DaemonSet kube-flannel/kube-flannel-ds: image docker.io/flannel/flannel:v0.26.1',
  ),
  'cni.all': seen(['flannel'], 'DaemonSet kube-flannel/kube-flannel-ds'),
  'cni.version': seen(
    '0.26.1',
    'DaemonSet kube-flannel/kube-flannel-ds: image tag v0.26.1',
  ),
  kubeProxy: seen(
    { present: true, mode: 'iptables', replacedBy: null },
    'DaemonSet kube-system/kube-proxy: 3/3 ready',
    'ConfigMap kube-system/kube-proxy: mode=""',
  ),
  nodes: seen(
    {
      total: 3,
      linux: 3,
      windows: 0,
      minKernel: '5.15.0-119-generic',
      belowKernel510: 0,
    },
    '3 Nodes: status.nodeInfo.operatingSystem=linux',
  ),
  bgp: seen({ calicoBgp: false, peers: 0, ciliumBgpControlPlane: false }),
  encryption: seen('none', 'no WireGuard or IPsec configuration found'),
  hubble: seen(
    { enabled: false, relay: false, ui: false, metrics: [] },
    'no Cilium: no Hubble',
  ),
  l7Visibility: seen('none'),
  tracing: seen({ otelCollector: false, meshTracingGlobal: false }),
  policies: seen(
    {
      networkPolicies: 0,
      ciliumPolicies: 0,
      ciliumClusterwide: 0,
      calicoGlobal: 0,
      l7Rules: 0,
      dnsRules: 0,
    },
    'NetworkPolicy: none',
  ),
  services: seen(23, 'Services: 23 (list metadata, limit=1)'),
  dashboards: seen([]),
};

/** Calico staging cluster where the scanner may not list Nodes. */
export const calicoNodesForbiddenFacts: ClusterFacts = {
  ...noMesh,
  cni: seen(
    'calico',
    'DaemonSet calico-system/calico-node: image docker.io/calico/node:v3.29.1',
  ),
  'cni.all': seen(['calico'], 'DaemonSet calico-system/calico-node'),
  'cni.version': seen(
    '3.29.1',
    'DaemonSet calico-system/calico-node: image tag v3.29.1',
  ),
  'calico.dataplane': seen(
    'iptables',
    'Installation default: spec.calicoNetwork.linuxDataplane=Iptables',
  ),
  kubeProxy: seen(
    { present: true, mode: 'iptables', replacedBy: null },
    'DaemonSet kube-system/kube-proxy: 6/6 ready',
  ),
  nodes: unreadable(
    'forbidden: nodes is forbidden: User "system:serviceaccount:network-scorecard:scanner" cannot list resource "nodes"',
  ),
  bgp: seen(
    { calicoBgp: true, peers: 0, ciliumBgpControlPlane: false },
    'BGPConfiguration default: nodeToNodeMeshEnabled=true',
  ),
  encryption: seen(
    'none',
    'FelixConfiguration default: wireguardEnabled unset',
  ),
  hubble: seen(
    { enabled: false, relay: false, ui: false, metrics: [] },
    'no Cilium: no Hubble',
  ),
  l7Visibility: seen('none'),
  tracing: seen({ otelCollector: false, meshTracingGlobal: false }),
  policies: seen(
    {
      networkPolicies: 31,
      ciliumPolicies: 0,
      ciliumClusterwide: 0,
      calicoGlobal: 2,
      l7Rules: 0,
      dnsRules: 0,
    },
    'NetworkPolicy: 31 in 9 namespaces',
    'GlobalNetworkPolicy: 2',
  ),
  services: seen(96, 'Services: 96 (list metadata, limit=1)'),
  dashboards: seen([]),
};

/** Nothing readable: the API server timed out. */
export const unreachableFacts: ClusterFacts = {
  cni: unreadable('timeout: GET /apis/apps/v1/daemonsets after 10 s'),
  nodes: unreadable('timeout: GET /api/v1/nodes after 10 s'),
};
