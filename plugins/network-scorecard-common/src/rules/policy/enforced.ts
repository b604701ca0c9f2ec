import { factEvidence, factValue, PoliciesFact } from '../../facts';
import { isProduction } from '../../context';
import { CheckRule } from '../types';
import { catalog, cite, cniLabel, plural, unknownBecause } from '../helpers';

function total(p: PoliciesFact): number {
  return (
    p.networkPolicies + p.ciliumPolicies + p.ciliumClusterwide + p.calicoGlobal
  );
}

/** @public */
export const policyEnforced: CheckRule = {
  id: 'policy.enforced',
  area: 'policy',
  weight: 3,
  title:
    'Network policies are enforced; DNS-aware and L7 rules where Cilium allows',
  default:
    'Network policies on every production cluster; on Cilium, DNS-aware egress rules and L7 rules where a requirement asks',
  switchWhen: 'Clusters that are not production may run without policies',
  rationale:
    'Both framework CNIs enforce Kubernetes NetworkPolicy, and each adds its own: Calico cluster-wide GlobalNetworkPolicy, Cilium identity-based rules that survive pod restarts, egress by DNS name, and L7 rules on HTTP method and path. Policies only count where the CNI enforces them: Flannel silently ignores them.',
  evaluate(facts, context) {
    const policies = factValue(facts, 'policies');
    if (policies === null) return unknownBecause(facts, ['policies']);
    const cni = factValue(facts, 'cni');
    if (cni === null) return unknownBecause(facts, ['cni']);
    const evidence = [
      ...factEvidence(facts, 'policies'),
      ...factEvidence(facts, 'cni'),
    ];
    const count = total(policies);
    const production = isProduction(context);
    const withLifecycle = [...evidence, catalog.lifecycle(context)];

    if (cni !== 'cilium' && cni !== 'calico') {
      if (!production) {
        return {
          status: 'not-applicable',
          evidence: withLifecycle,
          recommendation: `${cniLabel(
            cni,
          )} off production: policy enforcement is not expected here.`,
        };
      }
      return {
        status: cni === 'flannel' || count === 0 ? 'fail' : 'warn',
        evidence: withLifecycle,
        recommendation:
          cni === 'flannel'
            ? `Flannel does not enforce NetworkPolicy: ${plural(
                count,
                'policy object',
              )} here ${
                count === 1 ? 'is' : 'are'
              } paper only. Production needs Cilium or Calico.`
            : `${plural(count, 'policy object')} on ${cniLabel(cni)}${cite(
                factEvidence(facts, 'cni'),
              )}: confirm the CNI enforces them, or move to Cilium.`,
      };
    }
    if (count === 0) {
      return {
        status: production ? 'fail' : 'warn',
        evidence: withLifecycle,
        recommendation: `No network policy exists${cite(
          factEvidence(facts, 'policies'),
        )}: every pod can reach every other. Start with default-deny per namespace and explicit allows${
          cni === 'cilium' ? ', written as CiliumNetworkPolicy' : ''
        }.`,
      };
    }
    if (cni === 'calico') {
      return {
        status: 'pass',
        evidence,
        recommendation: `${plural(count, 'policy object')} enforced by Calico${
          policies.calicoGlobal > 0
            ? `, ${policies.calicoGlobal} of them GlobalNetworkPolicy`
            : ''
        }.`,
      };
    }
    const gaps: string[] = [];
    const fixes: string[] = [];
    if (policies.dnsRules === 0) {
      gaps.push(
        'no DNS-aware rule (toFQDNs) controls egress to external names',
      );
      fixes.push(
        'egress by DNS name (toFQDNs with a DNS rule towards kube-dns)',
      );
    }
    if (context.requirements.includes('l7-policy') && policies.l7Rules === 0) {
      gaps.push(
        'l7-policy is declared but no CiliumNetworkPolicy has an L7 (http) rule',
      );
      fixes.push(
        'rules.http (method, path) on the services the requirement covers',
      );
    }
    if (gaps.length === 0) {
      return {
        status: 'pass',
        evidence,
        recommendation: `${plural(
          count,
          'policy object',
        )} enforced by Cilium, with ${plural(
          policies.dnsRules,
          'DNS rule',
        )} and ${plural(policies.l7Rules, 'L7 rule')}.`,
      };
    }
    return {
      status: 'warn',
      evidence,
      recommendation: `${plural(
        count,
        'policy object',
      )} enforced by Cilium, but ${gaps.join(
        '; ',
      )}. Add CiliumNetworkPolicies with ${fixes.join(' and ')}.`,
    };
  },
};
