import { factEvidence, factValue } from '../../facts';
import { CheckRule } from '../types';
import { catalog, cite, cniLabel, unknownBecause } from '../helpers';

/** @public */
export const kubeProxyReplaced: CheckRule = {
  id: 'kube-proxy.replaced',
  area: 'kube-proxy',
  weight: 3,
  title: 'kube-proxy is replaced by the CNI',
  default:
    'Cilium (or Calico eBPF) handles Service load balancing; no kube-proxy',
  switchWhen:
    'Keep kube-proxy only when the platform depends on iptables-based tooling (requirement iptables-tooling)',
  rationale:
    'Cilium can do all Service load balancing in eBPF, which removes a whole component to run, upgrade and debug and replaces long iptables chains with constant-time lookups; Calico does the same in its eBPF mode. The one good reason to keep kube-proxy is tooling that reads or writes iptables rules and would break without them.',
  evaluate(facts, context) {
    const kubeProxy = factValue(facts, 'kubeProxy');
    if (kubeProxy === null) return unknownBecause(facts, ['kubeProxy']);
    const evidence = factEvidence(facts, 'kubeProxy');
    const tooling = context.requirements.includes('iptables-tooling');
    const req = catalog.requirements(context.requirements);

    if (kubeProxy.replacedBy !== null) {
      const by = kubeProxy.replacedBy === 'cilium' ? 'Cilium' : 'Calico eBPF';
      return tooling
        ? {
            status: 'warn',
            evidence: [...evidence, req],
            recommendation: `${by} replaces kube-proxy${cite(
              evidence,
            )} although the catalog declares iptables-tooling. Check that the iptables-based tooling still works without kube-proxy's rules, then drop the requirement.`,
          }
        : {
            status: 'pass',
            evidence,
            recommendation: `${by} replaces kube-proxy; keep it that way.`,
          };
    }
    if (!kubeProxy.present) {
      return unknownBecause(
        {
          kubeProxy: {
            value: null,
            evidence,
            reason:
              'no kube-proxy DaemonSet and no replacement seen; kube-proxy may run outside a DaemonSet (static pods)',
          },
        },
        ['kubeProxy'],
      );
    }
    if (tooling) {
      return {
        status: 'pass',
        evidence: [...evidence, req],
        recommendation:
          'kube-proxy is kept on purpose for the iptables-based tooling the catalog declares; revisit when that dependency goes.',
      };
    }
    const cni = factValue(facts, 'cni');
    if (cni === null) return unknownBecause(facts, ['cni']);
    const all = [...evidence, ...factEvidence(facts, 'cni')];
    if (cni === 'cilium') {
      return {
        status: 'fail',
        evidence: all,
        recommendation: `kube-proxy still routes Services${cite(
          evidence,
        )} although Cilium could do it in eBPF. Set kube-proxy-replacement=true in cilium-config (kernels 5.10+), then remove the kube-proxy DaemonSet.`,
      };
    }
    if (cni === 'calico') {
      return {
        status: 'warn',
        evidence: all,
        recommendation: `kube-proxy routes Services${cite(
          evidence,
        )}. Calico replaces it once its eBPF dataplane is on (linuxDataplane: BPF with kubeProxyManagement: Enabled); test that mode first.`,
      };
    }
    return {
      status: 'not-applicable',
      evidence: all,
      recommendation: `${cniLabel(
        cni,
      )} cannot replace kube-proxy; the CNI checks cover the move to Cilium.`,
    };
  },
};
