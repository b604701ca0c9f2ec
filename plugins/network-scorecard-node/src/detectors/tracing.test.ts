import {
  factsOf,
  find,
  fixtures,
  object,
  withNamespace,
} from '../__testUtils__/fixtures';

const istio = () => [
  object('v1', 'Namespace', 'istio-system'),
  find(fixtures('istio/pilot_default.golden.yaml'), 'Deployment', 'istiod'),
];

describe('detectTracing', () => {
  it('finds the operator-rendered collector Deployment by its component label', async () => {
    const facts = await factsOf(
      fixtures('opentelemetry/build_collector_base.yaml'),
    );
    expect(facts.tracing).toEqual({
      value: { otelCollector: true, meshTracingGlobal: false },
      evidence: [
        'Deployment test/test-collector: label app.kubernetes.io/component=opentelemetry-collector',
        'no Istio control plane: no mesh tracing',
      ],
    });
  });

  it('finds OpenTelemetryCollector resources', async () => {
    const facts = await factsOf(
      withNamespace(
        fixtures('opentelemetry/core_v1beta1_opentelemetrycollector.yaml'),
        'observability',
      ),
    );
    expect(facts.tracing?.value?.otelCollector).toBe(true);
    expect(facts.tracing?.evidence[0]).toBe(
      'OpenTelemetryCollector observability/otel',
    );
  });

  it('reads 100 % sampling in a root-namespace Telemetry as mesh-wide tracing', async () => {
    const facts = await factsOf([
      ...istio(),
      ...withNamespace(
        fixtures('istio/telemetry-otel-tracing.yaml'),
        'istio-system',
      ),
    ]);
    expect(facts.tracing).toEqual({
      value: { otelCollector: false, meshTracingGlobal: true },
      evidence: [
        'no OpenTelemetry collector (label app.kubernetes.io/component=opentelemetry-collector, or OpenTelemetryCollector)',
        'Telemetry istio-system/otel-tracing: mesh-wide tracing, randomSamplingPercentage=100',
      ],
    });
  });

  it('does not count a namespaced Telemetry, 0 % sampling or access logging as mesh-wide tracing', async () => {
    const scoped = await factsOf([
      ...istio(),
      ...withNamespace(
        fixtures('istio/telemetry-otel-tracing.yaml'),
        'card-vault',
      ),
    ]);
    expect(scoped.tracing?.value?.meshTracingGlobal).toBe(false);
    const zero = await factsOf([
      ...istio(),
      ...withNamespace(
        fixtures('istio/telemetry-sample-tracing.yaml'),
        'istio-system',
      ),
    ]);
    expect(zero.tracing?.value?.meshTracingGlobal).toBe(false);
    expect(zero.tracing?.evidence).toContain(
      'Telemetry istio-system/otel-demo: mesh-wide tracing randomSamplingPercentage=0',
    );
    const logging = await factsOf([
      ...istio(),
      ...fixtures('istio/telemetry-mesh-logging.yaml'),
    ]);
    expect(logging.tracing?.value?.meshTracingGlobal).toBe(false);
  });
});
