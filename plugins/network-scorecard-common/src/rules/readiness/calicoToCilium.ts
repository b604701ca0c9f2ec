import { ClusterFacts } from '../../facts';
import { factValue } from '../../facts/access';
import { EvaluationContext } from '../../context';
import { ReadinessRule } from '../types';
import {
  cniSet,
  plural,
  ReadinessFinding,
  readinessFrom,
  readinessUnknown,
  refreshState,
} from '../helpers';
import { calicoReasons, movesToCilium, withKernelsUnknown } from '../cni/move';
import { nodeImageAdvice, platformOf } from '../cni/platform';
import { joined } from '../../text/joined';

function kernels(facts: ClusterFacts): ReadinessFinding {
  const nodes = factValue(facts, 'nodes');
  if (nodes === null) return { unknown: 'nodes' };
  if (nodes.belowKernel510 > 0)
    return {
      blocker: `${nodes.belowKernel510} of ${plural(
        nodes.linux,
        'Linux node',
      )} run a kernel below 5.10 (lowest ${nodes.minKernel})`,
      step: `Bring every node to 5.10: ${nodeImageAdvice(facts)}`,
    };
  return nodes.unreadableKernel > 0 ? { unknown: 'nodes' } : {};
}

function windows(
  facts: ClusterFacts,
  context: EvaluationContext,
): ReadinessFinding {
  const seen = calicoReasons(facts, context).windows;
  if (seen.length > 0)
    return {
      blocker: `${joined(seen, ' and ')}: Cilium does not run Windows nodes`,
    };
  return factValue(facts, 'nodes') === null ? { unknown: 'nodes' } : {};
}

function bgp(
  facts: ClusterFacts,
  context: EvaluationContext,
): ReadinessFinding {
  const fact = factValue(facts, 'bgp');
  if (fact === null) return { unknown: 'bgp' };
  const why = calicoReasons(facts, context).bgp;
  if (why.length === 0) return {};
  if (fact.ciliumBgpControlPlane) {
    return {
      step: `Move the peering (${joined(
        why,
        ', ',
      )}) to Cilium's BGP control plane (already enabled) and have the network team sign off`,
    };
  }
  return {
    blocker: `${joined(
      why,
      ' and ',
    )}: peering with the physical network must move to Cilium's BGP control plane, which the network team has not accepted yet`,
  };
}

/** Policy kinds Cilium has no counterpart for, counted; a missing count reads 0 once the fact is known. */
function policies(facts: ClusterFacts): ReadinessFinding[] {
  const fact = factValue(facts, 'policies');
  if (fact === null) return [{ unknown: 'policies' }];
  const n = (value: number | undefined) => value ?? 0;
  const kinds = [
    [n(fact.calicoNamespaced), 'Calico NetworkPolicy', 'CiliumNetworkPolicy'],
    [
      n(fact.calicoGlobal),
      'Calico GlobalNetworkPolicy',
      'CiliumClusterwideNetworkPolicy',
    ],
    [
      n(fact.adminNetworkPolicies),
      'AdminNetworkPolicy/BaselineAdminNetworkPolicy',
      'CiliumClusterwideNetworkPolicy (Cilium does not enforce them)',
    ],
  ] as const;
  const findings: ReadinessFinding[] = kinds
    .filter(([count]) => count > 0)
    .map(([count, kind, into]) => ({
      blocker: `${count} ${kind} object(s) to translate into ${into}`,
      step: `Translate the ${count} ${kind} object(s) into ${into} and test them in audit mode`,
    }));
  if (n(fact.calicoTiers) > 0)
    findings.push({
      blocker: `${n(
        fact.calicoTiers,
      )} Calico Tier(s): Cilium has no tiers or policy order, so their precedence must be redesigned`,
    });
  if (n(fact.calicoStaged) > 0)
    findings.push({
      step: `Decide on the ${n(
        fact.calicoStaged,
      )} staged Calico polic(ies): enforce and translate them, or drop them (they never applied)`,
    });
  return findings;
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
    const all = cniSet(facts);
    if (all === null) return readinessUnknown(facts, ['cni', 'cni.all']);
    if (!all.includes('calico')) {
      return { status: 'not-applicable', blockers: [], steps: [] };
    }
    // Readiness is tracked for a move someone decided on; a refresh date alone is only its window.
    if (!movesToCilium(all, context)) {
      return {
        status: 'not-applicable',
        blockers: [],
        steps: [
          'No move to Cilium is declared or under way, so a working Calico stays. To track readiness for one, declare network-scorecard.io/target-cni: cilium on the cluster entity.',
        ],
      };
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
      ...policies(facts),
      refresh(context),
    ];
    const dataplane = factValue(facts, 'calico.dataplane');
    if (dataplane === 'iptables' || dataplane === 'nftables') {
      findings.unshift({
        step: 'First test Calico eBPF mode on the real workload: if it is close to Cilium, the move may not be worth its risk',
      });
    }
    const platform = platformOf(facts);
    const rebuild =
      platform?.distribution === 'rke2'
        ? 'RKE2 picks its CNI at install (cni: cilium in the server config): rebuild the node pools with rke2-cilium inside the refresh, with a rehearsed rollback'
        : 'Replace nodes one pool at a time (drain, reinstall with Cilium), with a rehearsed rollback';
    return readinessFrom(withKernelsUnknown(facts), findings, [
      rebuild,
      'Then turn on kube-proxy replacement, Hubble (relay, UI, metrics) and WireGuard',
    ]);
  },
};
