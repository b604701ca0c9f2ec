import { factEvidence, factValue } from '../../facts';
import { CheckRule } from '../types';
import { cite, unknownBecause } from '../helpers';

/** @public */
export const cniCalicoDataplane: CheckRule = {
  id: 'cni.calico-dataplane',
  area: 'cni',
  weight: 1,
  title: 'Calico runs its eBPF dataplane (or has tested it)',
  default: 'Calico on its eBPF dataplane',
  switchWhen:
    'Stay on iptables only after eBPF mode was tested on the real workload and found wanting',
  rationale:
    'Calico can run on eBPF instead of iptables, and on a real workload that mode came within a few percent of Cilium, which made a planned move to Cilium not worth its risk. So before judging Calico slow or starting a migration, switch a test cluster to eBPF and measure your own traffic rather than trusting published benchmarks.',
  evaluate(facts) {
    const cni = factValue(facts, 'cni');
    if (cni === null) return unknownBecause(facts, ['cni']);
    if (cni !== 'calico') {
      return {
        status: 'not-applicable',
        evidence: factEvidence(facts, 'cni'),
        recommendation: 'Calico is not the CNI here.',
      };
    }
    const dataplane = factValue(facts, 'calico.dataplane');
    if (dataplane === null) return unknownBecause(facts, ['calico.dataplane']);
    const evidence = factEvidence(facts, 'calico.dataplane');
    if (dataplane === 'bpf') {
      return {
        status: 'pass',
        evidence,
        recommendation:
          'Calico runs its eBPF dataplane; its performance is close to Cilium, so there is no performance case for migrating.',
      };
    }
    if (dataplane === 'vpp') {
      return {
        status: 'pass',
        evidence,
        recommendation:
          'Calico runs the VPP dataplane, a deliberate high-throughput choice; nothing to change here.',
      };
    }
    return {
      status: 'warn',
      evidence,
      recommendation: `Calico runs its ${dataplane} dataplane${cite(
        evidence,
      )}. Test eBPF mode (Installation spec.calicoNetwork.linuxDataplane: BPF) on a staging cluster with your own workload before any other performance work or a move to Cilium.`,
    };
  },
};
