import {
  factsOf,
  find,
  fixtures,
  object,
  patched,
  withNamespace,
} from '../__testUtils__/fixtures';
import { VARIANTS } from '../__fixtures__/variants';
import { KubeObject } from '../reader/types';

const golden = () => fixtures('istio/pilot_default.golden.yaml');

/** istiod only (its mesh ConfigMap absent: Istio's defaults, root namespace istio-system). */
const istio = () => [
  object('v1', 'Namespace', 'istio-system'),
  find(golden(), 'Deployment', 'istiod'),
];

/** istiod with its mesh ConfigMap, the mesh text changed. */
function istioWithMesh(
  change: (text: string) => string,
  pilotSampling?: string,
): KubeObject[] {
  const all = golden();
  return [
    object('v1', 'Namespace', 'istio-system'),
    patched(find(all, 'Deployment', 'istiod'), d => {
      if (pilotSampling === undefined) return;
      d.spec.template.spec.containers[0].env.find(
        (e: any) => e.name === 'PILOT_TRACE_SAMPLING',
      ).value = pilotSampling;
    }),
    patched(find(all, 'ConfigMap', 'istio'), c => {
      c.data.mesh = change(c.data.mesh);
    }),
  ];
}

const NO_COLLECTOR =
  'no OpenTelemetry collector (labels app.kubernetes.io/component=opentelemetry-collector or app.kubernetes.io/name=opentelemetry-collector, or OpenTelemetryCollector)';

describe('detectTracing: collectors', () => {
  it('finds the operator-rendered collector Deployment by its component label', async () => {
    const facts = await factsOf(
      fixtures('opentelemetry/build_collector_base.yaml'),
    );
    expect(facts.tracing).toEqual({
      value: {
        otelCollector: true,
        meshTracingGlobal: false,
        meshSamplingPercent: null,
      },
      evidence: [
        'Deployment test/test-collector: label app.kubernetes.io/component=opentelemetry-collector',
        'no Istio control plane: no mesh tracing',
      ],
    });
  });

  it('finds the collector of the official Helm chart by its name label', async () => {
    const facts = await factsOf(
      fixtures('opentelemetry/helm-chart-deployment-otlp-traces-rendered.yaml'),
    );
    expect(facts.tracing?.value?.otelCollector).toBe(true);
    expect(facts.tracing?.evidence[0]).toBe(
      'Deployment default/example-opentelemetry-collector: label app.kubernetes.io/name=opentelemetry-collector',
    );
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
});

describe('detectTracing: mesh-wide sampling', () => {
  it('reads 100 % sampling in a root-namespace Telemetry', async () => {
    const facts = await factsOf([
      ...istio(),
      ...withNamespace(
        fixtures('istio/telemetry-otel-tracing.yaml'),
        'istio-system',
      ),
    ]);
    expect(facts.tracing).toEqual({
      value: {
        otelCollector: false,
        meshTracingGlobal: true,
        meshSamplingPercent: 100,
      },
      evidence: [
        NO_COLLECTOR,
        'Telemetry istio-system/otel-tracing: mesh-wide tracing, randomSamplingPercentage=100',
      ],
    });
  });

  it('reports a root Telemetry at 1 % as 1 %', async () => {
    const facts = await factsOf(VARIANTS['obs-istio-telemetry-1pct'].objects());
    expect(facts.tracing?.value).toEqual({
      otelCollector: true,
      meshTracingGlobal: true,
      meshSamplingPercent: 1,
    });
  });

  it('reads the legacy mesh config: enableTracing and defaultConfig.tracing.sampling', async () => {
    const facts = await factsOf(VARIANTS['obs-istio-legacy-tracing'].objects());
    expect(facts.tracing).toEqual({
      value: {
        otelCollector: false,
        meshTracingGlobal: true,
        meshSamplingPercent: 100,
      },
      evidence: [
        NO_COLLECTOR,
        'ConfigMap istio-system/istio: mesh.enableTracing=true',
        'ConfigMap istio-system/istio: mesh.defaultConfig.tracing.sampling=100',
      ],
    });
  });

  it("reads the demo profile's PILOT_TRACE_SAMPLING=100 on istiod when the mesh config sets no rate", async () => {
    const facts = await factsOf(istioWithMesh(text => text, '100'));
    expect(facts.tracing?.value).toMatchObject({
      meshTracingGlobal: true,
      meshSamplingPercent: 100,
    });
    expect(facts.tracing?.evidence.slice(1)).toEqual([
      'ConfigMap istio-system/istio: mesh.enableTracing absent (Istio default true)',
      'Deployment istio-system/istiod: env PILOT_TRACE_SAMPLING=100',
    ]);
  });

  it('takes the default rate for a root Telemetry that sets none', async () => {
    const telemetry = patched(
      withNamespace(
        fixtures('istio/telemetry-otel-tracing.yaml'),
        'istio-system',
      )[0],
      t => {
        delete t.spec.tracing[0].randomSamplingPercentage;
      },
    );
    const facts = await factsOf([
      ...istioWithMesh(text =>
        text
          .replace(
            'rootNamespace: istio-control',
            'rootNamespace: istio-system',
          )
          .replace(
            'defaultConfig:\n',
            'defaultConfig:\n  tracing:\n    sampling: 10\n',
          ),
      ),
      telemetry,
    ]);
    expect(facts.tracing?.value?.meshSamplingPercent).toBe(10);
    expect(facts.tracing?.evidence.slice(1)).toEqual([
      'Telemetry istio-system/otel-tracing: mesh-wide tracing, randomSamplingPercentage=(unset: 10)',
      'ConfigMap istio-system/istio: mesh.defaultConfig.tracing.sampling=10',
    ]);
  });

  it("does not call Istio's golden install (PILOT_TRACE_SAMPLING 1, no tracer) mesh-wide tracing", async () => {
    const facts = await factsOf(istioWithMesh(text => text));
    expect(facts.tracing?.value?.meshTracingGlobal).toBe(false);
    expect(facts.tracing?.evidence.at(-1)).toBe(
      'ConfigMap istio-system/istio: no default tracing provider, no legacy tracing; no mesh-wide Telemetry in istio-control',
    );
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
    expect(zero.tracing?.value).toMatchObject({
      meshTracingGlobal: false,
      meshSamplingPercent: null,
    });
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
