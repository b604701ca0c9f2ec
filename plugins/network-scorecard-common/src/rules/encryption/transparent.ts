import { factEvidence, factValue } from '../../facts';
import { CheckRule } from '../types';
import { cite, cniLabel, unknownBecause } from '../helpers';

/** @public */
export const encryptionTransparent: CheckRule = {
  id: 'encryption.transparent',
  area: 'encryption',
  weight: 2,
  title: 'Pod-to-pod traffic is encrypted by the CNI',
  default: 'WireGuard (or IPsec) encryption in the CNI, no mesh needed',
  switchWhen: 'Never off on Cilium or Calico: turning it on is one setting',
  rationale:
    'Encrypting pod traffic between nodes does not need a service mesh: Cilium does it with WireGuard (or IPsec) in the kernel, and Calico offers WireGuard too. It is a single configuration switch, which is one of the reasons most platforms can do without a mesh.',
  evaluate(facts) {
    const cni = factValue(facts, 'cni');
    if (cni === null) return unknownBecause(facts, ['cni']);
    if (cni !== 'cilium' && cni !== 'calico') {
      return {
        status: 'not-applicable',
        evidence: factEvidence(facts, 'cni'),
        recommendation: `${cniLabel(
          cni,
        )} is out of scope for this check; the CNI checks cover moving to Cilium.`,
      };
    }
    const encryption = factValue(facts, 'encryption');
    if (encryption === null) return unknownBecause(facts, ['encryption']);
    const evidence = factEvidence(facts, 'encryption');
    if (encryption !== 'none') {
      return {
        status: 'pass',
        evidence,
        recommendation: `${cniLabel(cni)} encrypts pod traffic with ${
          encryption === 'wireguard' ? 'WireGuard' : 'IPsec'
        }.`,
      };
    }
    return {
      status: 'warn',
      evidence,
      recommendation:
        cni === 'cilium'
          ? `Pod traffic crosses nodes unencrypted${cite(
              evidence,
            )}. Set enable-wireguard=true in cilium-config (Helm encryption.enabled=true, encryption.type=wireguard) and roll the agents.`
          : `Pod traffic crosses nodes unencrypted${cite(
              evidence,
            )}. Turn on Calico WireGuard (FelixConfiguration default: wireguardEnabled: true).`,
    };
  },
};
