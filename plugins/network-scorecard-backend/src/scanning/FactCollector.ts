import {
  CollectedFacts,
  collectFromKubernetes,
  collectFromSnapshotFile,
} from '@network-scorecard/node';
import { ConflictError } from '@backstage/errors';
import { ClusterTarget } from '../clusters';

/** Turns a cluster target into facts; never scores. */
export interface FactCollector {
  collect(target: ClusterTarget): Promise<CollectedFacts>;
}

/** The real collector of `@network-scorecard/node`, for dumps and live clusters. */
export function createFactCollector(options: {
  requestTimeoutMs: number;
}): FactCollector {
  return {
    async collect(target) {
      if ('file' in target) return collectFromSnapshotFile(target.file);
      // Refused targets fail the attempt (lastError) and keep the reports already stored.
      if ('refused' in target) throw new ConflictError(target.refused);
      if ('unsupported' in target) {
        return {
          facts: {},
          errors: [{ reason: target.unsupported }],
          stats: { requests: 0, bytes: 0 },
        };
      }
      return collectFromKubernetes(target.connection, {
        timeoutMs: options.requestTimeoutMs,
      });
    },
  };
}
