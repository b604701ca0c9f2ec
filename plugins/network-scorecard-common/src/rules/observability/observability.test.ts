import { ClusterFacts } from '../../facts';
import {
  context,
  linkedDashboards,
  requiring,
  withUnreadable,
} from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import {
  observabilityAppTracing,
  observabilityDashboards,
  observabilityHubble,
  observabilityL7Targeted,
  observabilityMetrics,
} from '.';

const withLinks = (
  name: string,
  ...linked: Parameters<typeof linkedDashboards>[0]
): ClusterFacts => ({
  ...golden(name),
  ...linkedDashboards(linked),
});

describe('observability.hubble', () => {
  it('passes the v1.9 install with Hubble, hubble-relay and hubble-ui', () => {
    expect(
      run(observabilityHubble, golden('obs-cilium-1.9-quick')),
    ).toMatchObject({
      status: 'pass',
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-hubble=true',
        'Deployment kube-system/hubble-relay: present',
        'Deployment kube-system/hubble-ui: present',
        'ConfigMap kube-system/cilium-config: hubble-metrics-server=:9091',
        'ConfigMap kube-system/cilium-config: hubble-metrics=dns drop tcp flow icmp http',
      ],
    });
  });

  it('finds Relay and UI where GKE Dataplane V2 runs them (gke-managed-dpv2-observability)', () => {
    const result = run(observabilityHubble, golden('obs-gke-dpv2-hubble'));
    expect(result.status).toBe('pass');
    expect(result.evidence).toContain(
      'Deployment gke-managed-dpv2-observability/hubble-relay: present',
    );
    expect(result.evidence).toContain(
      'Deployment gke-managed-dpv2-observability/hubble-ui: present',
    );
  });

  it('warns the charm install, which ships hubble-relay but no hubble-ui', () => {
    const result = run(observabilityHubble, golden('obs-charm-cilium-1.16'));
    expect(result.status).toBe('warn');
    expect(result.recommendation).toBe(
      'Hubble runs on the agents (Deployment kube-system/hubble-relay: present; Deployments: no hubble-ui in kube-system or gke-managed-dpv2-observability, none labelled k8s-app=hubble-ui), but Hubble UI (hubble.ui.enabled=true) is missing: add it so flows can be queried cluster-wide and seen as a service map.',
    );
  });

  it('fails AKS 1.13 with enable-hubble=false and does not apply off Cilium', () => {
    expect(run(observabilityHubble, golden('obs-aks-hubble-off')).status).toBe(
      'fail',
    );
    expect(run(observabilityHubble, golden('obs-calico-manifest')).status).toBe(
      'not-applicable',
    );
  });
});

