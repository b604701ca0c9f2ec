import { TracingFact } from '@network-scorecard/common';
import { parse } from 'yaml';
import { listAll } from '../reader/paging';
import { RESOURCES, builtIn } from '../reader/resources';
import { ClusterReader, KubeObject, ReadFailure } from '../reader/types';
import { Detector, guarded, known } from './support/facts';
import {
  IstioInstall,
  findIstio,
  meshConfig,
  meshConfigName,
} from './support/istio';
import {
  asArray,
  asString,
  capped,
  dig,
  envValue,
  labels,
  mainContainer,
  ref,
} from './support/objects';
import { customObjects, daemonSets } from './support/workloads';

/** The OpenTelemetry operator labels the collectors it renders with this component. */
const OPERATOR_LABEL = [
  'app.kubernetes.io/component',
  'opentelemetry-collector',
];
/** The official Helm chart (open-telemetry/opentelemetry-helm-charts) names its workloads so. */
const CHART_LABEL = ['app.kubernetes.io/name', 'opentelemetry-collector'];
const COLLECTOR_LABELS = [OPERATOR_LABEL, CHART_LABEL];

function collectorLabel(o: KubeObject): string | undefined {
  const match = COLLECTOR_LABELS.find(([k, v]) => labels(o)[k] === v);
  return match ? `${match[0]}=${match[1]}` : undefined;
}

async function otelCollectors(reader: ClusterReader): Promise<string[]> {
  const labelled = (o: KubeObject, kind: string) =>
    `${ref(o, kind)}: label ${collectorLabel(o)}`;
  // Settle every list before failing, so no request outlives the scan.
  const lists = await Promise.allSettled(
    COLLECTOR_LABELS.map(([k, v]) =>
      listAll(reader, builtIn(RESOURCES.Deployment), {
        labelSelector: `${k}=${v}`,
      }),
    ),
  );
  const failed = lists.find(
    (l): l is PromiseRejectedResult => l.status === 'rejected',
  );
  if (failed) throw failed.reason;
  const deployments = lists.flatMap(l =>
    l.status === 'fulfilled' ? l.value : [],
  );
  const seen = new Set<string>();
  return [
    ...(await daemonSets(reader))
      .filter(collectorLabel)
      .map(d => labelled(d, 'DaemonSet')),
    ...deployments
      .filter(d => {
        const key = ref(d, 'Deployment');
        return !seen.has(key) && !!seen.add(key);
      })
      .map(d => labelled(d, 'Deployment')),
    ...(await customObjects(reader, RESOURCES.OpenTelemetryCollector)).map(c =>
      ref(c, 'OpenTelemetryCollector'),
    ),
  ];
}

