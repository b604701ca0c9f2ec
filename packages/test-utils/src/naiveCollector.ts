import { KubeConfig } from '@kubernetes/client-node';
import {
  KubernetesApiReader,
  KubernetesConnection,
  ResourceType,
} from '@network-scorecard/node';

const LISTED: ResourceType[] = [
  {
    kind: 'Service',
    group: '',
    version: 'v1',
    plural: 'services',
    namespaced: true,
  },
  {
    kind: 'Deployment',
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    namespaced: true,
  },
  {
    kind: 'Node',
    group: '',
    version: 'v1',
    plural: 'nodes',
    namespaced: false,
  },
  {
    kind: 'DaemonSet',
    group: 'apps',
    version: 'v1',
    plural: 'daemonsets',
    namespaced: true,
  },
];

/**
 * What a collector that lists every Service, Deployment, Node and DaemonSet
 * would cost: the baseline the benchmark compares the real collector with.
 */
export async function naiveCollect(
  connection: KubernetesConnection,
): Promise<{ requests: number; bytes: number }> {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: connection.name,
        server: connection.url,
        caData: connection.caData,
      },
    ],
    users: [{ name: 'bench', token: connection.serviceAccountToken }],
    contexts: [
      { name: connection.name, cluster: connection.name, user: 'bench' },
    ],
    currentContext: connection.name,
  });
  const reader = new KubernetesApiReader(kc);
  try {
    await Promise.all(
      LISTED.map(async type => {
        let token: string | undefined;
        do {
          const page = await reader.list(type, { limit: 500, continue: token });
          token = page.continue || undefined;
        } while (token);
      }),
    );
    return reader.stats();
  } finally {
    reader.close();
  }
}
