import { CniName } from '../../facts';
import { factEvidence, factValue } from '../../facts/access';
import { CheckRule } from '../types';
import { cite, cniSet, unknownBecause } from '../helpers';
import { isCanal } from '../cni/move';
import { kubeProxyState } from './state';

/** Where iptables Service routing starts to cost, per the framework. */
export const IPTABLES_SERVICE_THRESHOLD = 1000;

const FIX: Partial<Record<CniName, string>> = {
  calico:
    'Switch Calico to its eBPF dataplane, which takes over Service routing; until then run kube-proxy in nftables mode',
  cilium: 'Turn on Cilium kube-proxy replacement and remove kube-proxy',
  other:
    'Replace kube-proxy (Cilium, or Calico eBPF); until then run it in nftables mode',
};

/** @public */
export const kubeProxyScale: CheckRule = {
  id: 'kube-proxy.scale',
  area: 'kube-proxy',
  weight: 2,
  title: 'Service routing scales with the number of Services',
  default:
    'Hash-table Service lookup (eBPF, or IPVS/nftables kube-proxy) once a cluster has 1,000+ Services',
  switchWhen: 'iptables-mode kube-proxy is tolerable below 1,000 Services',
  rationale:
    'iptables evaluates rules one after another, so every Service adds work to every new connection and to every rule sync; past about a thousand Services the difference to eBPF hash-table lookups becomes visible in latency. Below that, iptables mode is a cost to plan away rather than an emergency.',
  evaluate(facts, context) {
    const state = kubeProxyState(facts);
    if (state.kind === 'unknown') return unknownBecause(state.facts, state.ids);
    const evidence = factEvidence(facts, 'kubeProxy');
    if (state.kind === 'replaced') {
      return {
        status: 'not-applicable',
        evidence,
        recommendation: `${state.by} routes Services here, not kube-proxy.`,
      };
    }
    const kubeProxy = state.fact;
    if (kubeProxy.mode === 'ipvs' || kubeProxy.mode === 'nftables') {
      return {
        status: 'pass',
        evidence,
        recommendation: `kube-proxy runs in ${kubeProxy.mode} mode, which does not slow down linearly with Services.`,
      };
    }
    const services = factValue(facts, 'services');
    if (services === null) return unknownBecause(facts, ['services']);
    const all = [...evidence, ...factEvidence(facts, 'services')];
    if (services < IPTABLES_SERVICE_THRESHOLD) {
      return {
        status: 'pass',
        evidence: all,
        recommendation: `${services} Services is below the ~1,000 where iptables routing starts to cost; replace kube-proxy before the cluster grows there.`,
      };
    }
    if (kubeProxy.mode === null)
      return unknownBecause(
        {
          kubeProxy: {
            value: null,
            evidence,
            reason: 'kube-proxy mode not readable',
          },
        },
        ['kubeProxy'],
      );
    if (context.requirements.includes('iptables-tooling')) {
      return {
        status: 'warn',
        evidence: all,
        recommendation: `${services} Services routed by iptables-mode kube-proxy${cite(
          evidence,
        )}. The iptables-tooling dependency keeps kube-proxy; plan to retire that dependency, because latency grows with every Service.`,
      };
    }
    const cnis = cniSet(facts);
    // Canal's Calico has no eBPF dataplane to switch to.
    const cni = cnis && isCanal(cnis) ? 'other' : factValue(facts, 'cni');
    const fix = FIX[cni ?? 'other'] ?? FIX.other;
    return {
      status: 'fail',
      evidence: all,
      recommendation: `${services} Services are routed by iptables-mode kube-proxy${cite(
        evidence,
      )}: every connection walks rule chains that grow with each Service. ${fix}.`,
    };
  },
};
