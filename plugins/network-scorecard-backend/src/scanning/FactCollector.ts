import { ConflictError } from '@backstage/errors';
import { CollectedFacts, collectFromKubernetes } from '@network-scorecard/node';
import { ClusterAuth, ClusterTarget } from '../clusters';
import { readDumps } from './readDumps';
import { withDeadline } from './withDeadline';
import { withTrafficFacts } from './trafficFacts';
import type { PrometheusTarget } from '../config/readScorecardConfig';

/** What one attempt read of a cluster: a live cluster is one moment, a dump folder one per dump. */
export interface Collected {
  /** oldest first */
  moments: CollectedFacts[];
  /** dumps that could not be read, each naming its file */
  problems: string[];
}

/** Turns a cluster target into facts; never scores. */
export interface FactCollector {
  collect(target: ClusterTarget): Promise<Collected>;
}

/** The real collector of `@network-scorecard/node`, for dumps and live clusters. */
export function createFactCollector(options: {
  requestTimeoutMs: number;
  auth: ClusterAuth;
  /** networkScorecard.prometheus: the traffic source of the clusters that have one */
  prometheus?: PrometheusTarget[];
}): FactCollector {
  const traffic = (name: string, moments: CollectedFacts[]) =>
    withTrafficFacts(
      moments,
      options.prometheus?.find(p => p.cluster === name),
      options.requestTimeoutMs,
    );
  return {
    async collect(target) {
      if ('files' in target) {
        const { dumps, problems } = await readDumps(target.files);
        return { moments: await traffic(target.name, dumps), problems };
      }
      // Refused and unsupported targets fail the attempt (lastError); nothing is sent to them.
      if ('refused' in target) throw new ConflictError(target.refused);
      if ('unsupported' in target) throw new ConflictError(target.unsupported);
      let connection;
      try {
        // a credential lookup (STS, Entra ID, Google) may hang like any request
        connection = await withDeadline(
          options.auth.connect(target.cluster),
          options.requestTimeoutMs,
          `no answer within ${options.requestTimeoutMs} ms`,
        );
      } catch (error) {
        throw new Error(
          `could not get a credential for cluster "${
            target.name
          }" from its auth provider: ${(error as Error).message}`,
        );
      }
      const facts = await collectFromKubernetes(connection, {
        timeoutMs: options.requestTimeoutMs,
      });
      return { moments: await traffic(target.name, [facts]), problems: [] };
    },
  };
}
