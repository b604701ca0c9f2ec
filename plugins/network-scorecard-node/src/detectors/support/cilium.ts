import { HubbleMetric } from '@network-scorecard/common';
import { RESOURCES, builtIn } from '../../reader/resources';
import { ClusterReader, KubeObject } from '../../reader/types';
import {
  asArray,
  dig,
  imageVersion,
  isTrue,
  labels,
  mainContainer,
  ref,
  withoutDigest,
} from './objects';
import { daemonSets } from './workloads';

/** The Cilium agent DaemonSet, if Cilium runs here. */
export async function findCilium(
  reader: ClusterReader,
): Promise<KubeObject | undefined> {
  return (await daemonSets(reader)).find(
    ds => ds.metadata.name === 'cilium' || labels(ds)['k8s-app'] === 'cilium',
  );
}

export function ciliumImageEvidence(ds: KubeObject): {
  version: string | null;
  evidence: string;
} {
  const image = mainContainer(ds, 'cilium-agent')?.image;
  return {
    version: imageVersion(image),
    evidence: `${ref(ds, 'DaemonSet')}: image ${
      image ? withoutDigest(image) : '(none)'
    }`,
  };
}

/**
 * The agent's settings (ConfigMap cilium-config). A missing key means the
 * Helm chart's default for it, never an error.
 */
export class CiliumConfig {
  constructor(
    readonly object: KubeObject,
    private readonly data: Record<string, string>,
  ) {}

  get ref(): string {
    return ref(this.object, 'ConfigMap');
  }

  value(key: string): string | undefined {
    const raw = this.data[key];
    return raw === undefined ? undefined : raw.trim();
  }

  /** "ConfigMap kube-system/cilium-config: enable-hubble=true" or "…: enable-hubble absent (default false)" */
  evidence(key: string, chartDefault?: string): string {
    const v = this.value(key);
    if (v !== undefined) return `${this.ref}: ${key}=${v.replace(/\s+/g, ' ')}`;
    return `${this.ref}: ${key} absent${
      chartDefault !== undefined ? ` (chart default ${chartDefault})` : ''
    }`;
  }

  /** A boolean key, its chart default when absent, and the evidence for it. */
  flag(key: string, chartDefault = false): { on: boolean; evidence: string } {
    const v = this.value(key);
    return {
      on: v === undefined ? chartDefault : isTrue(v),
      evidence: this.evidence(key, String(chartDefault)),
    };
  }
}

/**
 * cilium-config of the namespace Cilium runs in; undefined when Cilium does
 * not run. A missing or unreadable ConfigMap throws (the facts built on it are unknown).
 */
export async function ciliumConfig(
  reader: ClusterReader,
): Promise<CiliumConfig | undefined> {
  const ds = await findCilium(reader);
  if (!ds) return undefined;
  const cm = await reader.get(
    builtIn(RESOURCES.ConfigMap),
    'cilium-config',
    ds.metadata.namespace,
  );
  return new CiliumConfig(
    cm,
    (cm.data as Record<string, string> | undefined) ?? {},
  );
}

export type KubeProxyReplacement = 'replaced' | 'hybrid' | 'off';

/** kube-proxy-replacement: true/strict replace it, partial/probe share the work, false/disabled or absent leave it. */
export function kubeProxyReplacement(config: CiliumConfig): {
  mode: KubeProxyReplacement;
  evidence: string;
} {
  const v = config.value('kube-proxy-replacement')?.toLowerCase();
  const evidence = config.evidence('kube-proxy-replacement', 'false');
  if (v === 'true' || v === 'strict') return { mode: 'replaced', evidence };
  if (v === 'partial' || v === 'probe') return { mode: 'hybrid', evidence };
  return { mode: 'off', evidence };
}

/** "1.16.10" -> true for (1, 16); null when the version is not numeric (a dev tag, a placeholder). */
export function versionAtLeast(
  version: string | null,
  major: number,
  minor: number,
): boolean | null {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return null;
  const [maj, min] = [Number(m[1]), Number(m[2])];
  return maj > major || (maj === major && min >= minor);
}

