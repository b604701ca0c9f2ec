import { factEvidence, factValue } from '../../facts/access';
import { AntiPatternRule } from '../types';
import { antiPatternUnknown, catalog, meshRequirements } from '../helpers';
import {
  MESH_LABEL,
  separateAnswers,
  separateMeshes,
} from '../mesh/capabilities';
import { MESH_SCALE_SERVICES, standingRequirements } from '../mesh/scale';
import { joined } from '../../text/joined';

/** @public */
export const apMeshWithoutQuestion: AntiPatternRule = {
  id: 'ap.mesh-without-question',
  title: 'A mesh that answers no declared requirement',
  lesson:
    'A service mesh is the answer to a specific question; if nobody can say which question, the cluster does not need the mesh. Adopting one because it looks like best practice leads to months spent on proxy injection, sidecar limits and control-plane version skew.',
  evaluate(facts, context) {
    const all = factValue(facts, 'mesh.all');
    if (all === null) return antiPatternUnknown(facts, ['mesh.all']);
    const evidence = factEvidence(facts, 'mesh.all');
    const separate = separateMeshes(all);
    if (separate.length === 0) return { status: 'clear', evidence };
    const s = standingRequirements(facts, context);
    const answers = (r: (typeof s.standing)[number]) =>
      separate.some(m => separateAnswers(m, r));
    const answered = s.standing.filter(answers);
    if (answered.length > 0)
      return {
        status: 'clear',
        evidence: [...evidence, catalog.requirements(answered)],
      };
    if (s.unknownScale.some(answers))
      return antiPatternUnknown(facts, ['services']);
    const declared = meshRequirements(context);
    const label = joined(
      separate.map(m => MESH_LABEL[m]),
      ' and ',
    );
    const why = () => {
      if (declared.length === 0)
        return `${label} runs with no mesh requirement declared`;
      if (s.belowScale.length > 0 && s.standing.length === 0)
        return `${label} answers ${joined(s.belowScale, ', ')}, which ${
          s.belowScale.length === 1 ? 'needs' : 'need'
        } ${MESH_SCALE_SERVICES}+ services to justify a mesh`;
      return `${label} answers none of ${joined(declared, ', ')}`;
    };
    return {
      status: 'detected',
      evidence: [
        ...evidence,
        catalog.requirements(declared),
        ...s.evidence,
        why(),
      ],
    };
  },
};
