import { AreaScore, CheckReport } from '../report';
import { AREAS } from '../report/types';
import { areaIndex } from './areaIndex';
import { AREA_WEIGHTS, checkPoints, round1 } from './score';

/** AREA_WEIGHTS indexed like AREAS, for the hot loop of scoreAreas. */
const WEIGHT_AT = AREAS.map(area => AREA_WEIGHTS[area]);

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
// points without changing their kind). Nothing called from here re-enters.
const points = new Float64Array(AREAS.length);
const possible = new Float64Array(AREAS.length);

/**
 * The points at stake of the last {@link sumAreas}, as a Map would hold
 * them (a repeated check id keeps its first place and takes the last value),
 * without allocating one per report: valid until the next call.
 */
export const stakeIds: string[] = [];
export const stakePoints: number[] = [];

function setStake(id: string, value: number): void {
  for (let k = 0; k < stakeIds.length; k++) {
    if (stakeIds[k] === id) {
      stakePoints[k] = value;
      return;
    }
  }
  stakeIds.push(id);
  stakePoints.push(value);
}

/** {@link AreaSummary} without its Map: the points at stake go to stakeIds / stakePoints. */
export function sumAreas(
  checks: Pick<CheckReport, 'id' | 'area' | 'status' | 'weight'>[],
): Omit<AreaSummary, 'atStake'> {
  // Exact ratios feed the overall score; only what is shown is rounded.
  // Zeroed in a loop: TypedArray#fill is a call into the runtime.
  for (let i = 0; i < AREAS.length; i++) {
    points[i] = 0;
    possible[i] = 0;
  }
  let applicable = 0;
  let known = 0;
  let unknown = 0;
  for (let c = 0; c < checks.length; c++) {
    const check = checks[c];
    const earned = checkPoints(check.status, check.weight);
    if (earned === null) continue;
    applicable += 1;
    if (check.status !== 'unknown') known += 1;
    else unknown += 1;
    const i = areaIndex(check.area);
    points[i] += earned;
    possible[i] += check.weight;
  }
  const coverage = round3(applicable === 0 ? 0 : known / applicable);
  const areas: AreaScore[] = new Array(AREAS.length);
  let weighted = 0;
  let totalWeight = 0;
  for (let i = 0; i < AREAS.length; i++) {
    if (!possible[i]) {
      areas[i] = { id: AREAS[i], score: null };
      continue;
    }
    areas[i] = { id: AREAS[i], score: round1((points[i] / possible[i]) * 100) };
    weighted += (points[i] / possible[i]) * 100 * WEIGHT_AT[i];
    totalWeight += WEIGHT_AT[i];
  }
  stakeIds.length = 0;
  stakePoints.length = 0;
  for (let c = 0; unknown > 0 && c < checks.length; c++) {
    const check = checks[c];
    if (check.status !== 'unknown') continue;
    unknown -= 1;
    const i = areaIndex(check.area);
    setStake(
      check.id,
      round1(((check.weight / possible[i]) * 100 * WEIGHT_AT[i]) / totalWeight),
    );
  }
  return {
    areas,
    weighted: totalWeight === 0 ? null : weighted / totalWeight,
    coverage,
  };
}

/**
 * Area score = points / possible × 100, unknown checks included with 0
 * points; the weighted mean of the areas that apply; coverage = share of
 * applicable checks whose status is known.
 * @public
 */
export function scoreAreas(
  checks: Pick<CheckReport, 'id' | 'area' | 'status' | 'weight'>[],
): AreaSummary {
  const sums = sumAreas(checks);
  const atStake = new Map<string, number>();
  for (let k = 0; k < stakeIds.length; k++)
    atStake.set(stakeIds[k], stakePoints[k]);
  return {
    areas: sums.areas,
    weighted: sums.weighted,
    coverage: sums.coverage,
    atStake,
  };
}
