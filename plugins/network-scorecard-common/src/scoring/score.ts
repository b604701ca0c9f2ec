import { Area, CheckStatus, Grade } from '../report';

/** The scoring method's own version, carried in every report beside the ruleset's. @public */
export const SCORING_FORMULA = '2026.12';

/**
 * Share of a check's weight each status earns. An applicable check whose
 * status is unknown earns nothing: seeing less never scores better. Only
 * not-applicable leaves the denominator.
 */
function statusFactor(status: CheckStatus): number | null {
  // A switch: a keyed lookup by a varying status is a slow generic access.
  switch (status) {
    case 'pass':
      return 1;
    case 'warn':
      return 0.5;
    case 'fail':
    case 'unknown':
      return 0;
    default:
      return null; // not-applicable
  }
}

/**
 * How much each area counts in the overall score. The CNI is the foundation
 * every later decision stands on; policy weighs as much as it, because a
 * cluster whose pods can all reach each other has no network boundary.
 * @public
 */
export const AREA_WEIGHTS: Record<Area, number> = {
  cni: 20,
  'kube-proxy': 10,
  mesh: 15,
  encryption: 10,
  observability: 20,
  policy: 25,
};

/** Below this share of known applicable checks the grade is "?". @public */
export const MIN_COVERAGE_FOR_GRADE = 0.5;

/** Overall points each detected (or undecidable), unacknowledged anti-pattern costs. @public */
export const ANTI_PATTERN_PENALTY = 5;

/** Highest score a cluster with an open anti-pattern can reach: never an A. @public */
export const ANTI_PATTERN_CAP = 89.9;

/** Highest score of a production cluster without enforced network policy: at most a C. @public */
export const POLICY_GATE_CAP = 79.9;

/** Points a check earns, or null when it leaves the denominator. @public */
export function checkPoints(
  status: CheckStatus,
  weight: number,
): number | null {
  const factor = statusFactor(status);
  return factor === null ? null : weight * factor;
}

/** @public */
export function gradeFor(score: number): Exclude<Grade, '?'> {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
