import { readFileSync } from 'node:fs';
import {
  createTestCertificates,
  startKubeApiServer,
  TestCertificates,
} from '@internal/network-scorecard-test-utils';
import { CLUSTER_ROLE } from '../__testUtils__/demoClusters';
import {
  factsOf,
  find,
  fixtures,
  object,
  patched,
} from '../__testUtils__/fixtures';
import { VARIANTS } from '../__fixtures__/variants';
import { collectFromKubernetes } from '../collect/collectFromKubernetes';
import { metricFamilies } from './hubble';
import { staticHubbleMetrics } from './support/cilium';

const CHARM = [
  'cilium/charm-cilium-1.16.10-rendered.yaml',
  'cilium/charm-hubble-relay-1.16.10-rendered.yaml',
];

describe('detectHubble', () => {
  it('reads Hubble, relay and metrics of the 1.16.10 charm render (no UI in the charm)', async () => {
    const facts = await factsOf(fixtures(...CHARM));
    expect(facts.hubble?.value).toMatchObject({
      enabled: true,
      relay: true,
      ui: false,
      metrics: [
        'dns',
        'drop',
        'tcp',
        'flow',
        'port-distribution',
        'icmp',
        'http',
      ],
      metricsConfig: 'static',
    });
    expect(facts.hubble?.value?.metricDetails).toContainEqual({
      name: 'flow',
      sourceContext: false,
      destinationContext: false,
      filtered: false,
    });
    // httpV2's labelsContext names source_workload and destination_workload.
    expect(facts.hubble?.value?.metricDetails).toContainEqual({
      name: 'http',
      sourceContext: true,
      destinationContext: true,
      filtered: false,
    });
    expect(facts.hubble?.evidence.slice(0, 4)).toEqual([
      'ConfigMap kube-system/cilium-config: enable-hubble=true',
      'Deployment kube-system/hubble-relay: present',
      'Deployments: no hubble-ui in kube-system or gke-managed-dpv2-observability, none labelled k8s-app=hubble-ui',
      'ConfigMap kube-system/cilium-config: hubble-metrics-server=:9965',
    ]);
  });

  it('reads relay and UI of the 1.9 quick install', async () => {
    const facts = await factsOf(
      fixtures(
        'cilium/experimental-install-v1.9-dev.yaml',
        'cilium/quick-hubble-install-v1.9.yaml',
      ),
    );
    expect(facts.hubble?.value).toMatchObject({
      enabled: true,
      relay: true,
      ui: true,
      metrics: ['dns', 'drop', 'tcp', 'flow', 'icmp', 'http'],
    });
  });

  it('finds Relay and UI in gke-managed-dpv2-observability, where GKE Dataplane V2 runs them', async () => {
    const facts = await factsOf(VARIANTS['obs-gke-dpv2-hubble'].objects());
    expect(facts.hubble?.value).toMatchObject({ relay: true, ui: true });
    expect(facts.hubble?.evidence.slice(1, 3)).toEqual([
      'Deployment gke-managed-dpv2-observability/hubble-relay: present',
      'Deployment gke-managed-dpv2-observability/hubble-ui: present',
    ]);
  });

  it('finds a relay by its k8s-app label in any namespace', async () => {
    const relay = patched(
      find(fixtures(CHARM[1]), 'Deployment', 'hubble-relay'),
      d => {
        d.metadata.namespace = 'observability';
      },
    );
    const facts = await factsOf([...fixtures(CHARM[0]), relay]);
    expect(facts.hubble?.evidence[1]).toBe(
      'Deployment observability/hubble-relay: present',
    );
  });

  it('reads Hubble off on AKS 1.13 (enable-hubble: "false")', async () => {
    const facts = await factsOf(VARIANTS['obs-aks-hubble-off'].objects());
    expect(facts.hubble).toEqual({
      value: {
        enabled: false,
        relay: false,
        ui: false,
        metrics: [],
        metricsConfig: 'none',
        metricDetails: [],
      },
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-hubble=false',
        'Deployments: no hubble-relay in kube-system or gke-managed-dpv2-observability, none labelled k8s-app=hubble-relay',
        'Deployments: no hubble-ui in kube-system or gke-managed-dpv2-observability, none labelled k8s-app=hubble-ui',
        'ConfigMap kube-system/cilium-config: hubble-metrics-server absent (metrics off)',
      ],
    });
  });

  it('has no Hubble without Cilium', async () => {
    expect(
      (await factsOf(fixtures('flannel/kube-flannel.yml'))).hubble,
    ).toEqual({
      value: {
        enabled: false,
        relay: false,
        ui: false,
        metrics: [],
        metricsConfig: 'none',
        metricDetails: [],
      },
      evidence: ['DaemonSets: no Cilium agent, so no Hubble'],
    });
  });
});

