import { requiring, withUnreadable } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import { apGlobalL7Visibility, apInfraTracingEverywhere } from '.';

describe('ap.global-l7-visibility', () => {
  it('is clear for the cluster-wide DNS-visibility policy with a filtered http metric', () => {
    const result = run(
      apGlobalL7Visibility,
      golden('obs-dns-visibility-clusterwide'),
    );
    expect(result.status).toBe('clear');
    expect(result.evidence).not.toContainEqual(
      expect.stringMatching(/every pod/),
    );
  });

  it('detects HTTP rules on every pod (k8s-app Exists) and names the policy, not the DNS one', () => {
    expect(
      run(apGlobalL7Visibility, golden('obs-http-visibility-exists')),
    ).toEqual({
      status: 'detected',
      evidence: [
        'CiliumClusterwideNetworkPolicy http-visibility: HTTP/Kafka/L7 rules on every endpoint of the cluster',
      ],
    });
  });

  it('does not call an unfiltered http metric global on its own: it only records what the L7 proxy sees', () => {
    const charm = run(apGlobalL7Visibility, golden('obs-charm-cilium-1.16'));
    expect(charm.status).toBe('clear');
    expect(charm.evidence).toContain(
      'Hubble http metric without a per-workload filter (includeFilters): it records only what reaches the L7 proxy, so it is as wide as the L7 visibility',
    );
    expect(
      run(apGlobalL7Visibility, golden('obs-aks-dynamic-metrics')).status,
    ).toBe('clear');
    expect(run(apGlobalL7Visibility, golden('obs-targeted-l7')).status).toBe(
      'clear',
    );
  });

  it('is unknown when the L7 reach cannot be read; unreadable metrics alone decide nothing', () => {
    const facts = golden('obs-targeted-l7');
    expect(
      run(apGlobalL7Visibility, withUnreadable(facts, 'l7Visibility.details'))
        .status,
    ).toBe('unknown');
    expect(
      run(apGlobalL7Visibility, withUnreadable(facts, 'hubble')).status,
    ).toBe('clear');
  });
});

describe('ap.infra-tracing-everywhere', () => {
  it('detects legacy Istio tracing at 100 % (mesh config and demo-profile PILOT_TRACE_SAMPLING)', () => {
    expect(
      run(apInfraTracingEverywhere, golden('obs-istio-legacy-tracing')),
    ).toEqual({
      status: 'detected',
      evidence: [
        'no OpenTelemetry collector (labels app.kubernetes.io/component=opentelemetry-collector or app.kubernetes.io/name=opentelemetry-collector, or OpenTelemetryCollector)',
        'ConfigMap istio-system/istio: mesh.enableTracing=true',
        'ConfigMap istio-system/istio: mesh.defaultConfig.tracing.sampling=100',
        'catalog: network-scorecard.io/requirements=(none)',
      ],
    });
  });

  it('is clear for a root Telemetry sampling 1 %: low sampling is not tracing every request', () => {
    expect(
      run(apInfraTracingEverywhere, golden('obs-istio-telemetry-1pct')).status,
    ).toBe('clear');
  });

  it('detects a root Telemetry at 100 % unless per-request observability is declared', () => {
    const facts = golden('obs-istio-telemetry-100pct');
    expect(run(apInfraTracingEverywhere, facts).status).toBe('detected');
    expect(
      run(
        apInfraTracingEverywhere,
        facts,
        requiring('per-request-observability'),
      ).status,
    ).toBe('clear');
    expect(
      run(apInfraTracingEverywhere, withUnreadable(facts, 'tracing')).status,
    ).toBe('unknown');
  });
});
