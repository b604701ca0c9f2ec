import { factEvidence, factValue } from '../../facts/access';
import { isProduction } from '../../context/types';
import { CheckRule } from '../types';
import { catalog, cniLabel, unknownBecause } from '../helpers';

/** @public */
export const cniProductionGrade: CheckRule = {
  id: 'cni.production-grade',
  area: 'cni',
  weight: 3,
  title: 'Production runs a production-grade CNI',
  default: 'Cilium or Calico on every production cluster',
  switchWhen: 'Flannel is acceptable only on clusters that are not production',
  rationale:
    'For production traffic the serious contenders are Cilium and Calico: both enforce network policy and have years of large-scale use behind them. Flannel only moves packets between nodes, which is enough for a developer cluster but leaves a production cluster without policy enforcement or flow visibility.',
  evaluate(facts, context) {
    const cni = factValue(facts, 'cni');
    if (cni === null) return unknownBecause(facts, ['cni']);
    const evidence = factEvidence(facts, 'cni');
    if (cni === 'cilium' || cni === 'calico') {
      return {
        status: 'pass',
        evidence,
        recommendation: `${cniLabel(
          cni,
        )} is production-grade; nothing to change.`,
      };
    }
    const lifecycle = catalog.lifecycle(context);
    if (!isProduction(context)) {
      if (context.lifecycle === null) {
        return {
          status: 'warn',
          evidence: [...evidence, lifecycle],
          recommendation: `The cluster runs ${cniLabel(
            cni,
          )} and its catalog entity declares no spec.lifecycle. Declare it; if the cluster serves production, plan Cilium at the next platform refresh.`,
        };
      }
      return {
        status: 'pass',
        evidence: [...evidence, lifecycle],
        recommendation: `${cniLabel(cni)} is acceptable on a ${
          context.lifecycle
        } cluster; do not promote this cluster to production on it.`,
      };
    }
    if (cni === 'flannel') {
      return {
        status: 'fail',
        evidence: [...evidence, lifecycle],
        recommendation:
          'Flannel carries production traffic here without network policy enforcement or flow visibility. Rebuild the cluster on Cilium at the next platform refresh.',
      };
    }
    return {
      status: cni === 'none' ? 'fail' : 'warn',
      evidence: [...evidence, lifecycle],
      recommendation:
        cni === 'none'
          ? 'No CNI runs on this production cluster: no agent of a known CNI and no node with a ready network. Install Cilium (or Calico where BGP peering or Windows nodes need it).'
          : 'This production cluster runs a CNI outside the framework (neither Cilium nor Calico). Check that it enforces network policy and gives flow visibility, or plan Cilium at the next refresh.',
    };
  },
};
