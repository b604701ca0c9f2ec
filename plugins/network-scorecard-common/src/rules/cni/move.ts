import { ClusterFacts, CniName } from '../../facts';
import { factEvidence, factValue } from '../../facts/access';
import { noteEveryRead } from '../../facts/reads';
import { EvaluationContext } from '../../context';
import { isCniMigration, plural } from '../helpers';

/** The catalog line for the declared target CNI. */
export function targetEvidence(context: EvaluationContext): string {
  return `catalog: network-scorecard.io/target-cni=${
    context.targetCni ?? '(not set)'
  }`;
}

/**
 * A move to Cilium is either declared (target-cni: cilium) or visibly under
 * way (Cilium running next to Calico or Flannel, with no other target
 * declared). A platform-refresh date alone is a window, never the plan.
 */
export function movesToCilium(
  all: CniName[],
  context: EvaluationContext,
): boolean {
  if (all.length === 1 && all[0] === 'cilium') return false;
  if (context.targetCni === 'cilium') return true;
  return isCniMigration(all) && context.targetCni !== 'calico';
}

/** Calico's policy engine on Flannel's networking (Canal, RKE2's default). */
export function isCanal(all: CniName[]): boolean {
  return (
    all.includes('calico') && all.includes('flannel') && !all.includes('cilium')
  );
}

/** Why Calico must stay, from what was seen and what is declared. */
export interface CalicoReasons {
  /** Windows nodes seen or declared: Cilium cannot run them */
  windows: string[];
  /** peering with the physical network seen or declared: Cilium's BGP control plane would have to take it over */
  bgp: string[];
}

export function calicoReasons(
  facts: ClusterFacts,
  context: EvaluationContext,
): CalicoReasons {
  const windows: string[] = [];
  const bgp: string[] = [];
  if (context.requirements.includes('windows-nodes'))
    windows.push('requirement windows-nodes');
  const nodes = factValue(facts, 'nodes');
  if (nodes && nodes.windows > 0)
    windows.push(plural(nodes.windows, 'Windows node'));
  if (context.requirements.includes('bgp-peering'))
    bgp.push('requirement bgp-peering');
  const peers = factValue(facts, 'bgp');
  if (peers && peers.peers > 0)
    bgp.push(`${plural(peers.peers, 'BGP peer')} outside the cluster`);
  return { windows, bgp };
}

/**
 * The facts with `nodes` unknown (and why) when some Linux node reports no
 * readable kernel: the lowest kernel is then not known, whatever the others say.
 */
export function withKernelsUnknown(facts: ClusterFacts): ClusterFacts {
  const nodes = factValue(facts, 'nodes');
  if (!nodes || nodes.unreadableKernel === 0) return facts;
  noteEveryRead(facts);
  return {
    ...facts,
    nodes: {
      value: null,
      evidence: factEvidence(facts, 'nodes'),
      reason: `${plural(
        nodes.unreadableKernel,
        'Linux node',
      )} report no readable kernel version, so the lowest kernel is not known`,
    },
  };
}
