import { Config } from '@backstage/config';
import { ClusterSource, ClusterTarget } from './types';

/**
 * Clusters of the Kubernetes plugin's own config
 * (`kubernetes.clusterLocatorMethods` of `type: config`), so a portal that
 * already shows Kubernetes needs no second cluster list.
 */
export class KubernetesConfigClusterSource implements ClusterSource {
  readonly source = 'kubernetes' as const;

  static fromConfig(config: Config): KubernetesConfigClusterSource {
    const methods =
      config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
    const targets: ClusterTarget[] = [];
    for (const method of methods) {
      if (method.getString('type') !== 'config') continue;
      for (const cluster of method.getOptionalConfigArray('clusters') ?? []) {
        targets.push(readCluster(cluster));
      }
    }
    return new KubernetesConfigClusterSource(targets);
  }

  constructor(private readonly targets: ClusterTarget[]) {}

  async listClusters(): Promise<ClusterTarget[]> {
    return this.targets;
  }
}

function readCluster(cluster: Config): ClusterTarget {
  const name = cluster.getString('name');
  const authProvider =
    cluster.getOptionalString('authProvider') ?? 'serviceAccount';
  if (authProvider !== 'serviceAccount') {
    return {
      name,
      source: 'kubernetes',
      unsupported: `authProvider "${authProvider}" is not supported by Network Scorecard; use authProvider: serviceAccount with a read-only serviceAccountToken`,
    };
  }
  const token = cluster.getOptionalString('serviceAccountToken');
  if (!token) {
    return {
      name,
      source: 'kubernetes',
      unsupported: `kubernetes.clusterLocatorMethods cluster "${name}" has no serviceAccountToken`,
    };
  }
  return {
    name,
    source: 'kubernetes',
    connection: {
      name,
      url: cluster.getString('url'),
      authProvider,
      serviceAccountToken: token,
      caData: cluster.getOptionalString('caData'),
      caFile: cluster.getOptionalString('caFile'),
      skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify'),
    },
  };
}
