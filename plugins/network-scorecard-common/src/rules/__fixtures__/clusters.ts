/**
 * Named clusters assembled from real upstream objects, as the collector
 * would see them, plus the catalog context they are scored in. Test-only.
 */
import { ClusterFacts, Fact, FactId, FactValues } from '../../facts';
import { EvaluationContext, RequirementId } from '../../context';
import {
  calicoManifest,
  calicoOperatorBpf,
  cilium,
  CniParts,
  flannel,
} from './cni';
import {
  dashboards,
  istio,
  kubeProxy,
  linkerd,
  noMesh,
  nodes,
  otelCollector,
  policies,
  services,
} from './platform';

export const NOW = '2026-11-26T09:00:00Z';

export function context(
  partial: Partial<EvaluationContext> = {},
): EvaluationContext {
  return {
    requirements: [],
    lifecycle: 'production',
    platformRefresh: null,
    catalogServiceCount: null,
    now: NOW,
    ...partial,
  };
}

export function requiring(...requirements: RequirementId[]): EvaluationContext {
  return context({ requirements });
}

export const ALL_DASHBOARDS = [
  'cilium/hubble-network-overview-namespace.json',
  'cilium/hubble-l7-http-metrics-by-workload.json',
  'cilium/hubble-dns-namespace.json',
];

/** A fact made unknown the way the collector reports it. */
export function unknown<K extends FactId>(
  id: K,
  reason = 'forbidden',
): ClusterFacts {
  return { [id]: { value: null, evidence: [], reason } } as ClusterFacts;
}

/** A fact overridden in a test, e.g. a Service count no fixture holds. */
export function set<K extends FactId>(
  id: K,
  value: FactValues[K],
  evidence: string[],
): ClusterFacts {
  const fact: Fact<FactValues[K]> = { value, evidence };
  return { [id]: fact } as ClusterFacts;
}

export function merge(...parts: ClusterFacts[]): ClusterFacts {
  return Object.assign({}, ...parts);
}

function base(cni: CniParts, kp: { nodes: number } | null): ClusterFacts {
  return merge(noMesh(), cni.facts, kubeProxy(cni.replacement, kp));
}

/** AKS "Azure CNI powered by Cilium" 1.18: kube-proxy replaced, yet its DaemonSet still runs; relay but no UI. */
export function ciliumAks(): ClusterFacts {
  const cni = cilium([
    'cilium/aks-acn-v1.18-cilium-config-hubble.yaml',
    'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
    'cilium/charm-hubble-relay-1.16.10-rendered.yaml',
  ]);
  return merge(
    base(cni, { nodes: 1 }),
    nodes('nodes/nri-kubernetes-1_35-nodes.yaml'),
    policies(['cilium/dns.yaml', 'opentelemetry/build_collector_base.yaml']),
    dashboards(ALL_DASHBOARDS),
    otelCollector(),
    services(cni.services, 140),
  );
}

/** Canonical's Cilium 1.16.10 charm: kube-proxy kept (KPR false), old 5.4 kernels, no policies, no dashboards. */
export function ciliumCharm(): ClusterFacts {
  const cni = cilium([
    'cilium/charm-cilium-1.16.10-rendered.yaml',
    'cilium/charm-hubble-relay-1.16.10-rendered.yaml',
  ]);
  return merge(
    base(cni, { nodes: 2 }),
    nodes('nodes/nodes.json'),
    policies([]),
    dashboards([]),
    otelCollector(),
    services(cni.services),
  );
}

/** Cilium's v1.9 quick install: Hubble relay and UI, KPR "probe", with Istio ambient on top. */
export function istioAmbientOnCilium(
  options: { tracingNamespace?: string } = {},
): ClusterFacts {
  const cni = cilium(['cilium/experimental-install-v1.9-dev.yaml']);
  return merge(
    base(cni, { nodes: 1 }),
    nodes('nodes/nri-kubernetes-1_35-nodes.yaml'),
    policies(['cilium/cnp-with-mutual-auth.yaml', 'cilium/dns.yaml']),
    dashboards(ALL_DASHBOARDS),
    istio({ ambient: true, ...options }),
    services(cni.services, 64),
  );
}

