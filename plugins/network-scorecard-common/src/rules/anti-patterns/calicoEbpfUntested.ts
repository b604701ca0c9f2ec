import { factEvidence, factValue } from '../../facts/access';
import { AntiPatternRule } from '../types';
import { antiPatternUnknown, catalog, cniSet } from '../helpers';
import { isCanal, movesToCilium, targetEvidence } from '../cni/move';

/** @public */
export const apCalicoEbpfUntested: AntiPatternRule = {
  id: 'ap.calico-ebpf-untested',
  title: 'Preparing a move to Cilium while Calico still runs iptables',
  lesson:
    "It is easy to assume Calico's eBPF mode is an afterthought. Measured on a real workload it came within a few percent of Cilium, and the planned migration stopped being worth its risk. Test eBPF mode on your own traffic before committing to the move.",
  evaluate(facts, context) {
    const cni = factValue(facts, 'cni');
    if (cni === null) return antiPatternUnknown(facts, ['cni']);
    const evidence = factEvidence(facts, 'cni');
    if (cni !== 'calico') return { status: 'clear', evidence };
    const all = cniSet(facts);
    if (all === null) return antiPatternUnknown(facts, ['cni.all']);
    const dataplane = factValue(facts, 'calico.dataplane');
    if (dataplane === null)
      return antiPatternUnknown(facts, ['calico.dataplane']);
    const withDataplane = [
      ...evidence,
      ...factEvidence(facts, 'calico.dataplane'),
    ];
    if (dataplane === 'bpf' || dataplane === 'vpp') {
      return { status: 'clear', evidence: withDataplane };
    }
    if (isCanal(all)) {
      return {
        status: 'clear',
        evidence: [
          ...withDataplane,
          ...factEvidence(facts, 'cni.all'),
          "Canal: Calico enforces policy on Flannel's networking, so there is no eBPF mode to test",
        ],
      };
    }
    const ciliumDeployed = all.includes('cilium');
    // A move needs a decision (target-cni) or Cilium already on nodes; a refresh date alone plans nothing.
    if (!movesToCilium(all, context)) {
      return {
        status: 'clear',
        evidence: [
          ...withDataplane,
          targetEvidence(context),
          catalog.refresh(context),
        ],
      };
    }
    return {
      status: 'detected',
      evidence: [
        ...withDataplane,
        ...(ciliumDeployed
          ? factEvidence(facts, 'cni.all')
          : [targetEvidence(context), catalog.refresh(context)]),
        ciliumDeployed
          ? `Cilium is already being rolled out while Calico runs ${dataplane}`
          : `a move to Cilium is declared while Calico runs ${dataplane}, untested on eBPF`,
      ],
    };
  },
};
