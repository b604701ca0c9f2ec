import { ClusterFacts } from '../../facts';
import { factEvidence, factValue } from '../../facts/access';
import { CheckResult, CheckRule } from '../types';
import { cite, cniLabel, listNames, unknownBecause } from '../helpers';
import { isIstio } from '../mesh/capabilities';
import { istioCoverage } from '../mesh/coverage';
import { joined } from '../../text/joined';

/**
 * Istio in STRICT mode encrypts pod traffic itself (ztunnel's HBONE tunnels
 * in ambient, the sidecars' mTLS otherwise) between the namespaces it
 * protects: that traffic is not unencrypted, the rest is.
 */
function meshEncryption(
  facts: ClusterFacts,
  cniEvidence: string[],
): CheckResult | undefined {
  // A mesh we cannot see might be encrypting: the verdict waits for it.
  const all = factValue(facts, 'mesh.all');
  if (all === null) return unknownBecause(facts, ['mesh.all']);
  if (!all.some(isIstio)) return undefined;
  const istio = factValue(facts, 'mesh.istio');
  if (istio === null) return unknownBecause(facts, ['mesh.istio']);
  const coverage = istioCoverage(istio);
  if (coverage.reach === 'none') return undefined;
  const evidence = [...cniEvidence, ...factEvidence(facts, 'mesh.istio')];
  const how = istio.ztunnel ? "ztunnel's HBONE mTLS" : "the sidecars' mTLS";
  if (coverage.reach === 'all')
    return {
      status: 'pass',
      evidence,
      recommendation: `The CNI does not encrypt, but Istio in STRICT mode encrypts pod traffic between every application namespace with ${how} (${listNames(
        coverage.covered,
      )}). WireGuard would also cover the platform namespaces; not required.`,
    };
  return {
    status: 'warn',
    evidence,
    recommendation: `Traffic between ${listNames(
      coverage.covered,
    )} is encrypted by ${how}; the rest crosses nodes unencrypted (${joined(
      coverage.gaps,
      '; ',
    )}). Enrol those namespaces in STRICT mode, or turn on the CNI's WireGuard for everything.`,
  };
}

/** @public */
export const encryptionTransparent: CheckRule = {
  id: 'encryption.transparent',
  area: 'encryption',
  weight: 2,
  title: 'Pod-to-pod traffic is encrypted by the CNI',
  default: 'WireGuard (or IPsec) encryption in the CNI, no mesh needed',
  switchWhen: 'Never off on Cilium or Calico: turning it on is one setting',
  rationale:
    'Encrypting pod traffic between nodes does not need a service mesh: Cilium does it with WireGuard (or IPsec) in the kernel, and Calico offers WireGuard too. It is a single configuration switch, which is one of the reasons most platforms can do without a mesh. Where a mesh already runs in STRICT mode its mTLS encrypts the traffic it carries, so only what it leaves out is unencrypted.',
  evaluate(facts) {
    const cni = factValue(facts, 'cni');
    if (cni === null) return unknownBecause(facts, ['cni']);
    if (cni === 'flannel') {
      // "Cannot" is not "does not apply": the question arises, Flannel answers it poorly.
      const encryption = factValue(facts, 'encryption');
      if (encryption === null) return unknownBecause(facts, ['encryption']);
      const evidence = factEvidence(facts, 'encryption');
      return encryption === 'wireguard'
        ? {
            status: 'pass',
            evidence,
            recommendation:
              "Flannel's WireGuard backend encrypts pod traffic between nodes.",
          }
        : {
            status: 'warn',
            evidence,
            recommendation: `Pod traffic between nodes is not encrypted (${joined(
              evidence,
              '; ',
            )}). Flannel can only encrypt with its WireGuard backend; Cilium's WireGuard does it in the kernel, when the cluster is rebuilt on the framework's default.`,
          };
    }
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
    const mesh = meshEncryption(facts, evidence);
    if (mesh) return mesh;
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
