import { factEvidence, factValue } from '../../facts';
import { CheckRule } from '../types';
import { catalog, meshRequirements, unknownBecause } from '../helpers';
import { answers, MESH_LABEL } from './capabilities';

/** @public */
export const meshNeed: CheckRule = {
  id: 'mesh.need',
  area: 'mesh',
  weight: 3,
  title: 'A service mesh exactly when a stated requirement needs one',
  default:
    'No mesh: Cilium covers pod-to-pod encryption and L4 identity-based policy',
  switchWhen:
    'A declared requirement only a mesh answers: mTLS between every service pair, L7 policy, auditable L7, per-request observability, canary traffic shifting or request rate limiting',
  rationale:
    'A mesh brings real capabilities (mutual TLS, L7 traffic control, per-request telemetry) and a second control plane to learn, debug and upgrade. Most platforms never need it, so it should arrive as the answer to a requirement someone wrote down. The converse holds too: a written requirement that no mesh answers is an unmet obligation.',
  evaluate(facts, context) {
    const mesh = factValue(facts, 'mesh');
    if (mesh === null) return unknownBecause(facts, ['mesh']);
    const required = meshRequirements(context);
    const evidence = [
      ...factEvidence(facts, 'mesh'),
      catalog.requirements(required),
    ];
    if (mesh === 'none') {
      return required.length === 0
        ? {
            status: 'pass',
            evidence,
            recommendation:
              'No mesh and no requirement that needs one; keep it that way until a specific requirement appears.',
          }
        : {
            status: 'fail',
            evidence,
            recommendation: `The catalog declares ${required.join(
              ', ',
            )}, which only a service mesh answers, and no mesh runs. Add one (see mesh.choice for which), or correct the declaration.`,
          };
    }
    if (required.length === 0) {
      return {
        status: 'fail',
        evidence,
        recommendation: `${MESH_LABEL[mesh]} runs but the catalog declares no requirement it answers. Write down the problem it solves in network-scorecard.io/requirements, or plan its removal.`,
      };
    }
    const answered = required.filter(r => answers(mesh, r));
    return answered.length > 0
      ? {
          status: 'pass',
          evidence,
          recommendation: `${
            MESH_LABEL[mesh]
          } answers the declared ${answered.join(', ')}.`,
        }
      : {
          status: 'fail',
          evidence,
          recommendation: `${
            MESH_LABEL[mesh]
          } runs, but none of the declared ${required.join(
            ', ',
          )} is something it answers. See mesh.choice.`,
        };
  },
};
