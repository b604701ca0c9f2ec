import { ClusterFacts, factValue } from '../../facts';
import { EvaluationContext } from '../../context';
import { ReadinessRule } from '../types';
import {
  plural,
  ReadinessFinding,
  readinessFrom,
  readinessUnknown,
  refreshState,
} from '../helpers';

function kernels(facts: ClusterFacts): ReadinessFinding {
  const nodes = factValue(facts, 'nodes');
  if (nodes === null) return { unknown: 'nodes' };
  if (nodes.belowKernel510 === 0) return {};
  return {
    blocker: `${nodes.belowKernel510} of ${plural(
      nodes.linux,
      'Linux node',
    )} run a kernel below 5.10 (lowest ${nodes.minKernel})`,
    step: 'Roll the node image to a 5.10+ kernel',
  };
}

function windows(
  facts: ClusterFacts,
  context: EvaluationContext,
): ReadinessFinding {
  if (context.requirements.includes('windows-nodes')) {
    return {
      blocker: 'requirement windows-nodes: Cilium does not run Windows nodes',
    };
  }
  const nodes = factValue(facts, 'nodes');
  if (nodes === null) return { unknown: 'nodes' };
  return nodes.windows > 0
    ? {
        blocker: `${plural(
          nodes.windows,
          'Windows node',
        )}: Cilium does not run Windows nodes`,
      }
    : {};
}

function bgp(
  facts: ClusterFacts,
  context: EvaluationContext,
): ReadinessFinding {
  const fact = factValue(facts, 'bgp');
  const declared = context.requirements.includes('bgp-peering');
  if (fact === null) return { unknown: 'bgp' };
  if (!declared && fact.peers === 0) return {};
  const why = declared
    ? 'requirement bgp-peering'
    : `${plural(fact.peers, 'BGP peer')} configured in Calico`;
  if (fact.ciliumBgpControlPlane) {
    return {
      step: `Move the ${why} to Cilium's BGP control plane (already enabled) and have the network team sign off`,
    };
  }
  return {
    blocker: `${why}: peering with the physical network must move to Cilium's BGP control plane, which the network team has not accepted yet`,
  };
}

function policies(facts: ClusterFacts): ReadinessFinding {
  const fact = factValue(facts, 'policies');
  if (fact === null) return { unknown: 'policies' };
  return fact.calicoGlobal > 0
    ? {
        blocker: `${fact.calicoGlobal} Calico GlobalNetworkPolicy object(s) to translate (CiliumClusterwideNetworkPolicy has no tiers or order)`,
        step: `Translate the ${fact.calicoGlobal} GlobalNetworkPolicy object(s) into CiliumClusterwideNetworkPolicy and test them in audit mode`,
      }
    : {};
}

function refresh(context: EvaluationContext): ReadinessFinding {
  const state = refreshState(context);
  if (state === 'planned') {
    return {
      step: `Schedule the move inside the platform refresh of ${context.platformRefresh}`,
    };
  }
  return {
    blocker:
      state === 'past'
        ? `the platform refresh of ${context.platformRefresh} has passed; no new refresh window is planned`
        : 'no platform refresh window is planned (network-scorecard.io/platform-refresh): a CNI change rides on a refresh, never alone',
  };
}

/** @public */
export const readinessCalicoToCilium: ReadinessRule = {
  id: 'readiness.calico-to-cilium',
  title: 'Ready to move from Calico to Cilium',
  evaluate(facts, context) {
    const cni = factValue(facts, 'cni');
    if (cni === null) return readinessUnknown(facts, ['cni']);
    const all = factValue(facts, 'cni.all');
    if (cni !== 'calico' && all === null)
      return readinessUnknown(facts, ['cni.all']);
    if (cni !== 'calico' && !all?.includes('calico')) {
      return { status: 'not-applicable', blockers: [], steps: [] };
    }
    const findings: ReadinessFinding[] = [
      kernels(facts),
      windows(facts, context),
      bgp(facts, context),
      context.requirements.includes('iptables-tooling')
        ? {
            blocker:
              'requirement iptables-tooling: Cilium replaces kube-proxy and its iptables rules',
          }
        : {},
      policies(facts),
      refresh(context),
    ];
    const dataplane = factValue(facts, 'calico.dataplane');
    if (dataplane === 'iptables' || dataplane === 'nftables') {
      findings.unshift({
        step: 'First test Calico eBPF mode on the real workload: if it is close to Cilium, the move may not be worth its risk',
      });
    }
    return readinessFrom(facts, findings, [
      'Replace nodes one pool at a time (drain, reinstall with Cilium), with a rehearsed rollback',
      'Then turn on kube-proxy replacement, Hubble (relay, UI, metrics) and WireGuard',
    ]);
  },
};
