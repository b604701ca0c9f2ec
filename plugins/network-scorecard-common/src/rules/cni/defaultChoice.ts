import { factEvidence, factValue } from '../../facts';
import { isProduction } from '../../context';
import { CheckRule } from '../types';
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
    'Cilium puts networking, policy, load balancing and flow visibility into one eBPF component and stays fast as services grow, so it is the starting point for new platforms. Calico is the better fit where the network team needs BGP route advertisement from nodes or where Windows nodes run, and a Calico that works and that the team knows how to debug is not worth a disruptive migration on its own; move at a planned platform refresh.',
  evaluate(facts, context) {
    const cni = factValue(facts, 'cni');
    const all = cniSet(facts);
    if (cni === null || all === null)
      return unknownBecause(facts, ['cni', 'cni.all']);
    const evidence = evidenceOf(facts, 'cni', 'cni.all');

    if (isCniMigration(all)) {
      const refresh = refreshState(context);
      return {
        status: 'warn',
        evidence: [...evidence, catalog.refresh(context)],
        recommendation:
          refresh === 'planned'
            ? `${all
                .map(cniLabel)
                .join(
                  ' and ',
                )} run side by side: a CNI migration is in progress. Finish it within the platform refresh of ${
                context.platformRefresh
              }; two dataplanes are twice the debugging.`
            : `${all
                .map(cniLabel)
                .join(
                  ' and ',
                )} run side by side with no platform refresh planned. Either finish the move inside a scheduled refresh or roll back to one CNI.`,
      };
    }
    if (cni === 'cilium') {
      return {
        status: 'pass',
        evidence,
        recommendation: 'Cilium is the default choice; keep it.',
      };
    }
    if (cni === 'calico') {
      const reasons: string[] = [];
      if (context.requirements.includes('bgp-peering'))
        reasons.push('requirement bgp-peering');
      if (context.requirements.includes('windows-nodes'))
        reasons.push('requirement windows-nodes');
      const nodes = factValue(facts, 'nodes');
      if (nodes && nodes.windows > 0)
        reasons.push(plural(nodes.windows, 'Windows node'));
      const bgp = factValue(facts, 'bgp');
      if (bgp && bgp.peers > 0)
        reasons.push(`${plural(bgp.peers, 'BGP peer')} configured`);
      if (reasons.length > 0) {
        return {
          status: 'pass',
          evidence: [...evidence, ...reasons],
          recommendation: `Calico is the right choice here (${reasons.join(
            ', ',
          )}); keep it.`,
        };
      }
      return {
        status: 'pass',
        evidence,
        recommendation:
          'Calico without BGP peering or Windows nodes: Cilium would be the pick for a new build, but a working Calico is kept. Revisit only at a planned platform refresh, and test Calico eBPF on your own workload first.',
      };
    }
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
          ? 'No CNI was recognised on this production cluster. The framework default is Cilium.'
          : `This production cluster runs ${cniLabel(cni)}${cite(
              factEvidence(facts, 'cni'),
            )}; the framework default is Cilium (Calico where BGP peering or Windows nodes need it). Plan the move at the next platform refresh.`,
    };
  },
};
