import { factEvidence, factValue } from '../../facts';
import { CheckRule } from '../types';
import { cite, unknownBecause } from '../helpers';

/** @public */
export const kubeProxyRedundant: CheckRule = {
  id: 'kube-proxy.redundant',
  area: 'kube-proxy',
  weight: 2,
  title: 'No kube-proxy left next to its replacement',
  default: 'Once the CNI replaces kube-proxy, the kube-proxy DaemonSet is gone',
  switchWhen: 'Never: a replacement running beside kube-proxy has no upside',
  rationale:
    'The point of kube-proxy replacement is one fewer component. If the DaemonSet keeps running, two agents program the same Services, the iptables rules the replacement was meant to retire are still there, and an incident has two places to look instead of one.',
  evaluate(facts) {
    const kubeProxy = factValue(facts, 'kubeProxy');
    if (kubeProxy === null) return unknownBecause(facts, ['kubeProxy']);
    const evidence = factEvidence(facts, 'kubeProxy');
    if (kubeProxy.replacedBy === null) {
      return {
        status: 'not-applicable',
        evidence,
        recommendation:
          'kube-proxy is not replaced here, so it is not redundant.',
      };
    }
    const by = kubeProxy.replacedBy === 'cilium' ? 'Cilium' : 'Calico eBPF';
    if (!kubeProxy.present) {
      return {
        status: 'pass',
        evidence,
        recommendation: `${by} replaces kube-proxy and no kube-proxy pod runs.`,
      };
    }
    return {
      status: 'fail',
      evidence,
      recommendation: `kube-proxy still runs while ${by} replaces it${cite(
        evidence,
      )}: delete the kube-proxy DaemonSet (and its ConfigMap) and clean its iptables rules off the nodes, e.g. by rolling them.`,
    };
  },
};
