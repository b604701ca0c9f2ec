import {
  find,
  fixtureObjects,
  fixtures,
  object,
  patched,
  withNamespace,
} from '../../__testUtils__/fixtures';
import { KubeObject } from '../../reader/types';
import { Variant } from './types';

const CHARM = 'cilium/charm-cilium-1.16.10-rendered.yaml';
const CHARM_RELAY = 'cilium/charm-hubble-relay-1.16.10-rendered.yaml';
const AKS_118 = [
  'cilium/aks-acn-v1.18-cilium-config-hubble.yaml',
  'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
  'cilium/aks-acn-v1.18-cilium-operator-deployment.yaml',
];
const DYNAMIC_PATH = '/dynamic-metrics-config/dynamic-metrics.yaml';

function replace(
  objects: KubeObject[],
  kind: string,
  name: string,
  change: (copy: any) => void,
): KubeObject[] {
  const target = find(objects, kind, name);
  return objects.map(o => (o === target ? patched(o, change) : o));
}

/**
 * The Helm chart's dynamic metrics (Cilium 1.17+): hubble-metrics gives way
 * to hubble-dynamic-metrics-config-path, and the agent mounts the ConfigMap.
 */
function withDynamicMetrics(objects: KubeObject[]): KubeObject[] {
  const config = replace(objects, 'ConfigMap', 'cilium-config', c => {
    delete c.data['hubble-metrics'];
    c.data['hubble-dynamic-metrics-config-path'] = DYNAMIC_PATH;
  });
  return [
    ...replace(config, 'DaemonSet', 'cilium', d => {
      const spec = d.spec.template.spec;
      spec.volumes = [
        ...(spec.volumes ?? []),
        {
          name: 'hubble-dynamic-metrics-config',
          configMap: { name: 'cilium-dynamic-metrics-config' },
        },
      ];
      const agent =
        spec.containers.find((c: any) => c.name === 'cilium-agent') ??
        spec.containers[0];
      agent.volumeMounts = [
        ...(agent.volumeMounts ?? []),
        {
          name: 'hubble-dynamic-metrics-config',
          mountPath: '/dynamic-metrics-config',
          readOnly: true,
        },
      ];
    }),
    ...fixtures('cilium/dynamic-metrics-configmap.yaml'),
  ];
}

/** The charm's Cilium 1.16.10 with the L7 proxy on, Hubble metrics scoped the dynamic way. */
function charmScopedMetrics(): KubeObject[] {
  return withDynamicMetrics(fixtures(CHARM, CHARM_RELAY));
}

function clusterwide(file: string, change: (copy: any) => void): KubeObject {
  return patched(fixtureObjects(file)[0], c => {
    c.kind = 'CiliumClusterwideNetworkPolicy';
    change(c);
  });
}

const dnsVisibility = () =>
  clusterwide('cilium/hubble-docs-dns-visibility.yaml', c => {
    c.spec.endpointSelector = {};
  });

/** pilot_default.golden.yaml's istiod and mesh config, the mesh text changed by `mesh`. */
function istiod(
  mesh: (text: string) => string,
  pilotSampling?: string,
): KubeObject[] {
  const all = fixtures('istio/pilot_default.golden.yaml');
  const config = patched(find(all, 'ConfigMap', 'istio'), c => {
    c.data.mesh = mesh(c.data.mesh);
  });
  const deployment = patched(find(all, 'Deployment', 'istiod'), d => {
    if (pilotSampling === undefined) return;
    const env = d.spec.template.spec.containers[0].env;
    env.find((e: any) => e.name === 'PILOT_TRACE_SAMPLING').value =
      pilotSampling;
  });
  return [object('v1', 'Namespace', 'istio-system'), deployment, config];
}

const rootIstioSystem = (text: string) =>
  text.replace('rootNamespace: istio-control', 'rootNamespace: istio-system');

/** The demo profile's PILOT_TRACE_SAMPLING. */
function demoProfileSampling(): string {
  const profile = fixtureObjects('istio/profile-demo.yaml')[0] as any;
  return profile.spec.components.pilot.k8s.env.find(
    (e: any) => e.name === 'PILOT_TRACE_SAMPLING',
  ).value;
}

