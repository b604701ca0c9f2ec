import { factEvidence, factValue } from '../../facts';
import { CheckRule } from '../types';
import { catalog, cite, listNames, unknownBecause } from '../helpers';
import { isIstio, MESH_LABEL } from './capabilities';

/** @public */
export const meshMtls: CheckRule = {
  id: 'mesh.mtls',
  area: 'mesh',
  weight: 3,
  title: 'mTLS between every service pair when the catalog requires it',
  default:
    'Without the requirement, transparent encryption (WireGuard) is enough',
  switchWhen:
    'Requirement mtls-all-east-west: identity-based mutual TLS between every pair of services, from Istio in STRICT mode or Cilium mutual authentication',
  rationale:
    'Some regulated platforms must prove mutual TLS on all east-west traffic, between every pair of services and not merely between zones or nodes. WireGuard or IPsec encrypts the wire between nodes but proves nothing about which workload is talking; that proof needs workload identities checked on every connection, which Istio gives in STRICT mode and Cilium gives through its SPIFFE-based mutual authentication.',
  evaluate(facts, context) {
    const requirement = catalog.requirements(
      context.requirements.filter(r => r === 'mtls-all-east-west'),
    );
    if (!context.requirements.includes('mtls-all-east-west')) {
      return {
        status: 'not-applicable',
        evidence: [requirement],
        recommendation:
          'No mtls-all-east-west requirement; transparent encryption covers pod traffic.',
      };
    }
    const mesh = factValue(facts, 'mesh');
    if (mesh === null) return unknownBecause(facts, ['mesh']);
    const meshEvidence = [...factEvidence(facts, 'mesh'), requirement];
    if (mesh === 'none') {
      const encryption = factValue(facts, 'encryption');
      const wire =
        encryption === 'wireguard' || encryption === 'ipsec'
          ? ` ${
              encryption === 'wireguard' ? 'WireGuard' : 'IPsec'
            } encrypts traffic between nodes${cite(
              factEvidence(facts, 'encryption'),
            )}, but it carries no workload identity, so it does not meet the requirement.`
          : '';
      return {
        status: 'fail',
        evidence: [
          ...meshEvidence,
          ...(wire ? factEvidence(facts, 'encryption') : []),
        ],
        recommendation: `mtls-all-east-west is declared and no mesh runs.${wire} Enable Cilium mutual authentication (or Istio ambient with a STRICT mesh-wide PeerAuthentication).`,
      };
    }
    const details = factValue(facts, 'mesh.details');
    if (details === null) return unknownBecause(facts, ['mesh.details']);
    const evidence = [...meshEvidence, ...factEvidence(facts, 'mesh.details')];
    if (isIstio(mesh)) {
      const enrolled = [
        ...new Set([
          ...details.ambientNamespaces,
          ...details.injectedNamespaces,
        ]),
      ];
      if (!details.strictMtls) {
        return {
          status: 'fail',
          evidence,
          recommendation: `${MESH_LABEL[mesh]} runs without a STRICT mesh-wide PeerAuthentication, so plaintext is still accepted. Apply PeerAuthentication istio-system/default with mtls.mode: STRICT once every client is enrolled.`,
        };
      }
      if (enrolled.length === 0) {
        return {
          status: 'fail',
          evidence,
          recommendation:
            'PeerAuthentication is STRICT, but no namespace is enrolled in the mesh (no istio.io/dataplane-mode=ambient or injection label), so no service actually speaks mTLS.',
        };
      }
      return {
        status: 'pass',
        evidence,
        recommendation: `STRICT mTLS mesh-wide, ${
          enrolled.length
        } namespace(s) enrolled (${listNames(
          enrolled,
        )}). Keep every new namespace enrolled; a namespace outside the mesh breaks the requirement.`,
      };
    }
    if (mesh === 'cilium') {
      return details.ciliumMutualAuth
        ? {
            status: 'pass',
            evidence,
            recommendation:
              'Cilium mutual authentication is on. Keep authentication.mode: required on the policies of every service so each pair is covered.',
          }
        : {
            status: 'fail',
            evidence,
            recommendation:
              'Cilium service mesh runs without mutual authentication. Enable it (SPIRE-backed, mesh-auth-enabled) and set authentication.mode: required in the CiliumNetworkPolicies of every service.',
          };
    }
    return details.strictMtls
      ? {
          status: 'pass',
          evidence,
          recommendation: `${MESH_LABEL[mesh]} requires mTLS for meshed traffic.`,
        }
      : {
          status: 'warn',
          evidence,
          recommendation: `${MESH_LABEL[mesh]} encrypts meshed traffic but still accepts unauthenticated clients. Set its default policy to require authenticated (mTLS) clients.`,
        };
  },
};
