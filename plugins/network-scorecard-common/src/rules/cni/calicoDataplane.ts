import { factEvidence, factValue } from '../../facts/access';
import { CheckRule } from '../types';
import { cite, cniSet, evidenceOf, unknownBecause } from '../helpers';
import { isCanal, movesToCilium, targetEvidence } from './move';
import { managedConfigAdvice, platformOf } from './platform';

/** @public */
export const cniCalicoDataplane: CheckRule = {
  id: 'cni.calico-dataplane',
  area: 'cni',
  weight: 1,
  title: 'Calico runs its eBPF dataplane, or tests it before any move',
  default: 'Calico on its eBPF dataplane',
  switchWhen:
    'A stable Calico may stay on iptables; before a move to Cilium or performance work, test eBPF mode on the real workload',
  rationale:
    'Calico can run on eBPF instead of iptables, and on a real workload that mode came within a few percent of Cilium, which made a planned move to Cilium not worth its risk. So before judging Calico slow or starting a migration, switch a test cluster to eBPF and measure your own traffic rather than trusting published benchmarks. A working Calico with no move or performance problem in sight is not pushed to change.',
  evaluate(facts, context) {
    const cni = factValue(facts, 'cni');
    if (cni === null) return unknownBecause(facts, ['cni']);
    if (cni !== 'calico') {
      return {
        status: 'not-applicable',
        evidence: factEvidence(facts, 'cni'),
        recommendation: 'Calico is not the CNI here.',
      };
    }
    const all = cniSet(facts);
    if (all === null) return unknownBecause(facts, ['cni.all']);
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
    if (isCanal(all)) {
      return {
        status: 'warn',
        evidence: evidenceOf(facts, 'cni.all', 'calico.dataplane'),
        recommendation: `Canal runs Calico for policy only, on Flannel's networking${cite(
          factEvidence(facts, 'cni.all'),
        )}: Calico's eBPF dataplane needs Calico networking, so there is no eBPF mode to test here. The way to eBPF is a change of CNI at a rebuild${
          platformOf(facts)?.cniAddon === 'rke2-canal'
            ? ' (RKE2: cni: calico or cni: cilium in the server config)'
            : ''
        }.`,
      };
    }
    const how =
      platformOf(facts)?.cniAddon === 'rke2-calico'
        ? `set installation.calicoNetwork.linuxDataplane: BPF through ${managedConfigAdvice(
            facts,
          )}`
        : 'Installation spec.calicoNetwork.linuxDataplane: BPF';
    if (movesToCilium(all, context)) {
      return {
        status: 'warn',
        evidence: [...evidence, targetEvidence(context)],
        recommendation: `Calico runs its ${dataplane} dataplane${cite(
          evidence,
        )} while a move to Cilium is planned. Test eBPF mode (${how}) on a staging cluster with your own workload first: if it comes close to Cilium, the move may not be worth its risk.`,
      };
    }
    return {
      status: 'pass',
      evidence: [...evidence, targetEvidence(context)],
      recommendation: `Calico runs its ${dataplane} dataplane and no move is planned; a stable Calico can stay so. Before performance work or a move to Cilium, test eBPF mode (${how}) on your own workload.`,
    };
  },
};