function rootTelemetry(sampling: number): KubeObject {
  return patched(
    withNamespace(
      fixtures('istio/telemetry-otel-tracing.yaml'),
      'istio-system',
    )[0],
    t => {
      t.spec.tracing[0].randomSamplingPercentage = sampling;
    },
  );
}

const calicoManifest = () => fixtures('calico/calico.yaml');
const otelHelmChart = () =>
  fixtures('opentelemetry/helm-chart-deployment-otlp-traces-rendered.yaml');

/** Variants for the observability rules. */
export const OBSERVABILITY_VARIANTS: Record<string, Variant> = {
  'obs-aks-cilium-1.18': {
    description:
      'AKS "Azure CNI powered by Cilium" 1.18 test manifests (cilium-config with Hubble, agent DaemonSet, operator) with the hubble-relay of the Cilium 1.16.10 charm, the OpenTelemetry operator\'s rendered collector and Cilium\'s DNS example policy in namespace default; no Hubble UI, no http metric, L7 proxy off.',
    objects: () => [
      ...fixtures(...AKS_118, CHARM_RELAY),
      ...fixtures('opentelemetry/build_collector_base.yaml'),
      ...withNamespace(fixtures('cilium/dns.yaml'), 'default'),
    ],
  },
  'obs-aks-hubble-off': {
    description:
      'The AKS 1.13 cilium-config (enable-hubble: "false") with the AKS 1.18 agent DaemonSet: Hubble off.',
    objects: () =>
      fixtures(
        'cilium/aks-acn-v1.13-cilium-config.yaml',
        'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
      ),
  },
  'obs-charm-cilium-1.16': {
    description:
      "Canonical's Cilium 1.16.10 charm render with its hubble-relay, unchanged: static hubble-metrics (flow without source/destination context, httpV2 with labelsContext, no per-workload filter), no Hubble UI.",
    objects: () => fixtures(CHARM, CHARM_RELAY),
  },
  'obs-cilium-1.9-quick': {
    description:
      "Cilium's old pre-rendered v1.9 installs (experimental-install + quick-hubble-install): Hubble with Relay and UI, metrics dns drop tcp flow icmp http without any context option.",
    objects: () =>
      fixtures(
        'cilium/experimental-install-v1.9-dev.yaml',
        'cilium/quick-hubble-install-v1.9.yaml',
      ),
  },
  'obs-gke-dpv2-hubble': {
    description:
      "GKE Dataplane V2 with flow observability: Relay and UI in gke-managed-dpv2-observability. GKE's anetd and managed Relay are not published, so the Cilium 1.16.10 charm render stands in for the agent and its hubble-relay Deployment is moved to that namespace; the Hubble UI is GKE's own hubble-ui-132.yaml.",
    objects: () => {
      const relay = patched(
        find(fixtures(CHARM_RELAY), 'Deployment', 'hubble-relay'),
        d => {
          d.metadata.namespace = 'gke-managed-dpv2-observability';
        },
      );
      return [
        ...fixtures(CHARM),
        object('v1', 'Namespace', 'gke-managed-dpv2-observability'),
        relay,
        ...fixtures('gke/hubble-ui-132.yaml'),
      ];
    },
  },
  'obs-aks-dynamic-metrics': {
    description:
      "The AKS 1.18 Cilium manifests (with the charm hubble-relay) moved to the chart's dynamic metrics: hubble-metrics replaced by hubble-dynamic-metrics-config-path, the agent mounting ConfigMap cilium-dynamic-metrics-config (AKS's own metrics plus httpV2 filtered to destination_pod checkout/).",
    objects: () => withDynamicMetrics(fixtures(...AKS_118, CHARM_RELAY)),
  },
  'obs-dns-visibility-clusterwide': {
    description:
      "The Cilium 1.16.10 charm (L7 proxy on) with its metrics moved to the dynamic ConfigMap (httpV2 filtered to checkout/), plus the Hubble docs' dns-visibility policy made cluster-wide (kind CiliumClusterwideNetworkPolicy, endpointSelector {}): DNS visibility for every pod, no HTTP rule.",
    objects: () => [...charmScopedMetrics(), dnsVisibility()],
  },
  'obs-http-visibility-exists': {
    description:
      "The Cilium 1.16.10 charm (L7 proxy on) with its metrics moved to the dynamic ConfigMap (httpV2 filtered to checkout/), plus the Hubble docs' http-visibility policy made cluster-wide (kind CiliumClusterwideNetworkPolicy) with its endpointSelector written as matchExpressions [{key: k8s-app, operator: Exists}]: HTTP parsing for every pod that has a k8s-app label.",
    objects: () => [
      ...charmScopedMetrics(),
      clusterwide('cilium/hubble-docs-http-visibility.yaml', c => {
        c.spec.endpointSelector = {
          matchExpressions: [{ key: 'k8s-app', operator: 'Exists' }],
        };
      }),
    ],
  },
  'obs-targeted-l7': {
    description:
      "As obs-dns-visibility-clusterwide, plus Cilium's mutual-auth example policy in namespace checkout: HTTP rules for the app=echo pods only.",
    objects: () => [
      ...charmScopedMetrics(),
      dnsVisibility(),
      ...withNamespace(
        fixtures('cilium/cnp-with-mutual-auth.yaml'),
        'checkout',
      ),
    ],
  },
  'obs-istio-legacy-tracing': {
    description:
      "Calico's v3.32.1 manifest with the istiod of Istio's pilot_default golden, its mesh config given the legacy tracing of Istio's docs (enableTracing: true, defaultConfig.tracing.sampling: 100, a zipkin tracer) and PILOT_TRACE_SAMPLING set to the demo profile's \"100\"; no OpenTelemetry collector.",
    objects: () => [
      ...calicoManifest(),
      ...istiod(
        text =>
          `${text.replace(
            'defaultConfig:\n',
            'defaultConfig:\n  tracing:\n    sampling: 100\n    zipkin:\n      address: zipkin.istio-system:9411\n',
          )}\nenableTracing: true`,
        demoProfileSampling(),
      ),
    ],
  },
  'obs-istio-telemetry-1pct': {
    description:
      "Calico's manifest with the pilot_default istiod (mesh rootNamespace set to istio-system, the default) and Istio's otel-tracing Telemetry applied in istio-system at randomSamplingPercentage 1, plus the official OpenTelemetry Helm chart's collector Deployment.",
    objects: () => [
      ...calicoManifest(),
      ...istiod(rootIstioSystem),
      rootTelemetry(1),
      ...otelHelmChart(),
    ],
  },
  'obs-istio-telemetry-100pct': {
    description:
      'As obs-istio-telemetry-1pct with the Telemetry unchanged (randomSamplingPercentage 100) and no collector: every request traced mesh-wide.',
    objects: () => [
      ...calicoManifest(),
      ...istiod(rootIstioSystem),
      rootTelemetry(100),
    ],
  },
  'obs-calico-goldmane': {
    description:
      "Calico 3.32 by the Tigera operator (tigera-operator.yaml, custom-resources.yaml with the Goldmane and Whisker CRs, calico-node of calico.yaml in calico-system), the Goldmane and Whisker Deployments the operator renders, and FelixConfiguration default with prometheusMetricsEnabled: true as Calico's docs patch it.",
    objects: () => [
      ...fixtures(
        'calico/tigera-operator.yaml',
        'calico/custom-resources.yaml',
      ),
      patched(find(calicoManifest(), 'DaemonSet', 'calico-node'), d => {
        d.metadata.namespace = 'calico-system';
      }),
      ...fixtures('calico/operator-goldmane-whisker-deployments.yaml'),
      object(
        'crd.projectcalico.org/v1',
        'FelixConfiguration',
        'default',
        undefined,
        {
          spec: { prometheusMetricsEnabled: true },
        },
      ),
    ],
  },
  'obs-calico-manifest': {
    description:
      "Calico's v3.32.1 manifest install, unchanged: no Goldmane or Whisker, Felix metrics off.",
    objects: () => calicoManifest(),
  },
};
