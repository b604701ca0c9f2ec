import { factEvidence, factValue } from '../../facts';
import { CheckRule } from '../types';
import {
  cniSet,
  keepsCalico,
  plural,
  refreshState,
  unknownBecause,
} from '../helpers';

/** @public */
export const cniKernel: CheckRule = {
  id: 'cni.kernel',
  area: 'cni',
  weight: 2,
  title: 'Linux 5.10 or newer on every node for Cilium',
  default:
    'Every Linux node on kernel 5.10+ wherever Cilium runs or is planned',
  switchWhen:
    'Never for Cilium; clusters staying on Calico or Flannel are not affected',
  rationale:
    'Cilium builds everything on eBPF, and the framework recommends it on modern kernels from 5.10 onwards. That bar is deliberately stricter than the minimum Cilium itself documents: older kernels lack eBPF features that kube-proxy replacement and the faster datapaths rely on, and a fleet with mixed kernels behaves differently node to node.',
  evaluate(facts, context) {
    const all = cniSet(facts);
    if (all === null) return unknownBecause(facts, ['cni', 'cni.all']);
    const runsCilium = all.includes('cilium');
    // A refresh on a cluster that has no reason to stay on Calico is when Cilium goes in.
    const plansCilium =
      !runsCilium &&
      !all.includes('none') &&
      !keepsCalico(context) &&
      refreshState(context) === 'planned';
    if (!runsCilium && !plansCilium) {
      return {
        status: 'not-applicable',
        evidence: factEvidence(facts, 'cni'),
        recommendation:
          'Cilium neither runs nor is planned here; the kernel bar does not apply.',
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
    if (nodes.belowKernel510 === 0) {
      return {
        status: 'pass',
        evidence,
        recommendation: `All ${plural(
          nodes.linux,
          'Linux node',
        )} run kernel 5.10 or newer (lowest ${nodes.minKernel}).`,
      };
    }
    const what = `${nodes.belowKernel510} of ${plural(
      nodes.linux,
      'Linux node',
    )} run a kernel below 5.10 (lowest ${nodes.minKernel})`;
    return runsCilium
      ? {
          status: 'fail',
          evidence,
          recommendation: `${what} under Cilium. Move the node image to a 5.10+ kernel before enabling kube-proxy replacement or newer eBPF features.`,
        }
      : {
          status: 'warn',
          evidence: [
            ...evidence,
            `catalog: network-scorecard.io/platform-refresh=${context.platformRefresh}`,
          ],
          recommendation: `${what}. Cilium is the target at the refresh of ${context.platformRefresh}: move the node image to a 5.10+ kernel first.`,
        };
  },
};
