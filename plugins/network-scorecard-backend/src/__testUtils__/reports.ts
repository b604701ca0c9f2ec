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

/** A Cilium cluster, as the collector sees its agent DaemonSet. */
export const cilium = {
  cni: {
    value: 'cilium' as const,
    evidence: [
      'DaemonSet kube-system/cilium: image quay.io/cilium/cilium:v1.18.2',
    ],
  },
};

/** A Flannel cluster, as the collector sees its DaemonSet. */
export const flannel = {
  cni: {
    value: 'flannel' as const,
    evidence: [
      'DaemonSet kube-flannel/kube-flannel-ds: image ghcr.io/flannel-io/flannel:v0.28.9',
    ],
  },
};
