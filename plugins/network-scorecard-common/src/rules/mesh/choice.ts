import { CniName, factEvidence, factValue, MeshName } from '../../facts';
import { EvaluationContext } from '../../context';
import { CheckResult, CheckRule } from '../types';
import { catalog, meshRequirements, unknownBecause } from '../helpers';
import { MESH_LABEL } from './capabilities';

/** Which mesh the framework would pick for these requirements on this CNI. */
export function fittingMesh(
  context: EvaluationContext,
  cni: CniName,
): 'istio-ambient' | 'cilium' {
  if (context.requirements.includes('auditable-l7')) return 'istio-ambient';
  return cni === 'cilium' ? 'cilium' : 'istio-ambient';
}

function verdict(
  mesh: Exclude<MeshName, 'none'>,
  fit: 'istio-ambient' | 'cilium',
  auditable: boolean,
): Pick<CheckResult, 'status' | 'recommendation'> {
  if (mesh === fit) {
    return {
      status: 'pass',
      recommendation: auditable
        ? 'Istio ambient gives the synchronous, auditable L7 enforcement the catalog asks for; run it on top of Cilium where Cilium is the CNI.'
        : `${MESH_LABEL[mesh]} is the framework's pick here; keep it.`,
    };
  }
  if (mesh === 'istio-sidecar') {
    return {
      status: fit === 'istio-ambient' ? 'warn' : 'fail',
      recommendation:
        fit === 'istio-ambient'
          ? 'Istio runs with per-pod sidecars. Move namespaces to ambient mode (ztunnel, plus waypoints where L7 is needed): same Istio guarantees, no sidecar injection or per-pod proxy resources.'
          : 'Istio sidecars run on Cilium without an auditable-L7 requirement: Cilium service mesh would give mTLS and L7 policy with one control plane and no sidecars. Plan the move.',
    };
  }
  if (mesh === 'cilium') {
    // Only reachable with auditable-l7: without it Cilium's mesh is the fit.
    return {
      status: 'fail',
      recommendation:
        "auditable-l7 is declared, but Cilium's mutual authentication syncs policy eventually and cannot give instantaneous, auditable enforcement. Add Istio ambient on top of Cilium for the audited services.",
    };
  }
  if (mesh === 'istio-ambient') {
    return {
      status: 'warn',
      recommendation:
        'Istio ambient runs on Cilium without an auditable-L7 requirement: Cilium service mesh would cover the declared needs with one control plane instead of two.',
    };
  }
  return {
    status: auditable ? 'fail' : 'warn',
    recommendation: `${MESH_LABEL[mesh]} is outside the framework's two options; ${MESH_LABEL[fit]} is the fit here. Plan a move when the mesh next needs major work.`,
  };
}

/** @public */
export const meshChoice: CheckRule = {
  id: 'mesh.choice',
  area: 'mesh',
  weight: 2,
  title: 'The mesh that fits: Cilium on Cilium, Istio ambient for auditable L7',
  default: 'Cilium service mesh when Cilium is the CNI and L7 policy is needed',
  switchWhen:
    'Istio ambient (on top of Cilium) when L7 enforcement must be auditable for compliance; per-pod sidecars are the older model',
  rationale:
    'On a Cilium cluster the mesh features are already in the CNI: mTLS from workload identities, L7 policy through a per-node Envoy, telemetry through Hubble, with no sidecars and no second control plane. Istio ambient costs more to run but enforces policy synchronously with mature L7 features, which is what auditors ask for; it runs fine on top of Cilium. Sidecar injection is the pattern both have moved past.',
  evaluate(facts, context) {
    const mesh = factValue(facts, 'mesh');
    if (mesh === null) return unknownBecause(facts, ['mesh']);
    const required = meshRequirements(context);
    const evidence = [
      ...factEvidence(facts, 'mesh'),
      catalog.requirements(required),
    ];
    if (mesh === 'none') {
      return {
        status: 'not-applicable',
        evidence,
        recommendation:
          required.length === 0
            ? 'No mesh to choose.'
            : 'No mesh runs; when one is added, see readiness.mesh for which one fits.',
      };
    }
    const auditable = context.requirements.includes('auditable-l7');
    let fit: 'istio-ambient' | 'cilium' = 'istio-ambient';
    let cniEvidence: string[] = [];
    if (!auditable && mesh === 'cilium') {
      fit = 'cilium';
    } else if (!auditable) {
      const cni = factValue(facts, 'cni');
      if (cni === null) return unknownBecause(facts, ['cni']);
      fit = fittingMesh(context, cni);
      cniEvidence = factEvidence(facts, 'cni');
    }
    return {
      ...verdict(mesh, fit, auditable),
      evidence: [...evidence, ...cniEvidence],
    };
  },
};
