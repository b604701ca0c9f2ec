import { ClusterFacts, factValue } from '../../facts';
import { ReadinessRule } from '../types';
import {
  plural,
  ReadinessFinding,
  readinessFrom,
  readinessUnknown,
} from '../helpers';

function cniCanReplace(facts: ClusterFacts): ReadinessFinding {
  const cni = factValue(facts, 'cni');
  if (cni === null) return { unknown: 'cni' };
  if (cni === 'cilium') {
    return {
      step: 'Set kube-proxy-replacement=true in cilium-config (Helm kubeProxyReplacement=true with k8sServiceHost/k8sServicePort) and roll the agents',
    };
  }
  if (cni === 'calico') {
    return {
      step: 'Switch Calico to its eBPF dataplane with kubeProxyManagement: Enabled (Installation spec.calicoNetwork.linuxDataplane: BPF)',
    };
  }
  return {
    blocker: `the CNI (${cni}) cannot replace kube-proxy; only Cilium or Calico eBPF can`,
  };
}

function kernels(facts: ClusterFacts): ReadinessFinding {
  const nodes = factValue(facts, 'nodes');
  if (nodes === null) return { unknown: 'nodes' };
  return nodes.belowKernel510 > 0
    ? {
        blocker: `${nodes.belowKernel510} of ${plural(
          nodes.linux,
          'Linux node',
        )} run a kernel below 5.10 (lowest ${nodes.minKernel})`,
      }
    : {};
}

/** @public */
export const readinessKubeProxyReplacement: ReadinessRule = {
  id: 'readiness.kube-proxy-replacement',
  title: 'Ready to replace kube-proxy',
  evaluate(facts, context) {
    const kubeProxy = factValue(facts, 'kubeProxy');
    if (kubeProxy === null) return readinessUnknown(facts, ['kubeProxy']);
    if (kubeProxy.replacedBy !== null) {
      return kubeProxy.present
        ? {
            status: 'ready',
            blockers: [],
            steps: [
              'Delete the kube-proxy DaemonSet: its replacement already routes Services',
            ],
          }
        : { status: 'not-applicable', blockers: [], steps: [] };
    }
    if (!kubeProxy.present) {
      return readinessUnknown(
        {
          kubeProxy: {
            value: null,
            evidence: [],
            reason: 'no kube-proxy DaemonSet and no replacement seen',
          },
        },
        ['kubeProxy'],
      );
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
    return readinessFrom(facts, findings, [
      'Delete the kube-proxy DaemonSet and flush its iptables rules (roll the nodes)',
    ]);
  },
};
