import { factEvidence, factValue } from '../../facts/access';
import { AntiPatternRule } from '../types';
import { antiPatternUnknown, catalog, evidenceOf } from '../helpers';
import { isIstio } from '../mesh/capabilities';
import { compliance } from '../mesh/choice';

/**
 * Istio next to Cilium (as the CNI or as its mesh) is two control planes;
 * the framework accepts that for compliance: mTLS between every pair or
 * auditable L7, where Istio's synchronous enforcement is the point.
 * @public
 */
export const apTwoControlPlanes: AntiPatternRule = {
  id: 'ap.two-control-planes',
  title:
    "Istio and Cilium's mesh side by side without a compliance requirement",
  lesson:
    'Istio on top of Cilium means two control planes to understand, upgrade and debug, and a team that must know both. It is worth it when compliance needs mTLS for every pair or auditable L7 enforced synchronously; otherwise Cilium alone covers identity, L7 policy and telemetry.',
  evaluate(facts, context) {
    const mesh = factValue(facts, 'mesh');
    const meshAll = factValue(facts, 'mesh.all');
    if (mesh === null) return antiPatternUnknown(facts, ['mesh']);
    const meshes = meshAll === null ? [mesh] : [mesh, ...meshAll];
    const evidence = evidenceOf(facts, 'mesh', 'mesh.all');
    if (!meshes.some(isIstio)) {
      // Istio may hide among meshes we could not list.
      return meshAll === null
        ? antiPatternUnknown(facts, ['mesh.all'])
        : { status: 'clear', evidence };
    }
    const cni = factValue(facts, 'cni');
    const ciliumMesh = meshes.includes('cilium');
    if (!ciliumMesh && cni === null) return antiPatternUnknown(facts, ['cni']);
    if (!ciliumMesh && cni !== 'cilium') return { status: 'clear', evidence };
    const withCilium = ciliumMesh
      ? evidence
      : [...evidence, ...factEvidence(facts, 'cni')];
    if (compliance(context)) {
      return {
        status: 'clear',
        evidence: [
          ...withCilium,
          catalog.requirements(
            context.requirements.filter(
              r => r === 'auditable-l7' || r === 'mtls-all-east-west',
            ),
          ),
        ],
      };
    }
    return {
      status: 'detected',
      evidence: [
        ...withCilium,
        catalog.requirements(context.requirements),
        ciliumMesh
          ? "Istio and Cilium's service mesh both run"
          : 'Istio runs on top of Cilium, whose own mesh would cover the declared needs',
      ],
    };
  },
};
