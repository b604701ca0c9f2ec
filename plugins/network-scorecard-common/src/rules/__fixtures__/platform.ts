/**
 * Node, kube-proxy, mesh, observability and policy facts from real upstream
 * objects. Where a dump would carry status the fixture lacks (how many nodes
 * a DaemonSet is scheduled on), it is derived from the node list used.
 */
import {
  ClusterFacts,
  DashboardId,
  KubeProxyMode,
  MeshName,
  NodesFact,
} from '../../facts';
import { Replacement } from './cni';
import { dig, image, K8sObject, load, loadJson, must, ofKind, ref, versionOf } from './upstream';

function kernelBelow510(kernel: string): boolean {
  const [major, minor] = kernel.split(/[.-]/).map(Number);
  return major < 5 || (major === 5 && minor < 10);
}

/** Nodes from a NodeList dump; `extraWindows` adds Windows nodes no public fixture has. */
export function nodes(file: string, extraWindows = 0): ClusterFacts {
  const list = ofKind(load(file), 'Node');
  const linux = list.filter(n => dig(n, 'status', 'nodeInfo', 'operatingSystem') === 'linux');
  const kernels = linux.map(n => String(dig(n, 'status', 'nodeInfo', 'kernelVersion')));
  const sorted = [...kernels].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const value: NodesFact = {
    total: list.length + extraWindows,
    linux: linux.length,
    windows: extraWindows,
    minKernel: sorted[0] ?? null,
    belowKernel510: kernels.filter(kernelBelow510).length,
  };
  return {
    nodes: {
      value,
      evidence: [
        ...linux.map(n => `Node ${n.metadata.name}: kernelVersion=${dig(n, 'status', 'nodeInfo', 'kernelVersion')}`),
        ...(extraWindows > 0 ? [`${extraWindows} Node(s) with operatingSystem=windows`] : []),
      ],
    },
  };
}

/**
 * kube-proxy as EKS ships it (eksctl export) with kubeadm's defaulted
 * KubeProxyConfiguration, or absent; combined with the CNI's replacement.
 */
export function kubeProxy(
  replacement: Replacement,
  daemonSet: { nodes: number; mode?: KubeProxyMode } | null,
): ClusterFacts {
  if (daemonSet === null) {
    return {
      kubeProxy: {
        value: { present: false, mode: null, replacedBy: replacement.by },
        evidence: ['DaemonSet kube-system/kube-proxy: not found', replacement.evidence],
      },
    };
  }
  const ds = must(load('kube-proxy/eksctl-sample-1.25-default-addons.json'), 'DaemonSet', 'kube-proxy');
  const config = ofKind(load('kube-proxy/kubeadm-defaulted-controlplane.yaml'), 'KubeProxyConfiguration')[0];
  const raw = String(config.mode ?? '');
  const mode: KubeProxyMode = daemonSet.mode ?? (raw === '' ? 'iptables' : (raw as KubeProxyMode));
  return {
    kubeProxy: {
      value: { present: daemonSet.nodes > 0, mode, replacedBy: replacement.by },
      evidence: [
        `${ref(ds)}: image ${image(ds)}, desiredNumberScheduled=${daemonSet.nodes}`,
        `ConfigMap kube-system/kube-proxy: config.conf mode="${daemonSet.mode ?? raw}"${raw === '' && !daemonSet.mode ? ' (iptables, the Linux default)' : ''}`,
        replacement.evidence,
      ],
    },
  };
}

function nsLabels(objects: K8sObject[]) {
  const namespaces = ofKind(objects, 'Namespace');
  const label = (n: K8sObject, k: string) => n.metadata.labels?.[k];
  return {
    ambient: namespaces.filter(n => label(n, 'istio.io/dataplane-mode') === 'ambient'),
    injected: namespaces.filter(
      n => label(n, 'istio-injection') === 'enabled' || label(n, 'istio.io/rev') !== undefined,
    ),
  };
}

