import { ClusterFacts } from '../../facts';
import { factValue } from '../../facts/access';
import { ReadinessRule } from '../types';
import {
  cniSet,
  plural,
  ReadinessFinding,
  readinessFrom,
  readinessUnknown,
} from '../helpers';
import { isCanal, withKernelsUnknown } from '../cni/move';
import { managedConfigAdvice, platformOf } from '../cni/platform';
import { kubeProxyState } from '../kube-proxy/state';

function cniCanReplace(facts: ClusterFacts): ReadinessFinding {
  const cni = factValue(facts, 'cni');
  const all = cniSet(facts);
  if (cni === null) return { unknown: 'cni' };
  if (all === null) return { unknown: 'cni.all' };
  const managed = managedConfigAdvice(facts);
  if (cni === 'cilium') {
    return {
      step: managed
        ? `Turn on kube-proxy replacement the platform's way: ${managed}`
        : 'Set kube-proxy-replacement=true in cilium-config (Helm kubeProxyReplacement=true with k8sServiceHost/k8sServicePort) and roll the agents',
    };
  }
  if (cni === 'calico' && !isCanal(all)) {
    return {
      step: `Switch Calico to its eBPF dataplane with kubeProxyManagement: Enabled (Installation spec.calicoNetwork.linuxDataplane: BPF${
        platformOf(facts)?.cniAddon === 'rke2-calico' ? `; ${managed}` : ''
      })`,
    };
  }
  const addon = platformOf(facts)?.cniAddon;
  let what = `the CNI (${cni})`;
  if (isCanal(all)) what = 'Canal (Calico policy on Flannel networking)';
  else if (addon === 'eks-vpc-cni') what = 'the AWS VPC CNI';
  else if (addon === 'aks-azure-cni') what = 'Azure CNI';
  return {
    blocker: `${what} cannot replace kube-proxy; only Cilium or Calico eBPF can`,
  };
}

function kernels(facts: ClusterFacts): ReadinessFinding {
  const nodes = factValue(facts, 'nodes');
  if (nodes === null) return { unknown: 'nodes' };
  if (nodes.belowKernel510 > 0)
    return {
      blocker: `${nodes.belowKernel510} of ${plural(
        nodes.linux,
        'Linux node',
      )} run a kernel below 5.10 (lowest ${nodes.minKernel})`,
    };
  return nodes.unreadableKernel > 0 ? { unknown: 'nodes' } : {};
}

/** @public */
export const readinessKubeProxyReplacement: ReadinessRule = {
  id: 'readiness.kube-proxy-replacement',
  title: 'Ready to replace kube-proxy',
  evaluate(facts, context) {
    const state = kubeProxyState(facts);
    if (state.kind === 'unknown')
      return readinessUnknown(state.facts, state.ids);
    if (state.kind === 'replaced') {
      return state.fact.present
        ? {
            status: 'ready',
            blockers: [],
            steps: [
              'Delete the kube-proxy DaemonSet: its replacement already routes Services',
            ],
          }
        : { status: 'not-applicable', blockers: [], steps: [] };
    }
    const findings: ReadinessFinding[] = [
      cniCanReplace(facts),
      kernels(facts),
      context.requirements.includes('iptables-tooling')
        ? {
            blocker:
              "requirement iptables-tooling: the platform depends on kube-proxy's iptables rules",
          }
        : {},
    ];
    return readinessFrom(withKernelsUnknown(facts), findings, [
      'Delete the kube-proxy DaemonSet and flush its iptables rules (roll the nodes)',
    ]);
  },
};
