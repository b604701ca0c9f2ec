import { CheckRule, factEvidence, factValue } from '@network-scorecard/common';

/**
 * ACME's own rule: every production cluster encrypts pod-to-pod traffic in
 * the CNI. The framework only recommends it (`encryption.transparent` warns);
 * ACME's security policy makes it a hard requirement for production.
 * @public
 */
export const acmeProductionEncryption: CheckRule = {
  id: 'acme.encryption.production',
  area: 'encryption',
  weight: 3,
  title: 'Production clusters encrypt pod traffic',
  default: 'WireGuard (or IPsec) on in the CNI of every production cluster',
  switchWhen: 'Never in production; other lifecycles are exempt',
  rationale:
    'ACME security policy: data in transit between nodes is encrypted on every production cluster, whatever runs on it. A mesh only covers the workloads enrolled in it, so the CNI has to do it.',
  evaluate(facts, context) {
    if (context.lifecycle !== 'production') {
      return {
        status: 'not-applicable',
        evidence: [
          `catalog: spec.lifecycle=${context.lifecycle ?? '(not set)'}`,
        ],
        recommendation: 'Only production clusters must encrypt pod traffic.',
      };
    }
    const encryption = factValue(facts, 'encryption');
    const evidence = factEvidence(facts, 'encryption');
    if (encryption === null) {
      return {
        status: 'unknown',
        evidence: [
          facts.encryption?.reason
            ? `encryption: ${facts.encryption.reason}`
            : 'encryption: not collected',
        ],
        recommendation:
          'The scanner could not read how pod traffic is encrypted; check its access to the CNI configuration.',
      };
    }
    if (encryption !== 'none') {
      return {
        status: 'pass',
        evidence,
        recommendation: `Pod traffic is encrypted with ${
          encryption === 'wireguard' ? 'WireGuard' : 'IPsec'
        }.`,
      };
    }
    return {
      status: 'fail',
      evidence,
      recommendation: `This production cluster sends pod traffic unencrypted (${
        evidence.join('; ') || 'no encryption configured'
      }). ACME policy requires WireGuard: set encryption.enabled=true and encryption.type=wireguard in the Cilium Helm values (Calico: FelixConfiguration wireguardEnabled: true).`,
    };
  },
};
