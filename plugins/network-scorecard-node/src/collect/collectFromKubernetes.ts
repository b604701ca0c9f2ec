import { KubeConfig } from '@kubernetes/client-node';
import { KubernetesApiReader } from '../reader/KubernetesApiReader';
import { CollectedFacts, KubernetesConnection } from '../types';
import { allUnknown, collectFacts } from './collectFacts';
import { kubeConfigFromConnection } from './kubeConfig';

/** @public */
export interface CollectOptions {
  /** per-request timeout in milliseconds (default 10,000) */
  timeoutMs?: number;
}

/** Facts of the cluster a KubeConfig's current context points at (the CLI's --kubeconfig). */
export async function collectFromKubeConfig(
  kubeConfig: KubeConfig,
  options: CollectOptions = {},
): Promise<CollectedFacts> {
  const reader = new KubernetesApiReader(kubeConfig, {
    timeoutMs: options.timeoutMs,
  });
  try {
    const { facts, errors } = await collectFacts(reader);
    return { facts, errors, stats: reader.stats() };
  } finally {
    reader.close();
  }
}

/**
 * Facts of a live cluster, read-only. Never throws for cluster faults: what
 * cannot be read becomes an unknown fact with a reason, listed in `errors`.
 * @public
 */
export async function collectFromKubernetes(
  connection: KubernetesConnection,
  options: CollectOptions = {},
): Promise<CollectedFacts> {
  let kubeConfig: KubeConfig;
  try {
    kubeConfig = kubeConfigFromConnection(connection);
  } catch (error) {
    return {
      ...allUnknown(
        `error: invalid connection settings for ${connection.name}: ${
          (error as Error).message
        }`,
      ),
      stats: { requests: 0, bytes: 0 },
    };
  }
  return collectFromKubeConfig(kubeConfig, options);
}
