import { Config } from '@backstage/config';
import { resolve } from 'path';
import { ClusterSource, ClusterTarget } from './types';

/** Clusters dumped to disk, from `networkScorecard.snapshots`. */
export class SnapshotClusterSource implements ClusterSource {
  readonly source = 'snapshot' as const;

  static fromConfig(
    config: Config,
    baseDir = process.cwd(),
  ): SnapshotClusterSource {
    const entries =
      config.getOptionalConfigArray('networkScorecard.snapshots') ?? [];
    const targets = entries.map(entry => ({
      name: entry.getString('name'),
      source: 'snapshot' as const,
      file: resolve(baseDir, entry.getString('file')),
    }));
    return new SnapshotClusterSource(targets);
  }

  constructor(private readonly targets: ClusterTarget[]) {}

  async listClusters(): Promise<ClusterTarget[]> {
    return this.targets;
  }
}
