import { ClusterFacts, CniName } from '../../facts';
import { factEvidence, factValue } from '../../facts/access';
import { EvaluationContext } from '../../context';
import { isProduction } from '../../context/types';
import { CheckResult, CheckRule } from '../types';
import {
  catalog,
  cite,
  cniLabel,
  cniSet,
  evidenceOf,
  isCniMigration,
  plural,
  refreshState,
  unknownBecause,
} from '../helpers';
import { calicoReasons, targetEvidence } from './move';
import { platformOf } from './platform';
import { joined } from '../../text/joined';

/** What the framework's default would take on this platform, for a cluster outside it. */
function towardsCilium(facts: ClusterFacts, cni: CniName): string {
  switch (platformOf(facts)?.cniAddon) {
    case 'eks-vpc-cni':
      return 'On EKS, plan Cilium at the next refresh: as the CNI (aws-node removed, ENI or overlay IPAM) or chained to the VPC CNI for policy and Hubble, then declare network-scorecard.io/target-cni: cilium.';
    case 'aks-azure-cni':
      return 'AKS offers Cilium as a managed dataplane: switch with az aks update --network-dataplane cilium (Azure CNI powered by Cilium) rather than installing Cilium yourself, and declare network-scorecard.io/target-cni: cilium.';
    case 'k3s-flannel':
      return 'k3s can run Cilium instead of its built-in Flannel: rebuild with --flannel-backend=none --disable-network-policy and install Cilium at the next refresh.';
    default:
      return cni === 'none'
        ? 'The framework default is Cilium.'
        : 'The framework default is Cilium (Calico where BGP peering or Windows nodes need it); plan the move at the next platform refresh and declare it with network-scorecard.io/target-cni.';
  }
}

function calicoVerdict(
  facts: ClusterFacts,
  context: EvaluationContext,
  evidence: string[],
): CheckResult {
  const { windows, bgp } = calicoReasons(facts, context);
  const reasons = [...bgp, ...windows];
  const peers = factValue(facts, 'bgp');
  const inCluster =
    peers && peers.inClusterPeers > 0 && peers.peers === 0
      ? [
          `${plural(
            peers.inClusterPeers,
            'BGP peering',
          )} inside the cluster (route reflectors or node IPs): not peering with the physical network`,
        ]
      : [];
  const target = context.targetCni;
  // Not built for the common verdict, which cites less.
  const withTarget = () => [
    ...evidence,
    ...reasons,
    ...inCluster,
    targetEvidence(context),
  ];
  if (target === 'cilium' && windows.length > 0) {
    return {
      status: 'warn',
      evidence: withTarget(),
      recommendation: `The catalog declares a move to Cilium, but ${joined(
        windows,
        ' and ',
      )} keep this cluster on Calico: Cilium runs no Windows nodes. Move the Windows workloads to a Calico cluster of their own before the move, or drop network-scorecard.io/target-cni.`,
    };
  }
  if (reasons.length > 0) {
    return {
      status: 'pass',
      evidence: withTarget(),
      recommendation:
        target === 'cilium'
          ? `Calico is the right choice here today (${joined(
              reasons,
              ', ',
            )}). The declared move to Cilium has to carry that peering over to Cilium's BGP control plane with the network team; readiness.calico-to-cilium tracks it.`
          : `Calico is the right choice here (${joined(
              reasons,
              ', ',
            )}); keep it.`,
    };
  }
  if (target === 'cilium') {
    const refresh = refreshState(context);
    return {
      status: 'pass',
      evidence: [...withTarget(), catalog.refresh(context)],
      recommendation: `A working Calico with a declared move to Cilium${
        refresh === 'planned'
          ? ` at the platform refresh of ${context.platformRefresh}`
          : ', but no refresh window yet: schedule one (network-scorecard.io/platform-refresh)'
      }. Test Calico eBPF on your own workload first; readiness.calico-to-cilium lists what is left.`,
    };
  }
  return {
    status: 'pass',
    evidence: [...evidence, ...inCluster, targetEvidence(context)],
    recommendation:
      'Calico without BGP peering to the physical network or Windows nodes: Cilium would be the pick for a new build, but a working Calico is kept. A refresh date alone does not plan a move; declare network-scorecard.io/target-cni: cilium if one is wanted, and test Calico eBPF on your own workload first.',
  };
}

