import { ClusterReport } from '@network-scorecard/common';

/** How far the enforced network policies of a cluster reach into one namespace, as its report knows it. */
export interface NamespacePolicy {
  status:
    | 'default-deny'
    | 'selected'
    | 'not-selected'
    | 'not-enforced'
    | 'unknown';
  /** one sentence about the namespace */
  text: string;
  /** the scan's evidence the sentence rests on */
  evidence: string[];
}

/**
 * Policy coverage of `namespace` from the report's `policies` fact. Only what
 * the collector saw counts: a namespace the fact does not name (a list cut at
 * 50 names, a namespace the scan did not see) is "not known", never covered.
 */
export function namespacePolicy(
  report: ClusterReport,
  namespace: string,
): NamespacePolicy {
  const fact = report.facts.policies;
  const evidence = (fact?.evidence ?? []).filter(line =>
    line.startsWith('Namespaces'),
  );
  const value = fact?.value ?? null;
  if (value === null) {
    return {
      status: 'unknown',
      text: `Policy coverage of namespace ${namespace}: not known${
        fact?.reason
          ? ` (${fact.reason})`
          : ' (the scan could not read the policies)'
      }.`,
      evidence: fact?.evidence ?? [],
    };
  }
  if (value.enforcement.off) {
    return {
      status: 'not-enforced',
      text: `No policy protects namespace ${namespace}: the cluster's CNI enforces no network policy${
        value.enforcement.switches.length
          ? ` (${value.enforcement.switches.join(', ')})`
          : ''
      }.`,
      evidence: fact?.evidence ?? [],
    };
  }
  const ns = value.namespaces;
  if (ns === null) {
    return {
      status: 'unknown',
      text: `Policy coverage of namespace ${namespace}: not known (the scan could not list the cluster's Namespaces).`,
      evidence,
    };
  }
  if (ns.defaultDeny.includes(namespace)) {
    return {
      status: 'default-deny',
      text: `Namespace ${namespace} denies ingress by default: its pods are reached only where an enforced policy allows it.`,
      evidence,
    };
  }
  if (ns.covered.includes(namespace)) {
    // the name lists stop at 50: past that, absence from defaultDeny proves nothing
    const denyKnown = ns.defaultDeny.length === ns.totals.defaultDeny;
    return {
      status: 'selected',
      text: denyKnown
        ? `Enforced policies select pods in namespace ${namespace}, but it has no default-deny ingress: pods no policy selects stay open.`
        : `Enforced policies select pods in namespace ${namespace}; whether it denies ingress by default is not known (the report names only the first ${ns.defaultDeny.length} default-deny namespaces).`,
      evidence,
    };
  }
  if (ns.uncovered.includes(namespace)) {
    return {
      status: 'not-selected',
      text: `No enforced policy selects pods in namespace ${namespace}: every pod can reach it.`,
      evidence,
    };
  }
  const complete =
    ns.covered.length === ns.totals.covered &&
    ns.uncovered.length === ns.totals.uncovered;
  return {
    status: 'unknown',
    text: complete
      ? `Policy coverage of namespace ${namespace}: not known (the scan saw no application namespace of that name).`
      : `Policy coverage of namespace ${namespace}: not known (the report names only the first namespaces of a long list).`,
    evidence,
  };
}
