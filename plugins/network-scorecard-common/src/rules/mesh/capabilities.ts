import { ClusterFacts, MeshName } from '../../facts';
import { factEvidence, factValue } from '../../facts/access';
import { RequirementId } from '../../context';

/** Display name of a mesh in sentences. */
export const MESH_LABEL: Record<MeshName, string> = {
  none: 'no mesh',
  'istio-ambient': 'Istio ambient',
  'istio-sidecar': 'Istio with sidecars',
  cilium: 'Cilium service mesh',
  linkerd: 'Linkerd',
};

export function isIstio(mesh: MeshName): boolean {
  return mesh === 'istio-ambient' || mesh === 'istio-sidecar';
}

/**
 * Meshes with a control plane of their own. Cilium's mesh features run in
 * the CNI that is already there, so they are never blamed as an extra mesh.
 */
export function separateMeshes(all: MeshName[]): MeshName[] {
  return all.filter(m => isIstio(m) || m === 'linkerd');
}

/**
 * What each separate mesh answers. Linkerd has no synchronous, auditable L7
 * enforcement to show an auditor.
 */
const SEPARATE_ANSWERS: Record<
  'istio-ambient' | 'istio-sidecar' | 'linkerd',
  readonly RequirementId[]
> = {
  'istio-ambient': [
    'mtls-all-east-west',
    'l7-policy',
    'auditable-l7',
    'per-request-observability',
    'canary-traffic-shifting',
    'request-rate-limiting',
  ],
  'istio-sidecar': [
    'mtls-all-east-west',
    'l7-policy',
    'auditable-l7',
    'per-request-observability',
    'canary-traffic-shifting',
    'request-rate-limiting',
  ],
  linkerd: [
    'mtls-all-east-west',
    'l7-policy',
    'per-request-observability',
    'canary-traffic-shifting',
    'request-rate-limiting',
  ],
};

/** Whether a separate mesh answers a requirement by itself. */
export function separateAnswers(
  mesh: MeshName,
  requirement: RequirementId,
): boolean {
  return (
    (isIstio(mesh) || mesh === 'linkerd') &&
    SEPARATE_ANSWERS[mesh as keyof typeof SEPARATE_ANSWERS].includes(
      requirement,
    )
  );
}

/** Traffic features of Cilium's mesh (per-node Envoy, CiliumEnvoyConfig, Hubble). */
const CILIUM_MESH_ANSWERS: readonly RequirementId[] = [
  'l7-policy',
  'per-request-observability',
  'canary-traffic-shifting',
  'request-rate-limiting',
];

export interface Answer {
  /** the running component, e.g. "Istio ambient", "Cilium L7 policy" */
  by: string;
  evidence: string[];
}

export type Answered =
  | { status: 'answered'; answer: Answer }
  | { status: 'unanswered' }
  | {
      status: 'unknown';
      facts: ('mesh.all' | 'cni' | 'policies' | 'mesh.details')[];
    };

/**
 * Which running component answers a requirement, judged by capability: a
 * separate mesh, Cilium's mesh features, or Cilium's L7 CiliumNetworkPolicy
 * rules enforced by its per-node Envoy (counted by the policy detector).
 */
export function answeredBy(
  facts: ClusterFacts,
  requirement: RequirementId,
): Answered {
  const all = factValue(facts, 'mesh.all');
  if (all === null) return { status: 'unknown', facts: ['mesh.all'] };
  const meshEvidence = factEvidence(facts, 'mesh.all');
  for (const mesh of separateMeshes(all)) {
    const answers = SEPARATE_ANSWERS[mesh as keyof typeof SEPARATE_ANSWERS];
    if (answers.includes(requirement))
      return {
        status: 'answered',
        answer: { by: MESH_LABEL[mesh], evidence: meshEvidence },
      };
  }
  if (requirement === 'auditable-l7') return { status: 'unanswered' };
  if (requirement === 'mtls-all-east-west') {
    if (!all.includes('cilium')) return { status: 'unanswered' };
    const details = factValue(facts, 'mesh.details');
    if (details === null) return { status: 'unknown', facts: ['mesh.details'] };
    return details.ciliumMutualAuth
      ? {
          status: 'answered',
          answer: {
            by: 'Cilium mutual authentication',
            evidence: factEvidence(facts, 'mesh.all'),
          },
        }
      : { status: 'unanswered' };
  }
  if (all.includes('cilium') && CILIUM_MESH_ANSWERS.includes(requirement))
    return {
      status: 'answered',
      answer: { by: MESH_LABEL.cilium, evidence: meshEvidence },
    };
  if (requirement !== 'l7-policy') return { status: 'unanswered' };
  const cni = factValue(facts, 'cni');
  if (cni === null) return { status: 'unknown', facts: ['cni'] };
  if (cni !== 'cilium') return { status: 'unanswered' };
  const policies = factValue(facts, 'policies');
  if (policies === null) return { status: 'unknown', facts: ['policies'] };
  return policies.l7Rules > 0
    ? {
        status: 'answered',
        answer: {
          by: `Cilium L7 policy (${policies.l7Rules} HTTP/L7 rule${
            policies.l7Rules === 1 ? '' : 's'
          } enforced by the per-node Envoy)`,
          evidence: [
            ...factEvidence(facts, 'cni'),
            ...factEvidence(facts, 'policies'),
          ],
        },
      }
    : { status: 'unanswered' };
}
