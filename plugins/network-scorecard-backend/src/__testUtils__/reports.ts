import {
  ClusterFacts,
  ClusterReport,
  defaultRuleset,
  evaluateCluster,
} from '@network-scorecard/common';

/** A report as the scanner writes it, for a cluster with the given facts. */
export function reportFor(
  cluster: string,
  scannedAt: string,
  facts: ClusterFacts,
  lifecycle = 'production',
): ClusterReport {
  return evaluateCluster(
    {
      cluster,
      source: 'snapshot',
      scannedAt,
      facts,
      errors: [],
      context: {
        requirements: [],
        lifecycle,
        platformRefresh: null,
        catalogServiceCount: 3,
        now: scannedAt,
      },
    },
    defaultRuleset,
  );
}
