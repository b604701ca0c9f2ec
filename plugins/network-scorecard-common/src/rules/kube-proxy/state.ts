import { ClusterFacts, FactId, KubeProxyFact } from '../../facts';
import { factEvidence, factValue } from '../../facts/access';

/**
 * The kubeProxy fact, read the same way by every kube-proxy check and the
 * readiness item: the collector reports null (with its reason) when it
 * cannot tell; a value without kube-proxy and without a replacement is not
 * interpreted here either. An unknown state names the facts (possibly a
 * stand-in saying why) for unknownBecause or readinessUnknown.
 */
export type KubeProxyState =
  | { kind: 'unknown'; facts: ClusterFacts; ids: FactId[] }
  | { kind: 'replaced'; fact: KubeProxyFact; by: string }
  | { kind: 'kube-proxy'; fact: KubeProxyFact };

export function kubeProxyState(facts: ClusterFacts): KubeProxyState {
  const fact = factValue(facts, 'kubeProxy');
  if (fact === null) return { kind: 'unknown', facts, ids: ['kubeProxy'] };
  if (fact.replacedBy !== null)
    return {
      kind: 'replaced',
      fact,
      by: fact.replacedBy === 'cilium' ? 'Cilium' : 'Calico eBPF',
    };
  if (!fact.present) {
    const reason =
      'neither kube-proxy nor a replacement is seen: Service routing is not known';
    const unknown: ClusterFacts = {
      kubeProxy: {
        value: null,
        evidence: factEvidence(facts, 'kubeProxy'),
        reason,
      },
    };
    return { kind: 'unknown', facts: unknown, ids: ['kubeProxy'] };
  }
  return { kind: 'kube-proxy', fact };
}
