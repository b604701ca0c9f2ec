import { KubeConfig } from '@kubernetes/client-node';
import { KubernetesApiReader } from '../reader/KubernetesApiReader';
import { listAll } from '../reader/paging';
import { RESOURCES, builtIn } from '../reader/resources';
import { KubernetesConnection } from '../types';
import { kubeConfigFromConnection } from '../collect/kubeConfig';

/**
 * What a collector that lists every Service and Deployment would cost: the
 * baseline the benchmark compares the real collector with.
 * @public
 */
export async function naiveCollect(
  connection: KubernetesConnection,
): Promise<{ requests: number; bytes: number }> {
  const kc: KubeConfig = kubeConfigFromConnection(connection);
  const reader = new KubernetesApiReader(kc);
  try {
    await Promise.all([
      listAll(reader, builtIn(RESOURCES.Service)),
      listAll(reader, builtIn(RESOURCES.Deployment)),
      listAll(reader, builtIn(RESOURCES.Node)),
      listAll(reader, builtIn(RESOURCES.DaemonSet)),
    ]);
    return reader.stats();
  } finally {
    reader.close();
  }
}
