import { ClusterFacts } from '../../facts';
import { factEvidence, factValue } from '../../facts/access';
import { CheckResult, CheckRule } from '../types';
import {
  catalog,
  cite,
  evidenceOf,
  listNames,
  unknownBecause,
} from '../helpers';
import { isIstio, MESH_LABEL } from './capabilities';
import {
  ciliumCoverage,
  Coverage,
  istioCoverage,
  linkerdCoverage,
} from './coverage';
import { joined } from '../../text/joined';

function fromCoverage(
  c: Coverage,
  evidence: string[],
  who: string,
  fixNone: string,
  fixSome: string,
  passNote = '',
): CheckResult {
  if (c.reach === 'none')
    return {
      status: 'fail',
      evidence,
      recommendation: `${who}: no service pair is guaranteed mTLS${
        c.gaps.length ? ` (${joined(c.gaps, '; ')})` : ''
      }. ${fixNone}`,
    };
  if (c.reach === 'partial')
    return {
      status: 'warn',
      evidence,
      recommendation: `${who} protects ${listNames(
        c.covered,
      )}, not every pair: ${joined(c.gaps, '; ')}. ${fixSome}`,
    };
  return {
    status: 'pass',
    evidence,
    recommendation: `${who} requires mTLS for every application namespace (${listNames(
      c.covered,
    )}).${passNote} Keep new namespaces enrolled; one outside breaks the requirement.`,
  };
}

function istio(facts: ClusterFacts, base: string[]): CheckResult {
  const fact = factValue(facts, 'mesh.istio');
  if (fact === null) return unknownBecause(facts, ['mesh.istio']);
  const c = istioCoverage(fact);
  const evidence = [...base, ...factEvidence(facts, 'mesh.istio')];
  const strictHere = `PeerAuthentication ${fact.rootNamespace}/default with mtls.mode: STRICT`;
  return fromCoverage(
    c,
    evidence,
    `Istio (mesh-wide ${fact.meshWideMode})`,
    fact.meshWideMode === 'STRICT'
      ? 'Enrol the application namespaces (istio.io/dataplane-mode=ambient, or a revision label for sidecars).'
      : `Plaintext is still accepted. Enrol every client, then apply ${strictHere}.`,
    'Enrol the namespaces named, and remove or tighten the overrides named, so that every pair is mTLS.',
  );
}

function linkerd(facts: ClusterFacts, base: string[]): CheckResult {
  const fact = factValue(facts, 'mesh.linkerd');
  if (fact === null) return unknownBecause(facts, ['mesh.linkerd']);
  const evidence = [...base, ...factEvidence(facts, 'mesh.linkerd')];
  return fromCoverage(
    linkerdCoverage(fact),
    evidence,
    `Linkerd (default inbound policy ${fact.defaultInboundPolicy})`,
    'Linkerd encrypts meshed traffic but admits unauthenticated clients. Set proxy.defaultInboundPolicy=all-authenticated (or cluster-authenticated) and mesh every application namespace.',
    'Mesh the namespaces named and give each an authenticated inbound policy.',
  );
}

function cilium(facts: ClusterFacts, base: string[]): CheckResult {
  const details = factValue(facts, 'mesh.details');
  const auth = factValue(facts, 'mesh.ciliumAuth');
  const encryption = factValue(facts, 'encryption');
  if (details === null) return unknownBecause(facts, ['mesh.details']);
  if (auth === null) return unknownBecause(facts, ['mesh.ciliumAuth']);
  if (encryption === null) return unknownBecause(facts, ['encryption']);
  const evidence = [
    ...base,
    ...evidenceOf(facts, 'mesh.ciliumAuth', 'encryption'),
  ];
  if (encryption === 'none')
    return {
      status: 'fail',
      evidence,
      recommendation: `Cilium mutual authentication checks workload identities but does not encrypt: pod traffic still crosses nodes in clear${cite(
        factEvidence(facts, 'encryption'),
      )}. Turn on WireGuard (encryption.type=wireguard) or IPsec as well, and require authentication in the policies of every service.`,
    };
  return fromCoverage(
    ciliumCoverage(auth),
    evidence,
    `Cilium mutual authentication (with ${
      encryption === 'wireguard' ? 'WireGuard' : 'IPsec'
    })`,
    'Mutual authentication only applies to traffic a policy rule selects with authentication.mode: required; add such rules for every service.',
    'Add authentication.mode: required to rules selecting every endpoint of the namespaces named.',
    ' Cilium syncs this policy eventually; if auditors need it enforced synchronously, see mesh.choice.',
  );
}

/** @public */
export const meshMtls: CheckRule = {
  id: 'mesh.mtls',
  area: 'mesh',
  weight: 3,
  title: 'mTLS between every service pair when the catalog requires it',
  default:
    'Without the requirement, transparent encryption (WireGuard) is enough',
  switchWhen:
    'Requirement mtls-all-east-west: encrypted, identity-checked traffic between every pair of services, from Istio in STRICT mode, Linkerd requiring authenticated clients, or Cilium mutual authentication on top of WireGuard',
  rationale:
    'Some regulated platforms must prove mutual TLS on all east-west traffic, between every pair of services and not merely between zones or nodes. WireGuard or IPsec encrypts the wire between nodes but proves nothing about which workload is talking; Cilium mutual authentication checks identities but encrypts nothing by itself, and only for traffic its policies select. Every pair means every application namespace enrolled and no override that lets plaintext back in.',
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
    const all = factValue(facts, 'mesh.all');
    if (all === null) return unknownBecause(facts, ['mesh.all']);
    const base = [...factEvidence(facts, 'mesh.all'), requirement];
    if (all.some(isIstio)) return istio(facts, base);
    if (all.includes('linkerd')) return linkerd(facts, base);
    const details = factValue(facts, 'mesh.details');
    if (all.includes('cilium')) {
      if (details === null) return unknownBecause(facts, ['mesh.details']);
      if (details.ciliumMutualAuth) return cilium(facts, base);
    }
    const cni = factValue(facts, 'cni');
    const encryption = factValue(facts, 'encryption');
    if (cni === null) return unknownBecause(facts, ['cni']);
    const wire =
      encryption === 'wireguard' || encryption === 'ipsec'
        ? ` ${
            encryption === 'wireguard' ? 'WireGuard' : 'IPsec'
          } encrypts traffic between nodes${cite(
            factEvidence(facts, 'encryption'),
          )}, but it carries no workload identity, so it does not meet the requirement.`
        : '';
    const advice =
      cni === 'cilium'
        ? 'Enable Cilium mutual authentication with WireGuard and require authentication in every service policy, or run Istio ambient with STRICT mTLS on top of Cilium.'
        : `Cilium mutual authentication is not available on ${
            cni === 'calico' ? 'Calico' : 'this CNI'
          }: run Istio ambient with a STRICT mesh-wide PeerAuthentication.`;
    return {
      status: 'fail',
      evidence: [
        ...base,
        ...factEvidence(facts, 'cni'),
        ...(wire ? factEvidence(facts, 'encryption') : []),
      ],
      recommendation: `mtls-all-east-west is declared and nothing running provides mTLS between services${
        all.length
          ? ` (${joined(
              all.map(m => MESH_LABEL[m]),
              ', ',
            )})`
          : ''
      }.${wire} ${advice}`,
    };
  },
};
