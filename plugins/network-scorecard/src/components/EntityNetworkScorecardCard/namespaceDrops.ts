import { ClusterReport, TrafficDropsFact } from '@network-scorecard/common';

/** What the cluster's traffic says of policy drops in one namespace. */
export type NamespaceDrops =
  /** no Prometheus for this cluster: nothing to say */
  | { status: 'not-connected' }
  | { status: 'unknown'; text: string }
  | { status: 'known'; perMinute: number; text: string };

function perMinute(perSecond: number): string {
  const value = perSecond * 60;
  return value >= 10 ? value.toFixed(0) : value.toPrecision(2);
}

/**
 * Policy denials in `namespace`, from the scan's `traffic.drops` fact. The
 * fact lists the ten namespaces with the most; one not among them is said
 * to be so, not to have none.
 */
export function namespaceDrops(
  report: ClusterReport,
  namespace: string,
): NamespaceDrops {
  const fact = report.facts['traffic.drops'];
  if (!fact) return { status: 'not-connected' };
  const drops = fact.value as TrafficDropsFact | null;
  if (!drops) {
    return {
      status: 'unknown',
      text: `Policy drops in ${namespace}: not known (${
        fact.reason ?? 'the traffic query failed'
      })`,
    };
  }
  const rate = drops.policyDeniedByNamespace.find(
    r => r.namespace === namespace,
  );
  if (rate) {
    return {
      status: 'known',
      perMinute: rate.perSecond * 60,
      text: `${perMinute(
        rate.perSecond,
      )} drops/min by policy in namespace ${namespace} over the last ${
        drops.window
      }`,
    };
  }
  const listed = drops.policyDeniedByNamespace.length;
  return {
    status: 'known',
    perMinute: 0,
    text:
      listed === 0
        ? `No drops by policy in the cluster over the last ${drops.window}`
        : `Namespace ${namespace} is not among the ${listed} namespaces with the most drops by policy over the last ${drops.window}`,
  };
}
