import { Area, AreaScore, CheckReport, CheckStatus, Grade } from '../report';
import { AREAS } from '../report/types';
import { areaIndex } from './areaIndex';

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

/** AREA_WEIGHTS indexed like AREAS, for the hot loop of scoreAreas. */
const WEIGHT_AT = AREAS.map(area => AREA_WEIGHTS[area]);

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

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** @public */
export interface AreaSummary {
  areas: AreaScore[];
  /** weighted mean of the area scores, before penalties and caps; null when no area applies */
  weighted: number | null;
  coverage: number;
  /** overall points each unknown check costs (its share of its area, times the area's weight) */
  atStake: Map<string, number>;
}

// Scratch sums of scoreAreas, indexed like AREAS: zeroed by each call rather
// than allocated (typed arrays are costly to create; these hold the half
// points without changing their kind). scoreAreas calls nothing that could
// re-enter it.
const points = new Float64Array(AREAS.length);
const possible = new Float64Array(AREAS.length);

/**
 * Area score = points / possible × 100, unknown checks included with 0
 * points; the weighted mean of the areas that apply; coverage = share of
 * applicable checks whose status is known.
 * @public
 */
export function scoreAreas(
  checks: Pick<CheckReport, 'id' | 'area' | 'status' | 'weight'>[],
): AreaSummary {
  // Exact ratios feed the overall score; only what is shown is rounded.
  points.fill(0);
  possible.fill(0);
  let applicable = 0;
  let known = 0;
  for (let c = 0; c < checks.length; c++) {
    const check = checks[c];
    const earned = checkPoints(check.status, check.weight);
    if (earned === null) continue;
    applicable += 1;
    if (check.status !== 'unknown') known += 1;
    const i = areaIndex(check.area);
    points[i] += earned;
    possible[i] += check.weight;
  }
  const coverage = round3(applicable === 0 ? 0 : known / applicable);
  // map() sizes the array once; pushing grows it twice.
  const areas: AreaScore[] = AREAS.map((area, i) => ({
    id: area,
    score: possible[i] ? round1((points[i] / possible[i]) * 100) : null,
  }));
  let weighted = 0;
  let totalWeight = 0;
  for (let i = 0; i < AREAS.length; i++) {
    if (!possible[i]) continue;
    weighted += (points[i] / possible[i]) * 100 * WEIGHT_AT[i];
    totalWeight += WEIGHT_AT[i];
  }
  const atStake = new Map<string, number>();
  for (let c = 0; c < checks.length; c++) {
    const check = checks[c];
    if (check.status !== 'unknown') continue;
    const i = areaIndex(check.area);
    atStake.set(
      check.id,
      round1(((check.weight / possible[i]) * 100 * WEIGHT_AT[i]) / totalWeight),
    );
  }
  return {
    areas,
    weighted: totalWeight === 0 ? null : weighted / totalWeight,
    coverage,
    atStake,
  };
}
