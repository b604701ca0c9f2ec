import { factEvidence, factValue } from '../../facts';
import { AntiPatternRule } from '../types';
import { antiPatternUnknown, catalog, meshRequirements } from '../helpers';
import { answers, MESH_LABEL } from '../mesh/capabilities';

/** @public */
export const apMeshWithoutQuestion: AntiPatternRule = {
  id: 'ap.mesh-without-question',
  title: 'A mesh that answers no declared requirement',
  lesson:
    'A service mesh is the answer to a specific question; if nobody can say which question, the cluster does not need the mesh. Adopting one because it looks like best practice leads to months spent on proxy injection, sidecar limits and control-plane version skew.',
  evaluate(facts, context) {
    const mesh = factValue(facts, 'mesh');
    if (mesh === null) return antiPatternUnknown(facts, ['mesh']);
    const evidence = factEvidence(facts, 'mesh');
    if (mesh === 'none') return { status: 'clear', evidence };
    const required = meshRequirements(context);
    const answered = required.filter(r => answers(mesh, r));
    return answered.length > 0
      ? {
          status: 'clear',
          evidence: [...evidence, catalog.requirements(answered)],
        }
      : {
          status: 'detected',
          evidence: [
            ...evidence,
            catalog.requirements(required),
            required.length === 0
              ? `${MESH_LABEL[mesh]} runs with no mesh requirement declared`
              : `${MESH_LABEL[mesh]} answers none of ${required.join(', ')}`,
          ],
        };
  },
};
