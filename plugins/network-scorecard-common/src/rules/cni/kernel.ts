import { factEvidence, factValue } from '../../facts/access';
import { CheckRule } from '../types';
import {
  catalog,
  cniSet,
  evidenceOf,
  plural,
  unknownBecause,
} from '../helpers';
import { movesToCilium, targetEvidence, withKernelsUnknown } from './move';
import { nodeImageAdvice } from './platform';

/** @public */
export const cniKernel: CheckRule = {
  id: 'cni.kernel',
  area: 'cni',
  weight: 2,
  title: 'Linux 5.10 or newer on every node for Cilium',
  default:
    'Every Linux node on kernel 5.10+ (or RHEL 8.10, which Cilium counts as equivalent) wherever Cilium runs or is the declared target',
  switchWhen:
    'Never for Cilium; clusters staying on Calico or Flannel (no target-cni: cilium declared) are not affected',
  rationale:
    'Cilium builds everything on eBPF, and the framework recommends it on modern kernels from 5.10 onwards; current Cilium releases document the same floor, with RHEL 8.10 accepted because its 4.18 kernel carries the needed eBPF features backported. Older kernels lack what kube-proxy replacement and the faster datapaths rely on, and a fleet with mixed kernels behaves differently node to node. The bar only matters where Cilium runs or a move to it is declared: a refresh date on its own plans nothing.',
  evaluate(facts, context) {
    const all = cniSet(facts);
    if (all === null) return unknownBecause(facts, ['cni', 'cni.all']);
    const runsCilium = all.includes('cilium');
    const plansCilium = !runsCilium && movesToCilium(all, context);
    if (!runsCilium && !plansCilium) {
      return {
        status: 'not-applicable',
        evidence: [
          ...factEvidence(facts, 'cni'),
          targetEvidence(context),
          catalog.refresh(context),
        ],
        recommendation:
          'Cilium does not run here and no move to it is declared (network-scorecard.io/target-cni), so its kernel bar does not apply; a platform-refresh date alone plans no move.',
      };
    }
    const nodes = factValue(facts, 'nodes');
    if (nodes === null) return unknownBecause(facts, ['nodes']);
    const evidence = factEvidence(facts, 'nodes');
    if (nodes.linux === 0) {
      return unknownBecause(
        { nodes: { value: null, evidence, reason: 'no Linux node seen' } },
        ['nodes'],
      );
    }
    const planned = [targetEvidence(context), catalog.refresh(context)];
    if (nodes.belowKernel510 > 0) {
      const what = `${nodes.belowKernel510} of ${plural(
        nodes.linux,
        'Linux node',
      )} run a kernel below 5.10 (lowest ${nodes.minKernel})`;
      return runsCilium
        ? {
            status: 'fail',
            evidence,
            recommendation: `${what} under Cilium. Before enabling kube-proxy replacement or newer eBPF features, ${nodeImageAdvice(
              facts,
            )}.`,
          }
        : {
            status: 'warn',
            evidence: [...evidence, ...planned],
            recommendation: `${what}, and the catalog declares a move to Cilium. Before the move, ${nodeImageAdvice(
              facts,
            )}.`,
          };
    }
    if (nodes.unreadableKernel > 0)
      return unknownBecause(withKernelsUnknown(facts), ['nodes']);
    const equivalent =
      nodes.kernel510Equivalent > 0
        ? ` ${plural(
            nodes.kernel510Equivalent,
            'node',
          )} run RHEL 8.10's 4.18 kernel, which Cilium documents as equivalent to 5.10 (its eBPF features are backported); keep those nodes on 8.10 or later.`
        : '';
    return {
      status: 'pass',
      evidence: runsCilium
        ? evidence
        : evidenceOf(facts, 'nodes').concat(planned),
      recommendation: `All ${plural(
        nodes.linux,
        'Linux node',
      )} run kernel 5.10 or an equivalent (lowest ${
        nodes.minKernel
      }).${equivalent}`,
    };
  },
};
