import { ClusterFacts, FactId } from '../../facts';
import { factEvidence, factValue } from '../../facts/access';
import { EvaluationContext, RequirementId } from '../../context';
import { CheckResult, CheckRule } from '../types';
import { catalog, meshRequirements, unknownBecause } from '../helpers';
import { answeredBy, MESH_LABEL, separateMeshes } from './capabilities';
import { belowScaleNote, standingRequirements } from './scale';
import { joined } from '../../text/joined';
import { distinct } from '../../text/distinct';

const HOW: Partial<Record<RequirementId, string>> = {
  'l7-policy':
    'on Cilium, write L7 rules (rules.http) in CiliumNetworkPolicies for the services concerned; the per-node Envoy enforces them without a separate mesh',
  'mtls-all-east-west':
    'Cilium mutual authentication with WireGuard on Cilium, or Istio ambient with STRICT mTLS',
  'auditable-l7': 'Istio ambient (on top of Cilium where Cilium is the CNI)',
};

/** The verdict if exactly `standing` are the requirements that hold. */
function judge(
  facts: ClusterFacts,
  standing: RequirementId[],
  evidence: string[],
  note: string,
): CheckResult | FactId[] {
  const all = factValue(facts, 'mesh.all');
  if (all === null) return ['mesh.all'];
  const separate = separateMeshes(all);
  if (standing.length === 0) {
    if (separate.length === 0)
      return {
        status: 'pass',
        evidence,
        recommendation: `No separate mesh control plane and no requirement that needs one${
          all.includes('cilium')
            ? "; Cilium's own mesh features run inside the CNI and cost no second control plane"
            : ''
        }.${note} Keep it that way until a specific requirement appears.`,
      };
    return {
      status: 'fail',
      evidence,
      recommendation: `${joined(
        separate.map(m => MESH_LABEL[m]),
        ' and ',
      )} runs, but no declared requirement needs a mesh.${note} Write down the problem it solves in network-scorecard.io/requirements, or plan its removal.`,
    };
  }
  const unknown: FactId[] = [];
  const answered: string[] = [];
  const missing: RequirementId[] = [];
  const answerEvidence: string[] = [];
  for (const r of standing) {
    const a = answeredBy(facts, r);
    if (a.status === 'unknown') unknown.push(...a.facts);
    else if (a.status === 'unanswered') missing.push(r);
    else {
      answered.push(`${r} (${a.answer.by})`);
      answerEvidence.push(...a.answer.evidence);
    }
  }
  if (unknown.length > 0) return unknown;
  const all2 = distinct([...evidence, ...answerEvidence]);
  if (missing.length === 0)
    return {
      status: 'pass',
      evidence: all2,
      recommendation: `Every requirement that holds is answered: ${joined(
        answered,
        ', ',
      )}.${note}`,
    };
  return {
    status: 'fail',
    evidence: all2,
    recommendation: `Nothing running answers ${joined(missing, ', ')}${
      answered.length ? ` (answered: ${joined(answered, ', ')})` : ''
    }. ${joined(
      missing.map(r => (HOW[r] ? `For ${r}: ${HOW[r]}.` : '')).filter(Boolean),
      ' ',
    )} See readiness.mesh for the steps.${note}`,
  };
}

/** @public */
export const meshNeed: CheckRule = {
  id: 'mesh.need',
  area: 'mesh',
  weight: 3,
  title: 'A service mesh exactly when a stated requirement needs one',
  default:
    'No mesh: Cilium covers pod-to-pod encryption and L4 identity-based policy',
  switchWhen:
    "A declared requirement that holds: mTLS between every service pair, auditable L7 or L7 control over services one does not own at any size; per-request observability, 1 % canaries or request rate limiting only with 50+ services. Cilium's own L7 policy answers L7 needs on Cilium",
  rationale:
    'A mesh brings real capabilities and a second control plane to learn, debug and upgrade, so it should arrive as the answer to a written requirement. Some requirements only hold at scale: traffic shifting, per-request telemetry and rate limiting pay off on a large graph of services, and under twenty services a mesh is overhead. Requirements are judged by capability, whoever provides it: L7 rules in CiliumNetworkPolicies enforced by the per-node Envoy are Cilium answering L7 policy, not a missing mesh. The converse holds too: a requirement that nothing running answers is an unmet obligation.',
  evaluate(facts, context: EvaluationContext) {
    const all = factValue(facts, 'mesh.all');
    if (all === null) return unknownBecause(facts, ['mesh.all']);
    const s = standingRequirements(facts, context);
    const evidence = [
      ...factEvidence(facts, 'mesh.all'),
      catalog.requirements(meshRequirements(context)),
      ...s.evidence,
    ];
    const note = belowScaleNote(s);
    const sure = judge(facts, s.standing, evidence, note);
    if (s.unknownScale.length === 0) {
      return Array.isArray(sure) ? unknownBecause(facts, sure) : sure;
    }
    // The count decides whether the scale-bound requirements hold; only a
    // verdict that is the same either way is given.
    const withScale = judge(
      facts,
      [...s.standing, ...s.unknownScale],
      evidence,
      note,
    );
    if (
      !Array.isArray(sure) &&
      !Array.isArray(withScale) &&
      sure.status === withScale.status
    )
      return sure;
    return unknownBecause(facts, ['services']);
  },
};
