import { factEvidence, factValue } from '../../facts';
import { CheckRule } from '../types';
import { cniLabel, evidenceOf, plural, unknownBecause } from '../helpers';

/** @public */
export const cniWindows: CheckRule = {
  id: 'cni.windows',
  area: 'cni',
  weight: 2,
  title: 'Windows nodes run on Calico',
  default: 'Linux-only clusters: any framework CNI',
  switchWhen:
    'Windows nodes join the cluster: Calico, the established choice for mixed clusters',
  rationale:
    'Cilium is Linux and eBPF only. When Windows nodes share a cluster with Linux ones, Calico is the CNI with a long record of running both, so a mixed cluster should be on Calico.',
  evaluate(facts, context) {
    const required = context.requirements.includes('windows-nodes');
    const nodes = factValue(facts, 'nodes');
    if (nodes === null && !required) return unknownBecause(facts, ['nodes']);
    const windows = nodes?.windows ?? 0;
    if (windows === 0 && !required) {
      return {
        status: 'not-applicable',
        evidence: factEvidence(facts, 'nodes'),
        recommendation: 'No Windows nodes and no windows-nodes requirement.',
      };
    }
    const cni = factValue(facts, 'cni');
    if (cni === null) return unknownBecause(facts, ['cni']);
    const why =
      windows > 0
        ? plural(windows, 'Windows node')
        : 'requirement windows-nodes';
    const evidence = evidenceOf(facts, 'nodes', 'cni');
    if (cni === 'calico') {
      return {
        status: 'pass',
        evidence,
        recommendation: `Calico serves the ${why}; keep it.`,
      };
    }
    return {
      status: 'fail',
      evidence,
      recommendation: `${why} but the CNI is ${cniLabel(
        cni,
      )}. Windows nodes need Calico: move the cluster to Calico or keep Windows workloads on a separate Calico cluster.`,
    };
  },
};