export interface IstioOptions {
  ambient: boolean;
  /** namespace a Telemetry CR is applied to; istio-system makes it mesh-wide */
  tracingNamespace?: string;
}

/** Istio from the istioctl goldens, injection.yaml namespaces, the waypoint and PeerAuthentication samples. */
export function istio(options: IstioOptions): ClusterFacts {
  const istiod = must(load('istio/pilot_default.golden.yaml'), 'Deployment', 'istiod');
  const ztunnel = must(load('istio/ztunnel.golden.yaml'), 'DaemonSet', 'ztunnel');
  const { ambient, injected } = nsLabels(load('istio/injection.yaml'));
  const waypoints = ofKind(load('istio/reviews-waypoint.yaml'), 'Gateway').filter(
    g => g.spec?.gatewayClassName === 'istio-waypoint',
  );
  const peer = load('istio/peer-authn-strict-root-permissive-workload-in.yaml').find(
    p => p.kind === 'PeerAuthentication' && p.metadata.namespace === 'istio-system' && !p.spec?.selector,
  );
  const strict = dig(peer, 'spec', 'mtls', 'mode') === 'STRICT';
  const telemetry = must(load('istio/telemetry-otel-tracing.yaml'), 'Telemetry', 'otel-tracing');
  const sampling = Number(dig(telemetry, 'spec', 'tracing', 0, 'randomSamplingPercentage'));
  const tracingNs = options.tracingNamespace ?? 'default';
  const mesh: MeshName = options.ambient ? 'istio-ambient' : 'istio-sidecar';
  const all: MeshName[] = options.ambient && injected.length > 0 ? ['istio-ambient', 'istio-sidecar'] : [mesh];
  const version = versionOf(image(istiod));
  const meshEvidence = [
    `${ref(istiod)}: image ${image(istiod)}`,
    ...(options.ambient ? [`${ref(ztunnel)}: present`] : ['DaemonSet istio-system/ztunnel: not found']),
  ];
  return {
    mesh: { value: mesh, evidence: meshEvidence },
    'mesh.all': { value: all, evidence: meshEvidence },
    'mesh.details': {
      value: {
        version,
        ambientNamespaces: options.ambient ? ambient.map(n => n.metadata.name) : [],
        injectedNamespaces: injected.map(n => n.metadata.name),
        waypoints: options.ambient ? waypoints.length : 0,
        strictMtls: strict,
        ciliumMutualAuth: false,
      },
      evidence: [
        ...(options.ambient ? ambient.map(n => `${ref(n)}: istio.io/dataplane-mode=ambient`) : []),
        ...injected.map(n => `${ref(n)}: sidecar injection label`),
        ...(options.ambient ? waypoints.map(g => `Gateway ${g.metadata.name}: gatewayClassName=istio-waypoint`) : []),
        peer ? `${ref(peer)}: mtls.mode=${dig(peer, 'spec', 'mtls', 'mode')}` : 'PeerAuthentication: none mesh-wide',
      ],
    },
    tracing: {
      value: { otelCollector: false, meshTracingGlobal: tracingNs === 'istio-system' && sampling >= 100 },
      evidence: [`Telemetry ${tracingNs}/${telemetry.metadata.name}: randomSamplingPercentage=${sampling}`],
    },
  };
}

/** Linkerd from the `linkerd install` golden. */
export function linkerd(): ClusterFacts {
  const objects = load('linkerd/install_default.golden');
  const identity = must(objects, 'Deployment', 'linkerd-identity');
  const injector = must(objects, 'Deployment', 'linkerd-proxy-injector');
  const policy = String(dig(identity, 'spec', 'template', 'metadata', 'annotations', 'config.linkerd.io/default-inbound-policy'));
  const evidence = [`${ref(identity)}: image ${image(identity)}`, `${ref(injector)}: present`];
  return {
    mesh: { value: 'linkerd', evidence },
    'mesh.all': { value: ['linkerd'], evidence },
    'mesh.details': {
      value: {
        version: identity.metadata.labels?.['app.kubernetes.io/version'] ?? null,
        ambientNamespaces: [],
        injectedNamespaces: [],
        waypoints: 0,
        strictMtls: policy !== 'all-unauthenticated',
        ciliumMutualAuth: false,
      },
      evidence: [`${ref(identity)}: config.linkerd.io/default-inbound-policy=${policy}`],
    },
  };
}