function percent(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** The mesh config as istiod reads it (its ConfigMap, key mesh); {} when absent. */
async function rawMesh(
  reader: ClusterReader,
  istio: IstioInstall,
): Promise<{ mesh: unknown; ref: string }> {
  const name = meshConfigName(istio);
  try {
    const cm = await reader.get(
      builtIn(RESOURCES.ConfigMap),
      name,
      istio.namespace,
    );
    return {
      mesh: parse(asString(dig(cm, 'data', 'mesh')) ?? '') ?? {},
      ref: ref(cm, 'ConfigMap'),
    };
  } catch (error) {
    if (error instanceof ReadFailure && error.kind === 'not-found')
      return { mesh: {}, ref: `ConfigMap ${istio.namespace}/${name}` };
    throw error;
  }
}

interface MeshTracing {
  global: boolean;
  sampling: number | null;
  evidence: string[];
}

/**
 * The rate a mesh-wide trace samples when nothing more specific sets it:
 * mesh.defaultConfig.tracing.sampling, else istiod's PILOT_TRACE_SAMPLING,
 * else Istio's default of 1 %.
 */
function defaultSampling(
  mesh: unknown,
  meshRef: string,
  istiod: KubeObject,
): { rate: number; explicitPilot: boolean; evidence: string } {
  const fromMesh = percent(dig(mesh, 'defaultConfig', 'tracing', 'sampling'));
  if (fromMesh !== undefined)
    return {
      rate: fromMesh,
      explicitPilot: false,
      evidence: `${meshRef}: mesh.defaultConfig.tracing.sampling=${fromMesh}`,
    };
  const env = envValue(
    mainContainer(istiod, 'discovery'),
    'PILOT_TRACE_SAMPLING',
  );
  const fromPilot = percent(env);
  if (fromPilot !== undefined)
    return {
      rate: fromPilot,
      explicitPilot: true,
      evidence: `${ref(istiod, 'Deployment')}: env PILOT_TRACE_SAMPLING=${env}`,
    };
  return {
    rate: 1,
    explicitPilot: false,
    evidence: `${ref(
      istiod,
      'Deployment',
    )}: PILOT_TRACE_SAMPLING unset (Istio default 1 %)`,
  };
}

/** Root-namespace Telemetries without a selector or targetRefs apply to every workload. */
function meshWide(t: KubeObject): boolean {
  const spec = dig(t, 'spec');
  return (
    Object.keys((dig(spec, 'selector', 'matchLabels') as object) ?? {})
      .length === 0 &&
    asArray(dig(spec, 'targetRefs')).length === 0 &&
    dig(spec, 'targetRef') === undefined
  );
}

/**
 * Istio tracing for every workload and the share of requests it samples. A
 * mesh-wide Telemetry decides when it configures tracing (its
 * randomSamplingPercentage, else the default rate); otherwise default
 * tracing providers, or the legacy enableTracing / defaultConfig.tracing.
 */
async function meshTracing(reader: ClusterReader): Promise<MeshTracing> {
  const istio = await findIstio(reader);
  if (!istio || istio.istiod.length === 0)
    return {
      global: false,
      sampling: null,
      evidence: ['no Istio control plane: no mesh tracing'],
    };
  const config = await meshConfig(reader, istio);
  const { mesh, ref: meshRef } = await rawMesh(reader, istio);
  const fallback = defaultSampling(mesh, meshRef, istio.istiod[0]);
  const telemetries = (
    await customObjects(reader, RESOURCES.Telemetry, config.rootNamespace)
  ).filter(meshWide);
  const entries = telemetries.flatMap(t =>
    asArray(dig(t, 'spec', 'tracing')).map(tracing => ({ t, tracing })),
  );
  if (entries.length > 0) {
    const evidence: string[] = [];
    const rates: number[] = [];
    for (const { t, tracing } of entries) {
      const explicit = percent(dig(tracing, 'randomSamplingPercentage'));
      const off = dig(tracing, 'disableSpanReporting') === true;
      const rate = explicit ?? fallback.rate;
      if (off || rate === 0) {
        evidence.push(
          `${ref(t, 'Telemetry')}: mesh-wide tracing ${
            off ? 'disabled' : 'randomSamplingPercentage=0'
          }`,
        );
        continue;
      }
      rates.push(rate);
      evidence.push(
        `${ref(t, 'Telemetry')}: mesh-wide tracing, randomSamplingPercentage=${
          explicit ?? `(unset: ${fallback.rate})`
        }`,
      );
      if (explicit === undefined) evidence.push(fallback.evidence);
    }
    return rates.length
      ? { global: true, sampling: Math.max(...rates), evidence }
      : { global: false, sampling: null, evidence };
  }
  const enable = dig(mesh, 'enableTracing');
  // Istio's mesh default is enableTracing: true; a tracer in
  // defaultConfig.tracing, or a raised PILOT_TRACE_SAMPLING (the demo
  // profile), means the legacy tracing is in use.
  const legacy =
    enable !== false &&
    (enable === true ||
      dig(mesh, 'defaultConfig', 'tracing') !== undefined ||
      (fallback.explicitPilot && fallback.rate > 1));
  const providers = config.defaultTracingProviders;
  if (!legacy && providers.length === 0) {
    return {
      global: false,
      sampling: null,
      evidence: [
        enable === false
          ? `${meshRef}: mesh.enableTracing=false`
          : `${meshRef}: no default tracing provider, no legacy tracing; no mesh-wide Telemetry in ${config.rootNamespace}`,
      ],
    };
  }
  return {
    global: true,
    sampling: fallback.rate,
    evidence: [
      ...(providers.length
        ? config.evidence.filter(e => e.includes('defaultProviders'))
        : []),
      ...(legacy
        ? [
            enable === true
              ? `${meshRef}: mesh.enableTracing=true`
              : `${meshRef}: mesh.enableTracing absent (Istio default true)`,
          ]
        : []),
      fallback.evidence,
    ],
  };
}

/** Fact tracing: OpenTelemetry collectors, and mesh-wide infrastructure tracing with its sampling rate. */
export const detectTracing: Detector = async reader => ({
  tracing: await guarded(async () => {
    const collectors = await otelCollectors(reader);
    const mesh = await meshTracing(reader);
    const evidence = collectors.length
      ? capped(collectors, 5)
      : [
          `no OpenTelemetry collector (labels ${COLLECTOR_LABELS.map(l =>
            l.join('='),
          ).join(' or ')}, or OpenTelemetryCollector)`,
        ];
    return known<TracingFact>(
      {
        otelCollector: collectors.length > 0,
        meshTracingGlobal: mesh.global,
        meshSamplingPercent: mesh.global ? mesh.sampling : null,
      },
      [...evidence, ...mesh.evidence],
    );
  }),
});
