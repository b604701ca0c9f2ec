import { CiliumAuthFact } from '@network-scorecard/common';
import { RESOURCES } from '../../reader/resources';
import { ClusterReader, KubeObject } from '../../reader/types';
import { splitNamespaces } from './meshNamespaces';
import { asArray, asString, capped, dig, ref } from './objects';
import { customObjects, namespaces, notServed, servedType } from './workloads';

const NS_LABEL = 'k8s:io.kubernetes.pod.namespace';
const NS_LABEL_SHORT = 'io.kubernetes.pod.namespace';

function specsOf(policy: KubeObject): unknown[] {
  return [dig(policy, 'spec'), ...asArray(dig(policy, 'specs'))].filter(
    Boolean,
  );
}

/** A spec with an ingress or egress rule whose authentication.mode is required. */
function requires(spec: unknown): boolean {
  return ['ingress', 'egress'].some(direction =>
    asArray(dig(spec, direction)).some(
      rule => asString(dig(rule, 'authentication', 'mode')) === 'required',
    ),
  );
}

interface Selection {
  /** namespace the endpoints are in; undefined for every namespace */
  namespace?: string;
  /** every endpoint of that scope, or only some */
  all: boolean;
}

/** What a requiring spec's endpointSelector selects. */
function selection(spec: unknown, policyNamespace?: string): Selection {
  const selector = dig(spec, 'endpointSelector') as
    | { matchLabels?: Record<string, string>; matchExpressions?: unknown[] }
    | undefined;
  const match = { ...(selector?.matchLabels ?? {}) };
  const pinned = match[NS_LABEL] ?? match[NS_LABEL_SHORT];
  delete match[NS_LABEL];
  delete match[NS_LABEL_SHORT];
  const all =
    Object.keys(match).length === 0 &&
    asArray(selector?.matchExpressions).length === 0;
  return { namespace: policyNamespace ?? pinned, all };
}

/**
 * mesh.ciliumAuth: the Cilium policies whose rules require mutual
 * authentication, and the application namespaces they leave out. Mutual
 * authentication only applies to traffic such a rule selects.
 */
export async function ciliumAuth(
  reader: ClusterReader,
): Promise<{ value: CiliumAuthFact; evidence: string[] }> {
  const evidence: string[] = [];
  if (!(await servedType(reader, RESOURCES.CiliumNetworkPolicy)))
    evidence.push(notServed(RESOURCES.CiliumNetworkPolicy));
  const policies = [
    ...(await customObjects(reader, RESOURCES.CiliumNetworkPolicy)).map(p => ({
      p,
      kind: 'CiliumNetworkPolicy',
    })),
    ...(
      await customObjects(reader, RESOURCES.CiliumClusterwideNetworkPolicy)
    ).map(p => ({ p, kind: 'CiliumClusterwideNetworkPolicy' })),
  ];
  const covered = new Set<string>();
  const partial = new Set<string>();
  let allNamespaces = false;
  let requiring = 0;
  for (const { p, kind } of policies) {
    const specs = specsOf(p).filter(requires);
    if (specs.length === 0) continue;
    requiring++;
    for (const spec of specs) {
      const s = selection(spec, p.metadata.namespace);
      if (s.namespace === undefined) {
        if (s.all) allNamespaces = true;
        evidence.push(
          `${ref(p, kind)}: authentication.mode=required for ${
            s.all ? 'every endpoint' : 'some endpoints'
          } of every namespace`,
        );
      } else {
        (s.all ? covered : partial).add(s.namespace);
        evidence.push(
          `${ref(p, kind)}: authentication.mode=required for ${
            s.all ? 'every endpoint' : 'some endpoints'
          } of namespace ${s.namespace}`,
        );
      }
    }
  }
  for (const ns of covered) partial.delete(ns);
  const { application } = splitNamespaces(await namespaces(reader));
  const notCovered = allNamespaces
    ? []
    : application
        .map(ns => ns.metadata.name)
        .filter(n => !covered.has(n))
        .sort();
  if (requiring === 0)
    evidence.push(
      'Cilium policies: no rule with authentication.mode=required (mutual authentication applies to no traffic)',
    );
  return {
    value: {
      requiringPolicies: requiring,
      coveredNamespaces: [...covered].sort(),
      partialNamespaces: [...partial].sort(),
      allNamespaces,
      notCoveredNamespaces: notCovered,
    },
    evidence: capped(evidence, 10),
  };
}