describe('observability.metrics', () => {
  it('accepts dynamic metrics (Cilium 1.17+) with source/destination context and a filtered http as configured; without Prometheus whether series arrive is not known (traffic/traffic.test.ts has the pass)', () => {
    expect(
      run(observabilityMetrics, golden('obs-aks-dynamic-metrics')),
    ).toMatchObject({
      status: 'not-applicable',
      recommendation: expect.stringMatching(
        /^Hubble is configured to export flow, drop, dns and http, flow and http labelled with source and destination; whether the series reach Prometheus is not known: connect Prometheus to check this/,
      ),
    });
  });

  it('warns the charm: its flow metric names neither source nor destination, so no service map', () => {
    const result = run(observabilityMetrics, golden('obs-charm-cilium-1.16'));
    expect(result.status).toBe('warn');
    expect(result.recommendation).toBe(
      'flow carries no source and destination workload (ConfigMap kube-system/cilium-config: hubble-metrics-server=:9965; ConfigMap kube-system/cilium-config: hubble-metrics=dns drop tcp flow port-distribution icmp httpV2:exemplars=true;labelsContext=source_ip,source_namespace,source_workload,destination_ip,destination_namespace,destination_workload,traffic_direction), so it cannot draw the service map or latency per service pair: add sourceContext=workload-name;destinationContext=workload-name (or labelsContext with source_workload and destination_workload) to flow in hubble.metrics.enabled.',
    );
  });

  it('warns the v1.9 install for flow and http without context', () => {
    expect(
      run(observabilityMetrics, golden('obs-cilium-1.9-quick')).recommendation,
    ).toMatch(/^flow and http carry no source and destination workload/);
  });

  it('warns AKS, which exports flow, tcp, dns and drop but no http', () => {
    const result = run(observabilityMetrics, golden('obs-aks-cilium-1.18'));
    expect(result.status).toBe('warn');
    expect(result.recommendation).toMatch(
      /^Hubble exports flow, tcp, dns, drop \(.*\); missing http\. Add httpV2 to hubble\.metrics\.enabled \(http fills only where targeted L7 visibility is on; on Cilium 1\.17\+ scope it to those workloads with includeFilters in the dynamic metrics\)\.$/,
    );
  });

  it('fails with Hubble off and is unknown without the Hubble fact', () => {
    expect(run(observabilityMetrics, golden('obs-aks-hubble-off')).status).toBe(
      'fail',
    );
    expect(
      run(
        observabilityMetrics,
        withUnreadable(golden('obs-aks-dynamic-metrics'), 'hubble'),
      ).status,
    ).toBe('unknown');
  });
});

describe('observability.dashboards', () => {
  it('passes all four linked, warns some, fails a production Cilium cluster with none', () => {
    expect(
      run(
        observabilityDashboards,
        withLinks(
          'obs-charm-cilium-1.16',
          'serviceMap',
          'errorRates',
          'latency',
          'policyDenials',
        ),
      ).status,
    ).toBe('pass');
    expect(
      run(
        observabilityDashboards,
        withLinks('obs-charm-cilium-1.16', 'serviceMap'),
      ).recommendation,
    ).toBe(
      '1 of the four dashboards is linked; missing: error rates, latency, policy denials. Build error rates, latency, policy denials from the Hubble metrics and link them with the network-scorecard.io/grafana-url annotation.',
    );
    const none = withLinks('obs-charm-cilium-1.16');
    expect(run(observabilityDashboards, none).status).toBe('fail');
    expect(
      run(observabilityDashboards, none, context({ lifecycle: 'staging' }))
        .status,
    ).toBe('warn');
  });

  it('never fails Calico for dashboards it cannot feed: warns with the reason and what to turn on', () => {
    const result = run(
      observabilityDashboards,
      withLinks('obs-calico-manifest'),
    );
    expect(result.status).toBe('warn');
    expect(result.recommendation).toBe(
      'None of the four dashboards (service map, error rates, latency, policy denials) is linked. Calico records connections, not HTTP requests, so error rates and latency have to come from application or ingress metrics; turn on Goldmane flow logs (Calico 3.30+: the operator CRs Goldmane and Whisker) and Felix metrics (prometheusMetricsEnabled: true in FelixConfiguration default) for the rest.',
    );
    expect(result.evidence).toContain(
      'Deployments calico-system: no goldmane (Calico 3.30+ operator CR Goldmane)',
    );
  });

  it('holds Calico with Goldmane and Felix metrics to the service map and policy denials only', () => {
    expect(
      run(observabilityDashboards, withLinks('obs-calico-goldmane')).status,
    ).toBe('fail');
    const mapped = run(
      observabilityDashboards,
      withLinks('obs-calico-goldmane', 'serviceMap', 'policyDenials'),
    );
    expect(mapped.status).toBe('warn');
    expect(mapped.recommendation).toBe(
      '2 of the four dashboards are linked; missing: error rates, latency. Calico records connections, not HTTP requests, so error rates and latency have to come from application or ingress metrics.',
    );
  });

  it('is unknown when what the CNI can feed cannot be read', () => {
    expect(
      run(
        observabilityDashboards,
        withUnreadable(
          withLinks('obs-calico-goldmane'),
          'calico.observability',
        ),
      ).status,
    ).toBe('unknown');
    expect(
      run(
        observabilityDashboards,
        withUnreadable(golden('obs-calico-goldmane'), 'dashboards'),
      ).status,
    ).toBe('unknown');
  });
});