// Context values that name a workload (or its identity), not only a namespace or an IP:
// a service map and per-pair latency need one of them on both sides.
const WORKLOAD_CONTEXTS = new Set([
  'identity',
  'pod',
  'pod-name',
  'pod-short',
  'dns',
  'workload',
  'workload-name',
  'app',
]);
const WORKLOAD_LABELS = ['pod', 'workload', 'app'];

/** One metric's options: option name -> values. */
type MetricOptions = Map<string, string[]>;

function namesWorkload(
  options: MetricOptions,
  side: 'source' | 'destination',
): boolean {
  const contexts =
    side === 'source'
      ? ['sourceContext', 'sourceEgressContext']
      : ['destinationContext', 'destinationIngressContext'];
  if (
    contexts.some(c =>
      (options.get(c) ?? []).some(v => WORKLOAD_CONTEXTS.has(v)),
    )
  )
    return true;
  return (options.get('labelsContext') ?? []).some(label =>
    WORKLOAD_LABELS.some(w => label === `${side}_${w}`),
  );
}

function metricOf(
  rawName: string,
  options: MetricOptions,
  filtered: boolean,
): HubbleMetric {
  return {
    name: rawName === 'httpV2' ? 'http' : rawName,
    sourceContext: namesWorkload(options, 'source'),
    destinationContext: namesWorkload(options, 'destination'),
    filtered,
  };
}

/**
 * hubble-metrics as the agent parses it: entries split on whitespace, the
 * name before the first colon, options split on ";", values on "|" (on ","
 * for labelsContext). Static metrics cannot be filtered per workload.
 */
export function staticHubbleMetrics(raw: string): HubbleMetric[] {
  return raw
    .split(/\s+/)
    .filter(Boolean)
    .map(entry => {
      const colon = entry.indexOf(':');
      const name = colon < 0 ? entry : entry.slice(0, colon);
      const options: MetricOptions = new Map();
      for (const option of colon < 0 ? [] : entry.slice(colon + 1).split(';')) {
        const eq = option.indexOf('=');
        const key = eq < 0 ? option : option.slice(0, eq);
        const value = eq < 0 ? '' : option.slice(eq + 1);
        options.set(
          key,
          value.split(key === 'labelsContext' ? ',' : '|').filter(Boolean),
        );
      }
      return metricOf(name, options, false);
    });
}

/**
 * The metrics list of the dynamic metrics file (Cilium 1.17+): name,
 * contextOptions [{name, values}], includeFilters / excludeFilters.
 */
export function dynamicHubbleMetrics(config: unknown): HubbleMetric[] {
  return asArray(dig(config, 'metrics'))
    .filter(m => typeof dig(m, 'name') === 'string')
    .map(m => {
      const options: MetricOptions = new Map();
      for (const o of asArray(dig(m, 'contextOptions'))) {
        const key = dig(o, 'name');
        if (typeof key === 'string')
          options.set(key, asArray(dig(o, 'values')).map(String));
      }
      return metricOf(
        dig(m, 'name') as string,
        options,
        asArray(dig(m, 'includeFilters')).length > 0,
      );
    });
}

/** The chart's name for the dynamic metrics ConfigMap (hubble.metrics.dynamic.config.configMapName). */
export const DYNAMIC_METRICS_CONFIGMAP = 'cilium-dynamic-metrics-config';

/**
 * The ConfigMap a workload mounts at the directory of `path` (for the agent:
 * the one holding hubble-dynamic-metrics-config-path), if it mounts one.
 */
export function configMapMountedAt(
  workload: KubeObject,
  container: string,
  path: string,
): string | undefined {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  const mount = (
    asArray(dig(mainContainer(workload, container), 'volumeMounts')) as {
      name?: string;
      mountPath?: string;
    }[]
  ).find(v => v.mountPath?.replace(/\/+$/, '') === dir);
  const volume = asArray(
    dig(workload, 'spec', 'template', 'spec', 'volumes'),
  ).find(v => dig(v, 'name') === mount?.name);
  const name = dig(volume, 'configMap', 'name');
  return typeof name === 'string' ? name : undefined;
}
