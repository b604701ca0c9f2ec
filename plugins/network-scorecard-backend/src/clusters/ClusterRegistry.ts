import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterSource, ClusterTarget } from './types';

/**
 * Merges the cluster sources. A live cluster wins over a dump of the same
 * name, and a config cluster over a catalog one, in the order the sources are given.
 */
export class ClusterRegistry {
  constructor(
    private readonly sources: ClusterSource[],
    private readonly logger: LoggerService,
  ) {}

  async listClusters(): Promise<ClusterTarget[]> {
    const byName = new Map<string, ClusterTarget>();
    for (const source of this.sources) {
      let targets: ClusterTarget[];
      try {
        targets = await source.listClusters();
      } catch (error) {
        this.logger.warn(
          `Network Scorecard could not list ${source.source} clusters`,
          {
            error: String(error),
          },
        );
        continue;
      }
      for (const target of targets) {
        const existing = byName.get(target.name);
        if (existing) {
          this.logger.warn(
            `Cluster "${target.name}" is defined by ${existing.source} and ${target.source}; using ${existing.source}`,
          );
          continue;
        }
        byName.set(target.name, target);
      }
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async getCluster(name: string): Promise<ClusterTarget | undefined> {
    return (await this.listClusters()).find(target => target.name === name);
  }
}