describe('observability.l7-targeted', () => {
  it('passes the cluster-wide DNS-visibility policy: DNS rules are not L7 request parsing', () => {
    expect(
      run(observabilityL7Targeted, golden('obs-dns-visibility-clusterwide')),
    ).toMatchObject({
      status: 'pass',
      evidence: [
        'CiliumClusterwideNetworkPolicy dns-visibility: DNS rules only on every endpoint of the cluster (DNS visibility, no HTTP/Kafka/L7)',
        'proxy-visibility annotations not read: Cilium 1.16.10 no longer honours them (removed in 1.16)',
      ],
      recommendation:
        'No HTTP/Kafka/L7 visibility: flows first, L7 only for a service where flows are not enough.',
    });
  });

  it('fails HTTP rules whose selector (k8s-app Exists) names no workload', () => {
    const result = run(
      observabilityL7Targeted,
      golden('obs-http-visibility-exists'),
    );
    expect(result.status).toBe('fail');
    expect(result.recommendation).toMatch(
      /^HTTP\/Kafka\/L7 parsing reaches every pod of the cluster or of whole namespaces \(CiliumClusterwideNetworkPolicy http-visibility: HTTP\/Kafka\/L7 rules on every endpoint of the cluster\)\./,
    );
  });

  it('passes HTTP rules on selected workloads, and is unknown when policies cannot be read', () => {
    expect(
      run(observabilityL7Targeted, golden('obs-targeted-l7')),
    ).toMatchObject({
      status: 'pass',
      recommendation: 'L7 visibility is scoped to specific workloads.',
    });
    expect(
      run(
        observabilityL7Targeted,
        withUnreadable(golden('obs-targeted-l7'), 'l7Visibility.details'),
      ).status,
    ).toBe('unknown');
  });
});

describe('observability.app-tracing', () => {
  it('fails legacy Istio tracing at 100 % (enableTracing, defaultConfig.tracing.sampling)', () => {
    const result = run(
      observabilityAppTracing,
      golden('obs-istio-legacy-tracing'),
    );
    expect(result.status).toBe('fail');
    expect(result.recommendation).toBe(
      'The mesh traces 100 % of requests cluster-wide (ConfigMap istio-system/istio: mesh.enableTracing=true; ConfigMap istio-system/istio: mesh.defaultConfig.tracing.sampling=100) without a per-request-observability requirement. Lower the mesh-wide sampling (around 1 %) or drop it, and instrument requests in the applications with OpenTelemetry.',
    );
  });

  it('passes a root Telemetry at 1 % next to the Helm chart collector', () => {
    expect(
      run(observabilityAppTracing, golden('obs-istio-telemetry-1pct')),
    ).toMatchObject({
      status: 'pass',
      recommendation:
        'An OpenTelemetry collector receives application traces. The mesh samples only 1 % of requests cluster-wide, which is fine.',
    });
  });

  it('fails a root Telemetry at 100 %, warns it when per-request observability is required', () => {
    const facts = golden('obs-istio-telemetry-100pct');
    expect(run(observabilityAppTracing, facts).status).toBe('fail');
    expect(
      run(
        observabilityAppTracing,
        facts,
        requiring('per-request-observability'),
      ).status,
    ).toBe('warn');
  });

  it('warns without a collector and is unknown without the tracing fact', () => {
    expect(
      run(observabilityAppTracing, golden('obs-charm-cilium-1.16')).status,
    ).toBe('warn');
    expect(
      run(
        observabilityAppTracing,
        withUnreadable(golden('obs-istio-telemetry-1pct'), 'tracing'),
      ).status,
    ).toBe('unknown');
  });
});
