import { existsSync, readFileSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { KubernetesConnection } from '../types';

const IN_CLUSTER_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** Auth providers the collector can use: a service account token from config (or the pod's own). */
export const SUPPORTED_AUTH_PROVIDERS = ['serviceAccount'];

export function unsupportedAuthProvider(
  connection: KubernetesConnection,
): string | undefined {
  const provider = connection.authProvider;
  if (provider === undefined || SUPPORTED_AUTH_PROVIDERS.includes(provider))
    return undefined;
  return `error: authProvider "${provider}" is not supported by the collector; configure authProvider serviceAccount with a serviceAccountToken for cluster ${connection.name}`;
}

/** A KubeConfig built in code from the Kubernetes plugin's cluster settings. */
export function kubeConfigFromConnection(
  connection: KubernetesConnection,
): KubeConfig {
  let token = connection.serviceAccountToken;
  if (!token && existsSync(IN_CLUSTER_TOKEN))
    token = readFileSync(IN_CLUSTER_TOKEN, 'utf8').trim();
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: connection.name,
        server: connection.url,
        caData: connection.caData,
        caFile: connection.caFile,
        skipTLSVerify: connection.skipTLSVerify ?? false,
      },
    ],
    users: [{ name: 'network-scorecard', token }],
    contexts: [
      {
        name: connection.name,
        cluster: connection.name,
        user: 'network-scorecard',
      },
    ],
    currentContext: connection.name,
  });
  return kc;
}
