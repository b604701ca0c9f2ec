import { factEvidence } from '../../facts/access';
import { CheckRule } from '../types';
import { cite, unknownBecause } from '../helpers';
import { providerName } from '../cni/platform';
import { kubeProxyState } from './state';

/** Managed Kubernetes that deploys kube-proxy itself: deleting it by hand is undone. */
const MANAGED_KUBE_PROXY: Record<string, string> = {
  EKS: 'kube-proxy is an EKS add-on here: remove the add-on (aws eks delete-addon --addon-name kube-proxy) once Cilium routes Services, rather than deleting the DaemonSet, which the add-on restores',
  AKS: 'AKS deploys kube-proxy itself: it is dropped when the cluster runs the Cilium dataplane; ask Azure support rather than deleting the DaemonSet, which AKS restores',
  GKE: 'GKE deploys kube-proxy itself: it is dropped with Dataplane V2; deleting the DaemonSet by hand is undone',
};

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
    const state = kubeProxyState(facts);
    if (state.kind === 'unknown') return unknownBecause(state.facts, state.ids);
    const evidence = factEvidence(facts, 'kubeProxy');
    if (state.kind === 'kube-proxy') {
      return {
        status: 'not-applicable',
        evidence,
        recommendation:
          'kube-proxy is not replaced here, so it is not redundant.',
      };
    }
    if (!state.fact.present) {
      return {
        status: 'pass',
        evidence,
        recommendation: `${state.by} replaces kube-proxy and no kube-proxy pod runs.`,
      };
    }
    const provider = providerName(facts);
    const managed = provider ? MANAGED_KUBE_PROXY[provider] : undefined;
    return {
      status: 'fail',
      evidence,
      recommendation: `kube-proxy still runs while ${
        state.by
      } replaces it${cite(evidence)}: ${
        managed ??
        'delete the kube-proxy DaemonSet (and its ConfigMap) and clean its iptables rules off the nodes, e.g. by rolling them'
      }.`,
    };
  },
};
