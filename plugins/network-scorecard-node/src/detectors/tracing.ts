import { TracingFact } from '@network-scorecard/common';
import { listAll } from '../reader/paging';
import { RESOURCES, builtIn } from '../reader/resources';
import { ClusterReader, KubeObject } from '../reader/types';
import { Detector, guarded, known } from './support/facts';
import { findIstio, meshConfig } from './support/istio';
import { asArray, capped, dig, labels, ref } from './support/objects';
import { customObjects, daemonSets } from './support/workloads';

const COLLECTOR_LABEL = 'app.kubernetes.io/component=opentelemetry-collector';

function isCollector(o: KubeObject): boolean {
  return labels(o)['app.kubernetes.io/component'] === 'opentelemetry-collector';
}

async function otelCollectors(reader: ClusterReader): Promise<string[]> {
  const found: string[] = [];
  const labelled = (o: KubeObject, kind: string) =>
    `${ref(o, kind)}: label ${COLLECTOR_LABEL}`;
  found.push(
    ...(await daemonSets(reader))
      .filter(isCollector)
      .map(d => labelled(d, 'DaemonSet')),
  );
  const deployments = await listAll(reader, builtIn(RESOURCES.Deployment), {
    labelSelector: COLLECTOR_LABEL,
  });
  found.push(...deployments.map(d => labelled(d, 'Deployment')));
  found.push(
    ...(await customObjects(reader, RESOURCES.OpenTelemetryCollector)).map(c =>
      ref(c, 'OpenTelemetryCollector'),
    ),
  );
  return found;
}

function hasSelector(o: KubeObject): boolean {
  return (
    Object.keys((dig(o, 'spec', 'selector', 'matchLabels') as object) ?? {})
      .length > 0
  );
}

/**
 * Istio tracing for every workload: a Telemetry in the root namespace without
 * a selector whose tracing samples requests, or default tracing providers in
 * the mesh config.
 */
async function meshTracing(
  reader: ClusterReader,
): Promise<{ global: boolean; evidence: string[] }> {
  const istio = await findIstio(reader);
  if (!istio || istio.istiod.length === 0)
    return {
      global: false,
      evidence: ['no Istio control plane: no mesh tracing'],
    };
  const config = await meshConfig(reader, istio);
  const evidence: string[] = [];
  let global = config.defaultTracingProviders.length > 0;
  if (global)
    evidence.push(
      ...config.evidence.filter(e => e.includes('defaultProviders')),
    );
  const telemetries = await customObjects(
    reader,
    RESOURCES.Telemetry,
    config.rootNamespace,
  );
  for (const t of telemetries.filter(x => !hasSelector(x))) {
    for (const tracing of asArray(dig(t, 'spec', 'tracing'))) {
      const sampling = dig(tracing, 'randomSamplingPercentage');
      const disabled = dig(tracing, 'disableSpanReporting') === true;
      const rate = typeof sampling === 'number' ? sampling : undefined;
      if (disabled || rate === 0) {
        evidence.push(
          `${ref(t, 'Telemetry')}: mesh-wide tracing ${
            disabled ? 'disabled' : 'randomSamplingPercentage=0'
          }`,
        );
        global = false;
        continue;
      }
      global = true;
      evidence.push(
        `${ref(t, 'Telemetry')}: mesh-wide tracing, randomSamplingPercentage=${
          rate ?? '(mesh default)'
        }`,
      );
    }
  }
  if (evidence.length === 0)
    evidence.push(`Telemetry in ${config.rootNamespace}: no mesh-wide tracing`);
  return { global, evidence };
}

/** Fact tracing: OpenTelemetry collectors and mesh-wide infrastructure tracing. */
export const detectTracing: Detector = async reader => ({
  tracing: await guarded(async () => {
    const collectors = await otelCollectors(reader);
    const mesh = await meshTracing(reader);
    const evidence = collectors.length
      ? capped(collectors, 5)
      : [
          `no OpenTelemetry collector (label ${COLLECTOR_LABEL}, or OpenTelemetryCollector)`,
        ];
    return known<TracingFact>(
      { otelCollector: collectors.length > 0, meshTracingGlobal: mesh.global },
      [...evidence, ...mesh.evidence],
    );
  }),
});
