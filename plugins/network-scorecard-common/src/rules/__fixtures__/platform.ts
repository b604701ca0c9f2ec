/**
 * Node, kube-proxy, observability and policy facts from real upstream
 * objects. Where a dump would carry status the fixture lacks (how many nodes
 * a DaemonSet is scheduled on), it is derived from the node list used.
 */
import {
  ClusterFacts,
  DashboardId,
  KubeProxyMode,
  NodesFact,
} from '../../facts';
import { Replacement } from './cni';
import {
  dig,
  image,
  K8sObject,
  load,
  loadJson,
  must,
  ofKind,
  ref,
} from './upstream';

function kernelBelow510(kernel: string): boolean {
  const [major, minor] = kernel.split(/[.-]/).map(Number);
  return major < 5 || (major === 5 && minor < 10);
}

/** Nodes from a NodeList dump; `extraWindows` adds Windows nodes no public fixture has. */
export function nodes(file: string, extraWindows = 0): ClusterFacts {
  const list = ofKind(load(file), 'Node');
  const linux = list.filter(
    n => dig(n, 'status', 'nodeInfo', 'operatingSystem') === 'linux',
  );
  const kernels = linux.map(n =>
    String(dig(n, 'status', 'nodeInfo', 'kernelVersion')),
  );
  const sorted = [...kernels].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
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
        ...linux.map(
          n =>
            `Node ${n.metadata.name}: kernelVersion=${dig(
              n,
              'status',
              'nodeInfo',
              'kernelVersion',
            )}`,
        ),
        ...(extraWindows > 0
          ? [`${extraWindows} Node(s) with operatingSystem=windows`]
          : []),
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
        evidence: [
          'DaemonSet kube-system/kube-proxy: not found',
          replacement.evidence,
        ],
      },
    };
  }
  const ds = must(
    load('kube-proxy/eksctl-sample-1.25-default-addons.json'),
    'DaemonSet',
    'kube-proxy',
  );
  const config = ofKind(
    load('kube-proxy/kubeadm-defaulted-controlplane.yaml'),
    'KubeProxyConfiguration',
  )[0];
  const raw = String(config.mode ?? '');
  const mode: KubeProxyMode =
    daemonSet.mode ?? (raw === '' ? 'iptables' : (raw as KubeProxyMode));
  return {
    kubeProxy: {
      value: { present: daemonSet.nodes > 0, mode, replacedBy: replacement.by },
      evidence: [
        `${ref(ds)}: image ${image(ds)}, desiredNumberScheduled=${
          daemonSet.nodes
        }`,
        `ConfigMap kube-system/kube-proxy: config.conf mode="${
          daemonSet.mode ?? raw
        }"${
          raw === '' && !daemonSet.mode ? ' (iptables, the Linux default)' : ''
        }`,
        replacement.evidence,
      ],
    },
  };
}

export { istio, linkerd, noMesh } from './mesh';
export type { IstioOptions } from './mesh';

/** The OpenTelemetry operator's rendered collector Deployment. */
export function otelCollector(): ClusterFacts {
  const deploy = must(
    load('opentelemetry/build_collector_base.yaml'),
    'Deployment',
    'test-collector',
  );
  const component = deploy.metadata.labels?.['app.kubernetes.io/component'];
  return {
    tracing: {
      value: {
        otelCollector: component === 'opentelemetry-collector',
        meshTracingGlobal: false,
      },
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
    ...cnps.map(
      p =>
        `${ref(p)}: ${dig(p, 'spec', 'ingress') ? 'ingress' : 'egress'} rules`,
    ),
    ...netpols.map(p => `${ref(p)}: present`),
    `NetworkPolicy list: ${netpols.length} items`,
    `CiliumNetworkPolicy list: ${cnps.length} items (${l7} http, ${dns} dns rules)`,
    ...(calicoGlobal > 0
      ? [`GlobalNetworkPolicy list: ${calicoGlobal} items`]
      : []),
  ];
  return {
    policies: {
      value: {
        networkPolicies: netpols.length,
        ciliumPolicies: cnps.length,
        ciliumClusterwide: 0,
        calicoGlobal,
        l7Rules: l7,
        dnsRules: dns,
      },
      evidence,
    },
    l7Visibility: {
      value: l7 > 0 ? 'targeted' : 'none',
      evidence:
        l7 > 0
          ? cnps
              .filter(p => JSON.stringify(p).includes('"http"'))
              .map(p => `${ref(p)}: L7 http rule on selected endpoints`)
          : ['no L7 rule or visibility annotation found'],
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
        return `Grafana dashboard "${d.title}" (uid ${
          d.uid
        }): linked as ${DASHBOARD_FILES[f].join(', ')}`;
      }),
    },
  };
}

export function services(
  objects: K8sObject[],
  count = objects.length,
): ClusterFacts {
  return {
    services: { value: count, evidence: [`Service list: ${count} items`] },
  };
}
