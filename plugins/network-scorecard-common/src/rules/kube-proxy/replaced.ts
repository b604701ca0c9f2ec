import { ClusterFacts } from '../../facts';
import { factEvidence, factValue } from '../../facts/access';
import { CheckRule } from '../types';
import { catalog, cite, cniLabel, cniSet, unknownBecause } from '../helpers';
import { isCanal } from '../cni/move';
import { managedConfigAdvice, platformOf } from '../cni/platform';
import { kubeProxyState } from './state';

/** Why this CNI cannot take over Service routing, and the way there on this platform. */
function cannotReplace(facts: ClusterFacts, label: string): string {
  switch (platformOf(facts)?.cniAddon) {
    case 'eks-vpc-cni':
      return 'The AWS VPC CNI does not route Services, so kube-proxy has to stay; Cilium can take over (kube-proxy replacement, with the VPC CNI removed or in chaining mode) at the next refresh.';
    case 'aks-azure-cni':
      return "Azure CNI leaves Services to kube-proxy; AKS's Cilium dataplane (az aks update --network-dataplane cilium) replaces it.";
    case 'k3s-flannel':
      return "k3s's built-in Flannel cannot replace kube-proxy; rebuilding with --flannel-backend=none --disable-kube-proxy and Cilium (kube-proxy replacement) can.";
    case 'rke2-canal':
      return "Canal's Calico enforces policy only and cannot route Services; RKE2 with cni: cilium and disable-kube-proxy: true can, at a rebuild.";
    default:
      return `${label} cannot replace kube-proxy; Cilium (the framework default) or Calico eBPF can, at the next rebuild.`;
  }
}

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
    'Cilium can do all Service load balancing in eBPF, which removes a whole component to run, upgrade and debug and replaces long iptables chains with constant-time lookups; Calico does the same in its eBPF mode. The one good reason to keep kube-proxy is tooling that reads or writes iptables rules and would break without them. A CNI that cannot replace it leaves the cluster short of the default, which counts as a warning with the reason, not as a question that does not arise.',
  evaluate(facts, context) {
    const state = kubeProxyState(facts);
    if (state.kind === 'unknown') return unknownBecause(state.facts, state.ids);
    const evidence = factEvidence(facts, 'kubeProxy');
    const tooling = context.requirements.includes('iptables-tooling');
    const req = catalog.requirements(context.requirements);
    if (state.kind === 'replaced') {
      return tooling
        ? {
            status: 'warn',
            evidence: [...evidence, req],
            recommendation: `${state.by} replaces kube-proxy${cite(
              evidence,
            )} although the catalog declares iptables-tooling. Check that the iptables-based tooling still works without kube-proxy's rules, then drop the requirement.`,
          }
        : {
            status: 'pass',
            evidence,
            recommendation: `${state.by} replaces kube-proxy; keep it that way.`,
          };
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
    const all = cniSet(facts);
    if (cni === null || all === null)
      return unknownBecause(facts, ['cni', 'cni.all']);
    const withCni = [...evidence, ...factEvidence(facts, 'cni')];
    if (cni === 'none') {
      return {
        status: 'not-applicable',
        evidence: withCni,
        recommendation:
          'No CNI runs, so no Service is routed yet; the CNI checks come first.',
      };
    }
    if (cni === 'cilium') {
      const managed = managedConfigAdvice(facts);
      return {
        status: 'fail',
        evidence: withCni,
        recommendation: `kube-proxy still routes Services${cite(
          evidence,
        )} although Cilium could do it in eBPF. ${
          managed
            ? `Turn on kube-proxy replacement the platform's way: ${managed}.`
            : 'Set kube-proxy-replacement=true in cilium-config (Helm kubeProxyReplacement=true, kernels 5.10+), then remove the kube-proxy DaemonSet.'
        }`,
      };
    }
    if (cni === 'calico' && !isCanal(all)) {
      const managed =
        platformOf(facts)?.cniAddon === 'rke2-calico'
          ? ` (on RKE2 through ${managedConfigAdvice(facts)})`
          : '';
      return {
        status: 'warn',
        evidence: withCni,
        recommendation: `kube-proxy routes Services${cite(
          evidence,
        )}. Calico replaces it once its eBPF dataplane is on (linuxDataplane: BPF with kubeProxyManagement: Enabled${managed}); test that mode first.`,
      };
    }
    return {
      status: 'warn',
      evidence: [...withCni, ...factEvidence(facts, 'platform')],
      recommendation: `kube-proxy routes Services${cite(
        evidence,
      )}. ${cannotReplace(
        facts,
        isCanal(all)
          ? 'Canal (Calico policy on Flannel networking)'
          : cniLabel(cni),
      )}`,
    };
  },
};
