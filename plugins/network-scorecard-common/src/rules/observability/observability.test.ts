import {
  ALL_DASHBOARDS,
  calicoIptables,
  ciliumAks,
  ciliumCharm,
  context,
  istioAmbientOnCilium,
  istioSidecarOnCalico,
  merge,
  requiring,
  set,
  unknown,
} from '../__fixtures__/clusters';
import { cilium } from '../__fixtures__/cni';
import { dashboards, otelCollector } from '../__fixtures__/platform';
import { run } from '../__fixtures__/run';
import {
  observabilityAppTracing,
  observabilityDashboards,
  observabilityHubble,
  observabilityL7Targeted,
  observabilityMetrics,
} from '.';

describe('observability.hubble', () => {
  it('passes the v1.9 install with Hubble, hubble-relay and hubble-ui', () => {
    expect(run(observabilityHubble, istioAmbientOnCilium())).toMatchObject({
      status: 'pass',
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-hubble=true',
        'ConfigMap kube-system/cilium-config: hubble-metrics=dns,drop,tcp,flow,icmp,http',
        'Deployment kube-system/hubble-relay: present',
        'Deployment kube-system/hubble-ui: present',
      ],
    });
  });

  it('warns the charm install, which ships hubble-relay but no hubble-ui', () => {
    const result = run(observabilityHubble, ciliumCharm());
    expect(result.status).toBe('warn');
    expect(result.recommendation).toBe(
      'Hubble runs on the agents (Deployment kube-system/hubble-relay: present; Deployment hubble-ui: not found), but Hubble UI (hubble.ui.enabled=true) is missing: add it so flows can be queried cluster-wide and seen as a service map.',
    );
  });

  it('fails AKS 1.13 with enable-hubble=false', () => {
    const aks113 = cilium([
      'cilium/aks-acn-v1.13-cilium-config.yaml',
      'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
    ]);
    expect(
      run(observabilityHubble, merge(ciliumAks(), aks113.facts)).status,
    ).toBe('fail');
  });

  it('does not apply off Cilium', () => {
    expect(run(observabilityHubble, calicoIptables()).status).toBe(
      'not-applicable',
    );
  });
});

describe('observability.metrics', () => {
  it('passes the charm metrics list (dns drop tcp flow port-distribution icmp httpV2)', () => {
    expect(run(observabilityMetrics, ciliumCharm()).status).toBe('pass');
  });

  it('warns AKS, which exports flow, tcp, dns and drop but no http', () => {
    const result = run(observabilityMetrics, ciliumAks());
    expect(result.status).toBe('warn');
    expect(result.recommendation).toContain(
      'Hubble exports flow, tcp, dns, drop',
    );
    expect(result.recommendation).toContain(
      'missing http. Add httpV2 to hubble.metrics.enabled',
    );
  });

  it('is unknown without the Hubble fact', () => {
    expect(
      run(observabilityMetrics, merge(ciliumAks(), unknown('hubble'))).status,
    ).toBe('unknown');
  });
});

describe('observability.dashboards', () => {
  it('passes when the Hubble dashboards cover all four views', () => {
    const result = run(observabilityDashboards, ciliumAks());
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([
      'Grafana dashboard "Hubble / Network Overview (Namespace)" (uid nlsO8tYVz): linked as serviceMap',
      'Grafana dashboard "Hubble L7 HTTP Metrics by Workload" (uid 3g264CZVz): linked as errorRates, latency',
      'Grafana dashboard "Hubble / DNS Overview (Namespace)" (uid _f0DUpY4k): linked as policyDenials',
    ]);
  });

  it('warns with some and fails production with none', () => {
    const partial = merge(ciliumAks(), dashboards([ALL_DASHBOARDS[0]]));
    expect(run(observabilityDashboards, partial).recommendation).toBe(
      '1 of the four dashboards is linked; missing: error rates, latency, policy denials. Build them from the Hubble metrics and link them with the network-scorecard.io/grafana-url annotation.',
    );
    expect(run(observabilityDashboards, ciliumCharm()).status).toBe('fail');
    expect(
      run(
        observabilityDashboards,
        ciliumCharm(),
        context({ lifecycle: 'staging' }),
      ).status,
    ).toBe('warn');
  });
});

describe('observability.l7-targeted', () => {
  it('passes L7 rules scoped by a CiliumNetworkPolicy endpointSelector', () => {
    expect(run(observabilityL7Targeted, istioAmbientOnCilium())).toMatchObject({
      status: 'pass',
      evidence: [
        'CiliumNetworkPolicy mutual-auth-echo: L7 http rule on selected endpoints',
      ],
    });
  });

  it('fails cluster-wide L7 visibility', () => {
    const global = merge(
      ciliumCharm(),
      set('l7Visibility', 'global', [
        'CiliumClusterwideNetworkPolicy l7-visibility: http rule on every endpoint',
      ]),
    );
    expect(run(observabilityL7Targeted, global).status).toBe('fail');
  });
});

describe('observability.app-tracing', () => {
  it('passes an OpenTelemetry collector without mesh tracing', () => {
    expect(run(observabilityAppTracing, ciliumAks())).toMatchObject({
      status: 'pass',
      evidence: [
        'Deployment test/test-collector: app.kubernetes.io/component=opentelemetry-collector',
      ],
    });
  });

  it('fails an Istio Telemetry sampling 100 % mesh-wide, unless per-request observability is required', () => {
    const facts = istioSidecarOnCalico({ tracingNamespace: 'istio-system' });
    const result = run(observabilityAppTracing, facts);
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      'Telemetry istio-system/otel-tracing: randomSamplingPercentage=100',
    ]);
    expect(
      run(
        observabilityAppTracing,
        facts,
        requiring('per-request-observability'),
      ).status,
    ).toBe('warn');
  });

  it('does not call namespace-scoped tracing mesh-wide; warns without a collector', () => {
    expect(run(observabilityAppTracing, istioAmbientOnCilium()).status).toBe(
      'warn',
    );
    expect(
      run(
        observabilityAppTracing,
        merge(istioAmbientOnCilium(), otelCollector()),
      ).status,
    ).toBe('pass');
  });
});
