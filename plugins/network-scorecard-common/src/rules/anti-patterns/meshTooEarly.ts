import { factEvidence, factValue } from '../../facts/access';
import { AntiPatternRule } from '../types';
import { antiPatternUnknown, catalog, meshRequirements } from '../helpers';
import { MESH_LABEL, separateMeshes } from '../mesh/capabilities';
import {
  MESH_MIN_SERVICES,
  SCALE_REQUIREMENTS,
  serviceCount,
} from '../mesh/scale';
import { joined } from '../../text/joined';

export { MESH_MIN_SERVICES };

/**
 * Only a separate control plane (Istio, Linkerd) can come too early; Cilium's
 * mesh features are switches in the CNI that already runs. Requirements that
 * hold at any size (mTLS between every pair, auditable L7, L7 policy) make a
 * small mesh deliberate; the scale-bound ones do not, below 20 services.
 * The catalog count is preferred; the Kubernetes Service count over-counts,
 * so the fallback can miss a too-early mesh but does not invent one.
 * @public
 */
export const apMeshTooEarly: AntiPatternRule = {
  id: 'ap.mesh-too-early',
  title: 'A mesh with fewer than 20 services and no requirement',
  lesson:
    'A mesh deployed on a dozen services mostly produces sidecar-injection debugging; retries, timeouts and canaries at that size belong in application code or a small library, and Cilium policies cover the security side. Wait for the service count or a requirement that holds at any size.',
  evaluate(facts, context) {
    const all = factValue(facts, 'mesh.all');
    if (all === null) return antiPatternUnknown(facts, ['mesh.all']);
    const evidence = factEvidence(facts, 'mesh.all');
    const separate = separateMeshes(all);
    if (separate.length === 0) return { status: 'clear', evidence };
    const declared = meshRequirements(context);
    const anySize = declared.filter(r => !SCALE_REQUIREMENTS.includes(r));
    if (anySize.length > 0) {
      return {
        status: 'clear',
        evidence: [...evidence, catalog.requirements(anySize)],
      };
    }
    const count = serviceCount(facts, context);
    if (count === null) return antiPatternUnknown(facts, ['services']);
    const early = count.count < MESH_MIN_SERVICES;
    return {
      status: early ? 'detected' : 'clear',
      evidence: [
        ...evidence,
        ...count.evidence,
        catalog.requirements(declared),
        ...(early
          ? [
              `${joined(
                separate.map(m => MESH_LABEL[m]),
                ' and ',
              )} for ${count.count} services (< ${MESH_MIN_SERVICES})${
                declared.length
                  ? `; ${joined(declared, ', ')} ${
                      declared.length === 1 ? 'justifies' : 'justify'
                    } a mesh only at 50+ services`
                  : ''
              }`,
            ]
          : []),
      ],
    };
  },
};
