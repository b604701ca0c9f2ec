import { ConflictError } from '@backstage/errors';
import {
  CollectedFacts,
  collectFromKubernetes,
  collectFromSnapshotFile,
} from '@network-scorecard/node';
import { ClusterAuth, ClusterTarget } from '../clusters';

/** Turns a cluster target into facts; never scores. */
export interface FactCollector {
  collect(target: ClusterTarget): Promise<CollectedFacts>;
}

/** The real collector of `@network-scorecard/node`, for dumps and live clusters. */
export function createFactCollector(options: {
  requestTimeoutMs: number;
  auth: ClusterAuth;
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
      let connection;
      try {
        connection = await withDeadline(
          options.auth.connect(target.cluster),
          options.requestTimeoutMs,
        );
      } catch (error) {
        throw new Error(
          `could not get a credential for cluster "${
            target.name
          }" from its auth provider: ${(error as Error).message}`,
        );
      }
      return collectFromKubernetes(connection, {
        timeoutMs: options.requestTimeoutMs,
      });
    },
  };
}

/** A credential lookup (STS, Entra ID, Google) may hang like any request; it gets the same deadline. */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${ms} ms`)),
          ms,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