/** @public */
export const cniDefaultChoice: CheckRule = {
  id: 'cni.default-choice',
  area: 'cni',
  weight: 2,
  title: 'Cilium by default; Calico where it earns its place',
  default: 'Cilium',
  switchWhen:
    'Calico when nodes must peer BGP with physical routers or Windows nodes join the cluster; a stable Calico is kept rather than migrated for its own sake',
  rationale:
    'Cilium puts networking, policy, load balancing and flow visibility into one eBPF component and stays fast as services grow, so it is the starting point for new platforms. Calico is the better fit where the network team needs BGP route advertisement from nodes to its routers or where Windows nodes run, and a Calico that works and that the team knows how to debug is not worth a disruptive migration on its own. A move is a decision (network-scorecard.io/target-cni), taken at a planned platform refresh; peering inside the cluster (route reflectors) is no reason to stay.',
  evaluate(facts, context) {
    const cni = factValue(facts, 'cni');
    const all = cniSet(facts);
    if (cni === null || all === null)
      return unknownBecause(facts, ['cni', 'cni.all']);
    const evidence = evidenceOf(facts, 'cni', 'cni.all');

    if (isCniMigration(all)) {
      const refresh = refreshState(context);
      const both = joined(all.map(cniLabel), ' and ');
      return {
        status: 'warn',
        evidence: [
          ...evidence,
          targetEvidence(context),
          catalog.refresh(context),
        ],
        recommendation:
          refresh === 'planned'
            ? `${both} run side by side: a CNI migration is in progress. Finish it within the platform refresh of ${context.platformRefresh}; two dataplanes are twice the debugging.`
            : `${both} run side by side with no platform refresh planned. Either finish the move inside a scheduled refresh or roll back to one CNI.`,
      };
    }
    if (cni === 'cilium') {
      if (context.targetCni === 'calico') {
        const { windows, bgp } = calicoReasons(facts, context);
        const reasons = [...bgp, ...windows];
        return reasons.length > 0
          ? {
              status: 'pass',
              evidence: [...evidence, ...reasons, targetEvidence(context)],
              recommendation: `Cilium runs today; the declared move to Calico is justified (${joined(
                reasons,
                ', ',
              )}).`,
            }
          : {
              status: 'warn',
              evidence: [...evidence, targetEvidence(context)],
              recommendation:
                'The catalog declares a move from Cilium to Calico, but neither BGP peering with the physical network nor Windows nodes call for it. Cilium is the default; drop network-scorecard.io/target-cni or state the requirement that needs Calico.',
            };
      }
      return {
        status: 'pass',
        evidence,
        recommendation: 'Cilium is the default choice; keep it.',
      };
    }
    if (cni === 'calico') return calicoVerdict(facts, context, evidence);
    if (!isProduction(context)) {
      return {
        status: 'not-applicable',
        evidence: [...evidence, catalog.lifecycle(context)],
        recommendation: `${cniLabel(
          cni,
        )} is fine off production; the CNI choice matters when this cluster is rebuilt for production, and then it is Cilium.`,
      };
    }
    return {
      status: 'fail',
      evidence: [...evidence, catalog.lifecycle(context)],
      recommendation:
        cni === 'none'
          ? `No CNI runs on this production cluster (no node is ready). ${towardsCilium(
              facts,
              cni,
            )}`
          : `This production cluster runs ${cniLabel(cni)}${cite(
              factEvidence(facts, 'cni'),
            )}. ${towardsCilium(facts, cni)}`,
    };
  },
};
