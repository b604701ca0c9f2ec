import { CniName, MeshName } from '../../facts';
import { factEvidence, factValue } from '../../facts/access';
import { EvaluationContext } from '../../context';
import { CheckResult, CheckRule } from '../types';
import { catalog, meshRequirements, unknownBecause } from '../helpers';
import { MESH_LABEL, separateMeshes } from './capabilities';

/**
 * Compliance is where the framework adds Istio ambient on top of Cilium: its
 * synchronous policy enforcement is what auditors of mTLS or L7 rules need.
 */
export function compliance(context: EvaluationContext): boolean {
  return (
    context.requirements.includes('auditable-l7') ||
    context.requirements.includes('mtls-all-east-west')
  );
}

/**
 * The mesh the framework would pick: Istio ambient for compliance or off
 * Cilium, Cilium's own mesh on Cilium otherwise.
 */
export function fittingMesh(
  context: EvaluationContext,
  cni: CniName,
): 'istio-ambient' | 'cilium' {
  if (context.requirements.includes('auditable-l7')) return 'istio-ambient';
  return cni === 'cilium' ? 'cilium' : 'istio-ambient';
}

function verdict(
  mesh: MeshName,
  context: EvaluationContext,
  cni: CniName | null,
): Pick<CheckResult, 'status' | 'recommendation'> {
  const auditable = context.requirements.includes('auditable-l7');
  const regulated = compliance(context);
  if (mesh === 'istio-ambient') {
    if (regulated)
      return {
        status: 'pass',
        recommendation:
          'Istio ambient enforces mTLS and L7 policy synchronously, with the audit trail compliance asks for; on Cilium it runs on top of the CNI, as the framework recommends. Keep it.',
      };
    return cni === 'cilium'
      ? {
          status: 'warn',
          recommendation:
            "Istio ambient runs on Cilium with no compliance requirement (mtls-all-east-west or auditable-l7): Cilium's own L7 policy, mutual authentication and Hubble would cover the declared needs with one control plane instead of two.",
        }
      : {
          status: 'pass',
          recommendation:
            "Istio ambient is the framework's mesh where Cilium is not the CNI; keep it.",
        };
  }
  if (mesh === 'istio-sidecar') {
    return cni === 'cilium' && !regulated
      ? {
          status: 'fail',
          recommendation:
            "Istio sidecars run on Cilium with no compliance requirement: Cilium's own mesh features would give L7 policy and telemetry with one control plane and no sidecars. Plan the move.",
        }
      : {
          status: 'warn',
          recommendation:
            'Istio runs with per-pod sidecars. Move namespaces to ambient mode (ztunnel, plus waypoints where L7 is needed): the same Istio guarantees without injection or a proxy in every pod.',
        };
  }
  return {
    status: auditable ? 'fail' : 'warn',
    recommendation: `${
      MESH_LABEL[mesh]
    } is outside the framework's two options${
      auditable ? ' and gives no auditable L7 enforcement' : ''
    }; ${
      cni === 'cilium' && !regulated
        ? "Cilium's own mesh features"
        : 'Istio ambient'
    } would be the fit here. Plan a move when the mesh next needs major work.`,
  };
}

/** @public */
export const meshChoice: CheckRule = {
  id: 'mesh.choice',
  area: 'mesh',
  weight: 2,
  title:
    'The mesh that fits: Cilium on Cilium, Istio ambient for compliance (mTLS or auditable L7)',
  default: 'Cilium service mesh when Cilium is the CNI and L7 policy is needed',
  switchWhen:
    'Istio ambient (on top of Cilium) when mTLS or L7 enforcement must satisfy regulators or auditors; per-pod sidecars are the older model',
  rationale:
    "On a Cilium cluster the mesh features are already in the CNI: identity-based mutual authentication, L7 policy through a per-node Envoy, telemetry through Hubble, with no sidecars and no second control plane. Cilium's mutual authentication syncs policy eventually, though; where compliance needs every pair's policy enforced synchronously and auditably, Istio ambient on top of Cilium is the recommended answer, not a mistake. Sidecar injection is the pattern both have moved past.",
  evaluate(facts, context) {
    const all = factValue(facts, 'mesh.all');
    if (all === null) return unknownBecause(facts, ['mesh.all']);
    const evidence = [
      ...factEvidence(facts, 'mesh.all'),
      catalog.requirements(meshRequirements(context)),
    ];
    const separate = separateMeshes(all);
    if (separate.length === 0) {
      if (!all.includes('cilium'))
        return {
          status: 'not-applicable',
          evidence,
          recommendation:
            'No mesh to choose; see readiness.mesh when one is needed.',
        };
      return context.requirements.includes('auditable-l7')
        ? {
            status: 'fail',
            evidence,
            recommendation:
              "auditable-l7 is declared, but Cilium's mutual authentication syncs policy eventually and cannot give instantaneous, auditable enforcement. Add Istio ambient on top of Cilium for the audited services.",
          }
        : {
            status: 'pass',
            evidence,
            recommendation:
              "Cilium's own mesh features run in the CNI: one control plane. Keep them.",
          };
    }
    const mesh = separate[0];
    // The CNI matters only where the verdict depends on it.
    const needsCni = !(mesh === 'istio-ambient' && compliance(context));
    const cni = factValue(facts, 'cni');
    if (needsCni && cni === null) return unknownBecause(facts, ['cni']);
    const { status, recommendation } = verdict(mesh, context, cni);
    return {
      status,
      recommendation,
      evidence: needsCni
        ? [...evidence, ...factEvidence(facts, 'cni')]
        : evidence,
    };
  },
};
