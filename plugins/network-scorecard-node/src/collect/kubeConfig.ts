import { KubeConfig } from '@kubernetes/client-node';
import { KubernetesConnection } from '../types';

/** A KubeConfig built in code from a resolved connection: no file, no ambient credentials. */
export function kubeConfigFromConnection(
  connection: KubernetesConnection,
): KubeConfig {
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
    users: [
      {
        name: 'network-scorecard',
        token: connection.serviceAccountToken,
        certData: connection.clientCertificate?.certData,
        keyData: connection.clientCertificate?.keyData,
      },
    ],
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
