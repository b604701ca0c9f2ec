import { RESOURCES, builtIn } from '../../reader/resources';
import { ClusterReader, KubeObject } from '../../reader/types';
import {
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