/**
 * Cilium 1.16.10 patched as Helm renders authentication.mutual.spire.enabled,
 * kube-proxy replacement and WireGuard: Cilium's own mesh.
 */
export function ciliumMesh(): ClusterFacts {
  const cni = cilium(
    [
      'cilium/charm-cilium-1.16.10-rendered.yaml',
      'cilium/charm-hubble-relay-1.16.10-rendered.yaml',
    ],
    {
      patch: {
        'mesh-auth-mutual-enabled': 'true',
        'kube-proxy-replacement': 'true',
        'enable-wireguard': 'true',
      },
    },
  );
  return merge(
    cni.facts,
    kubeProxy(cni.replacement, null),
    nodes('nodes/nri-kubernetes-1_35-nodes.yaml'),
    policies(['cilium/cnp-with-mutual-auth.yaml', 'cilium/dns.yaml']),
    dashboards(ALL_DASHBOARDS),
    otelCollector(),
    services(cni.services, 75),
  );
}

/** Calico from the upstream manifest: iptables dataplane, kube-proxy on both 5.4-kernel nodes. */
export function calicoIptables(): ClusterFacts {
  const cni = calicoManifest();
  return merge(
    base(cni, { nodes: 2 }),
    nodes('nodes/nodes.json'),
    policies(['opentelemetry/build_collector_base.yaml']),
    dashboards([]),
    otelCollector(),
    set('l7Visibility', 'none', ['no L7 visibility configured']),
    set('hubble', { enabled: false, relay: false, ui: false, metrics: [] }, [
      'DaemonSet kube-system/cilium: not found',
    ]),
    services([], 1250),
  );
}

/** Calico by the Tigera operator in BPF mode: the operator scaled kube-proxy to zero nodes. */
export function calicoBpf(): ClusterFacts {
  const cni = calicoOperatorBpf();
  return merge(
    base(cni, { nodes: 0 }),
    nodes('nodes/nri-kubernetes-1_35-nodes.yaml'),
    policies(['opentelemetry/build_collector_base.yaml']),
    dashboards([]),
    otelCollector(),
    set('l7Visibility', 'none', ['no L7 visibility configured']),
    services([], 30),
  );
}

/** Flannel from its upstream manifest with kube-proxy. */
export function flannelCluster(): ClusterFacts {
  const cni = flannel();
  return merge(
    base(cni, { nodes: 1 }),
    nodes('nodes/nri-kubernetes-1_35-nodes.yaml'),
    policies(['opentelemetry/build_collector_base.yaml']),
    dashboards([]),
    set('tracing', { otelCollector: false, meshTracingGlobal: false }, [
      'no OpenTelemetryCollector found',
    ]),
    set('l7Visibility', 'none', ['no L7 visibility configured']),
    services([], 12),
  );
}

/** Calico with Istio sidecars; `tracingNamespace: 'istio-system'` makes its 100 % tracing mesh-wide. */
export function istioSidecarOnCalico(
  options: { tracingNamespace?: string } = {},
): ClusterFacts {
  return merge(calicoIptables(), istio({ ambient: false, ...options }));
}

export function linkerdOnCalico(): ClusterFacts {
  return merge(calicoIptables(), linkerd());
}

/** Calico to Cilium half-way: both agents run. */
export function migrating(): ClusterFacts {
  const calico = calicoIptables();
  const both = cilium(['cilium/charm-cilium-1.16.10-rendered.yaml']);
  return merge(calico, {
    'cni.all': {
      value: ['calico', 'cilium'],
      evidence: [
        ...(calico['cni.all']?.evidence ?? []),
        ...(both.facts['cni.all']?.evidence ?? []),
      ],
    },
  });
}