export function noMesh(): ClusterFacts {
  const evidence = ['no istiod, ztunnel, Linkerd control plane or Cilium mutual authentication found'];
  return { mesh: { value: 'none', evidence }, 'mesh.all': { value: [], evidence } };
}

/** The OpenTelemetry operator's rendered collector Deployment. */
export function otelCollector(): ClusterFacts {
  const deploy = must(load('opentelemetry/build_collector_base.yaml'), 'Deployment', 'test-collector');
  const component = deploy.metadata.labels?.['app.kubernetes.io/component'];
  return {
    tracing: {
      value: { otelCollector: component === 'opentelemetry-collector', meshTracingGlobal: false },
      evidence: [`${ref(deploy)}: app.kubernetes.io/component=${component}`],
    },
  };
}

/** Policy counts over the given policy files (CiliumNetworkPolicy, NetworkPolicy, ...). */
export function policies(files: string[], calicoGlobal = 0): ClusterFacts {
  const objects = files.flatMap(load);
  const cnps = ofKind(objects, 'CiliumNetworkPolicy');
  const rules = cnps.flatMap(p => [
    ...((p.spec?.ingress as unknown[]) ?? []),
    ...((p.spec?.egress as unknown[]) ?? []),
  ]);
  const ports = rules.flatMap(r => (dig(r, 'toPorts') as unknown[]) ?? []);
  const l7 = ports.filter(p => dig(p, 'rules', 'http') !== undefined).length;
  const dns = ports.filter(p => dig(p, 'rules', 'dns') !== undefined).length;
  const netpols = ofKind(objects, 'NetworkPolicy');
  const evidence = [
    ...cnps.map(p => `${ref(p)}: ${dig(p, 'spec', 'ingress') ? 'ingress' : 'egress'} rules`),
    ...netpols.map(p => `${ref(p)}: present`),
    `NetworkPolicy list: ${netpols.length} items`,
    `CiliumNetworkPolicy list: ${cnps.length} items (${l7} http, ${dns} dns rules)`,
    ...(calicoGlobal > 0 ? [`GlobalNetworkPolicy list: ${calicoGlobal} items`] : []),
  ];
  return {
    policies: {
      value: { networkPolicies: netpols.length, ciliumPolicies: cnps.length, ciliumClusterwide: 0, calicoGlobal, l7Rules: l7, dnsRules: dns },
      evidence,
    },
    l7Visibility: {
      value: l7 > 0 ? 'targeted' : 'none',
      evidence: l7 > 0 ? cnps.filter(p => JSON.stringify(p).includes('"http"')).map(p => `${ref(p)}: L7 http rule on selected endpoints`) : ['no L7 rule or visibility annotation found'],
    },
  };
}

const DASHBOARD_FILES: Record<string, DashboardId[]> = {
  'cilium/hubble-network-overview-namespace.json': ['serviceMap'],
  'cilium/hubble-l7-http-metrics-by-workload.json': ['errorRates', 'latency'],
  'cilium/hubble-dns-namespace.json': ['policyDenials'],
};

/** Dashboards linked from the Hubble Grafana dashboard JSONs the chart ships. */
export function dashboards(files: string[]): ClusterFacts {
  const ids = files.flatMap(f => DASHBOARD_FILES[f] ?? []);
  return {
    dashboards: {
      value: ids,
      evidence: files.map(f => {
        const d = loadJson(f);
        return `Grafana dashboard "${d.title}" (uid ${d.uid}): linked as ${DASHBOARD_FILES[f].join(', ')}`;
      }),
    },
  };
}

export function services(objects: K8sObject[], count = objects.length): ClusterFacts {
  return { services: { value: count, evidence: [`Service list: ${count} items`] } };
}