describe('Hubble dynamic metrics (Cilium 1.17+)', () => {
  const dynamic = () => VARIANTS['obs-aks-dynamic-metrics'].objects();

  it('reads the metric list from the ConfigMap the agent mounts at hubble-dynamic-metrics-config-path', async () => {
    const facts = await factsOf(dynamic());
    expect(facts.hubble?.value).toMatchObject({
      metrics: ['flow', 'tcp', 'dns', 'drop', 'http'],
      metricsConfig: 'dynamic',
    });
    expect(facts.hubble?.value?.metricDetails.at(-1)).toEqual({
      name: 'http',
      sourceContext: true,
      destinationContext: true,
      filtered: true,
    });
    expect(facts.hubble?.evidence.slice(-2)).toEqual([
      'ConfigMap kube-system/cilium-config: hubble-dynamic-metrics-config-path=/dynamic-metrics-config/dynamic-metrics.yaml',
      'ConfigMap kube-system/cilium-dynamic-metrics-config: dynamic-metrics.yaml metrics flow, tcp, dns, drop, http (includeFilters)',
    ]);
  });

  it('exports nothing when that ConfigMap is missing', async () => {
    const facts = await factsOf(
      dynamic().filter(
        o => o.metadata.name !== 'cilium-dynamic-metrics-config',
      ),
    );
    expect(facts.hubble?.value).toMatchObject({
      metrics: [],
      metricsConfig: 'dynamic',
    });
    expect(facts.hubble?.evidence.at(-1)).toBe(
      'ConfigMap kube-system/cilium-dynamic-metrics-config absent: the agents have no dynamic metrics to export',
    );
  });

  let certificates: TestCertificates;
  beforeAll(() => {
    certificates = createTestCertificates();
  });

  it('reads it under the shipped read-only ClusterRole', async () => {
    const server = await startKubeApiServer({
      objects: dynamic(),
      certificates,
      clusterRole: readFileSync(CLUSTER_ROLE, 'utf8'),
    });
    try {
      const { facts } = await collectFromKubernetes(server.connection());
      expect(server.requests.filter(r => r.status === 403)).toEqual([]);
      expect(facts.hubble?.value?.metricsConfig).toBe('dynamic');
      expect(facts.hubble?.value?.metrics).toContain('http');
    } finally {
      await server.close();
    }
  });
});

describe('Hubble metric options', () => {
  it('names metric families without their options (AKS 1.18 hubble-metrics)', () => {
    expect(
      metricFamilies(
        'flow:sourceContext=pod;destinationContext=pod tcp:sourceContext=pod;destinationContext=pod\n    dns:query drop:sourceContext=pod;destinationContext=pod',
      ),
    ).toEqual(['flow', 'tcp', 'dns', 'drop']);
  });

  it('counts the egress/ingress context options of AKS 1.19 as source and destination', () => {
    // test/integration/manifests/cilium/v1.19/cilium-config/cilium-config-hubble.yaml (Azure/azure-container-networking)
    const [flow] = staticHubbleMetrics(
      'flow:sourceEgressContext=pod;destinationIngressContext=pod\n    tcp:sourceEgressContext=pod;destinationIngressContext=pod',
    );
    expect(flow).toEqual({
      name: 'flow',
      sourceContext: true,
      destinationContext: true,
      filtered: false,
    });
  });

  it('does not take a namespace or IP context for a workload', () => {
    expect(
      staticHubbleMetrics(
        'flow:sourceContext=namespace;destinationContext=ip httpV2:labelsContext=source_namespace,destination_namespace',
      ).map(m => [m.name, m.sourceContext, m.destinationContext]),
    ).toEqual([
      ['flow', false, false],
      ['http', false, false],
    ]);
  });

  it('reads the dynamic ConfigMap a differently named volume points to', async () => {
    const objects = VARIANTS['obs-aks-dynamic-metrics'].objects().map(o =>
      o.kind === 'DaemonSet'
        ? patched(o, d => {
            d.spec.template.spec.volumes.find(
              (v: any) => v.name === 'hubble-dynamic-metrics-config',
            ).configMap.name = 'cilium-metrics-custom';
          })
        : o,
    );
    const facts = await factsOf([
      ...objects,
      object('v1', 'ConfigMap', 'cilium-metrics-custom', 'kube-system', {
        data: { 'dynamic-metrics.yaml': 'metrics:\n- name: drop\n' },
      }),
    ]);
    expect(facts.hubble?.value?.metrics).toEqual(['drop']);
  });
});
