import { CollectedFacts, collectFromPrometheus } from '@network-scorecard/node';
import type { PrometheusTarget } from '../config/readScorecardConfig';

/**
 * Adds the traffic facts of a cluster's Prometheus to what was collected of
 * it: to the newest moment only (traffic is read at scan time, a dump may be
 * older). A cluster without an entry gets none: absent by choice, which the
 * checks read as "connect Prometheus", never as an unknown.
 */
export async function withTrafficFacts(
  moments: CollectedFacts[],
  target: PrometheusTarget | undefined,
  requestTimeoutMs: number,
): Promise<CollectedFacts[]> {
  if (!target || moments.length === 0) return moments;
  const traffic = await collectFromPrometheus(
    target.cluster,
    target.connection,
    {
      timeoutMs: target.timeoutMs ?? requestTimeoutMs,
    },
  );
  const newest = moments[moments.length - 1];
  return [
    ...moments.slice(0, -1),
    {
      ...newest,
      facts: { ...newest.facts, ...traffic.facts },
      errors: [...newest.errors, ...traffic.errors],
      stats: {
        requests: newest.stats.requests + traffic.stats.requests,
        bytes: newest.stats.bytes + traffic.stats.bytes,
      },
    },
  ];
}
