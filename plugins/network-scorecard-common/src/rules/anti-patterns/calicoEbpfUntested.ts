import { factEvidence, factValue } from '../../facts';
import { AntiPatternRule } from '../types';
import {
  antiPatternUnknown,
  catalog,
  keepsCalico,
  refreshState,
} from '../helpers';

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
    const all = factValue(facts, 'cni.all');
    const ciliumDeployed = all?.includes('cilium') ?? false;
    // A refresh only prepares a move to Cilium where nothing keeps the cluster on Calico.
    const refreshPlanned =
      refreshState(context) === 'planned' && !keepsCalico(context);
    if (!ciliumDeployed && !refreshPlanned) {
      return all === null
        ? antiPatternUnknown(facts, ['cni.all'])
        : {
            status: 'clear',
            evidence: [...withDataplane, catalog.refresh(context)],
          };
    }
    return {
      status: 'detected',
      evidence: [
        ...withDataplane,
        ...(ciliumDeployed
          ? factEvidence(facts, 'cni.all')
          : [catalog.refresh(context)]),
        ciliumDeployed
          ? `Cilium is already being rolled out while Calico runs ${dataplane}`
          : `a platform refresh is planned for ${context.platformRefresh} while Calico runs ${dataplane}, untested on eBPF`,
      ],
    };
  },
};
