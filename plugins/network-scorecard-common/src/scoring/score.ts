import {
  Area,
  AREAS,
  AreaScore,
  CheckReport,
  CheckStatus,
  Grade,
} from '../report';

/** Share of a check's weight each status earns; unknown and not-applicable leave the denominator. */
const STATUS_FACTOR: Record<CheckStatus, number | null> = {
  pass: 1,
  warn: 0.5,
  fail: 0,
  unknown: null,
  'not-applicable': null,
};

/**
 * How much each area counts in the overall score. The CNI is the foundation
 * every later decision stands on, so it counts most.
 * @public
 */
export const AREA_WEIGHTS: Record<Area, number> = {
  cni: 25,
  'kube-proxy': 15,
  mesh: 20,
  encryption: 10,
  observability: 20,
  policy: 10,
};

/** Below this share of known applicable checks the grade is "?". @public */
export const MIN_COVERAGE_FOR_GRADE = 0.5;

/** Points a check earns, or null when it leaves the denominator. @public */
export function checkPoints(
  status: CheckStatus,
  weight: number,
): number | null {
  const factor = STATUS_FACTOR[status];
  return factor === null ? null : weight * factor;
}

/** @public */
export interface ScoreSummary {
  score: number | null;
  grade: Grade;
  coverage: number;
  areas: AreaScore[];
}

/** @public */
export function gradeFor(score: number): Exclude<Grade, '?'> {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * DESIGN.md §6: area score = points / possible × 100; overall = mean of area
 * scores weighted by area; coverage = share of applicable checks whose status
 * is known; below 50 % coverage there is no score and the grade is "?".
 * @public
 */
export function scoreChecks(
  checks: Pick<CheckReport, 'area' | 'status' | 'weight'>[],
): ScoreSummary {
  // Exact area ratios feed the overall score; only what is shown is rounded,
  // so rounding never compounds.
  const exact = AREAS.map(area => {
    let points = 0;
    let possible = 0;
    for (const check of checks) {
      if (check.area !== area) continue;
      const earned = checkPoints(check.status, check.weight);
      if (earned === null) continue;
      points += earned;
      possible += check.weight;
    }
    return { id: area, score: possible > 0 ? (points / possible) * 100 : null };
  });
  const areas: AreaScore[] = exact.map(a => ({
    id: a.id,
    score: a.score === null ? null : round1(a.score),
  }));

  const applicable = checks.filter(c => c.status !== 'not-applicable');
  const known = applicable.filter(c => c.status !== 'unknown');
  // The threshold applies to the coverage as reported, so the two never disagree.
  const coverage = round3(
    applicable.length === 0 ? 0 : known.length / applicable.length,
  );

  let weighted = 0;
  let totalWeight = 0;
  for (const area of exact) {
    if (area.score === null) continue;
    weighted += area.score * AREA_WEIGHTS[area.id];
    totalWeight += AREA_WEIGHTS[area.id];
  }

  if (totalWeight === 0 || coverage < MIN_COVERAGE_FOR_GRADE) {
    return { score: null, grade: '?', coverage, areas };
  }
  const score = round1(weighted / totalWeight);
  return { score, grade: gradeFor(score), coverage, areas };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
