import { ClusterFacts } from '../facts';
import { FACT_IDS } from '../facts/types';
import { EvaluationContext } from '../context';
import { isProduction } from '../context/types';
import {
  Acknowledgement,
  AntiPatternReport,
  CheckReport,
  ClusterReport,
  ReadinessReport,
  ReportError,
  ReportLink,
  ReportSource,
  ReportStatus,
  PointsAtStake,
} from '../report';
import { AREA_WEIGHTS, SCORING_FORMULA, checkPoints } from '../scoring/score';
import { stakeIds, stakePoints, sumAreas } from '../scoring/areaSums';
import { finalScore } from '../scoring/adjust';
import { endWatch, notedReads, readsNoted, watchReads } from '../facts/reads';
import { Ruleset } from './types';
import { readsAreNoted } from './notedReads';
import { proxiedReads, unknownFacts } from './unknownReads';
import { distinct } from '../text/distinct';

/** Everything one evaluation needs; rules never touch the network. @public */
export interface EvaluationInput {
  cluster: string;
  source: ReportSource;
  scannedAt: string;
  facts: ClusterFacts;
  /** what the collector could not read */
  errors: ReportError[];
  context: EvaluationContext;
  links?: ReportLink[];
  /** acknowledgements by anti-pattern id; expired ones are ignored */
  acknowledgements?: Record<string, Acknowledgement>;
}

function collectionStatus(
  facts: ClusterFacts,
  errors: ReportError[],
): ReportStatus {
  if (errors.length === 0) return 'ok';
  const anyKnown = FACT_IDS.some(id => {
    const fact = facts[id];
    return fact !== undefined && fact.value !== null;
  });
  return anyKnown ? 'partial' : 'failed';
}

function activeAcknowledgement(
  ack: Acknowledgement | undefined,
  now: string,
): Acknowledgement | null {
  if (!ack) return null;
  if (ack.expiresAt && Date.parse(ack.expiresAt) <= Date.parse(now))
    return null;
  return ack;
}

/**
 * Where each check's reads start among those noted during the checks (one
 * more mark than checks), rewritten by every evaluation: like the reads
 * themselves, nothing an evaluation calls re-enters it.
 */
const from: number[] = [];

/**
 * Scores one cluster's facts against a ruleset, giving the report of
 * DESIGN.md §7. Pure: same input, same report.
 * @public
 */
export function evaluateCluster(
  input: EvaluationInput,
  ruleset: Ruleset,
): ClusterReport {
  const { facts, context } = input;

  // Plain loops: a callback per rule list would be a closure per report.
  const checkRules = ruleset.checks;
  const checks: CheckReport[] = new Array(checkRules.length);
  watchReads(facts);
  try {
    for (let i = 0; i < checkRules.length; i++) {
      const rule = checkRules[i];
      from[i] = readsNoted();
      const result = rule.evaluate(facts, context);
      checks[i] = {
        id: rule.id,
        area: rule.area,
        title: rule.title,
        weight: rule.weight,
        status: result.status,
        points: checkPoints(result.status, rule.weight),
        // Rules may cite one object twice (one fact, two uses); the report lists it once.
        evidence: distinct(result.evidence),
        recommendation: result.recommendation,
        default: rule.default,
        switchWhen: rule.switchWhen,
      };
    }
  } finally {
    from[checkRules.length] = readsNoted();
    endWatch();
  }

  const antiPatternRules = ruleset.antiPatterns;
  const acknowledgements = input.acknowledgements;
  const antiPatterns: AntiPatternReport[] = new Array(antiPatternRules.length);
  for (let i = 0; i < antiPatternRules.length; i++) {
    const rule = antiPatternRules[i];
    const result = rule.evaluate(facts, context);
    antiPatterns[i] = {
      id: rule.id,
      title: rule.title,
      status: result.status,
      evidence: distinct(result.evidence),
      lesson: rule.lesson,
      acknowledged:
        result.status === 'detected'
          ? activeAcknowledgement(acknowledgements?.[rule.id], context.now)
          : null,
    };
  }

  const readinessRules = ruleset.readiness;
  const readiness: ReadinessReport[] = new Array(readinessRules.length);
  for (let i = 0; i < readinessRules.length; i++) {
    const rule = readinessRules[i];
    const result = rule.evaluate(facts, context);
    readiness[i] = {
      id: rule.id,
      title: rule.title,
      status: result.status,
      blockers: result.blockers,
      steps: result.steps,
    };
  }

  const areas = sumAreas(checks);
  const final = finalScore({
    weighted: areas.weighted,
    coverage: areas.coverage,
    antiPatterns,
    checks,
    production: isProduction(context),
  });
  const atStake: PointsAtStake[] = [];
  for (let k = 0; k < stakeIds.length; k++) {
    const checkId = stakeIds[k];
    let i = 0;
    while (checkRules[i].id !== checkId) i += 1;
    const rule = checkRules[i];
    const reads = readsAreNoted(rule)
      ? unknownFacts(facts, notedReads(), from[i], from[i + 1])
      : unknownFacts(facts, proxiedReads(rule, facts, context));
    atStake.push({ checkId, points: stakePoints[k], reads });
  }
  return {
    schemaVersion: 1,
    rulesetVersion: ruleset.version,
    cluster: input.cluster,
    scannedAt: input.scannedAt,
    source: input.source,
    status: collectionStatus(facts, input.errors),
    errors: input.errors,
    score: final.score,
    grade: final.grade,
    coverage: areas.coverage,
    areas: areas.areas,
    scoring: {
      formula: SCORING_FORMULA,
      areaWeights: AREA_WEIGHTS,
      weighted:
        areas.weighted === null ? null : Math.round(areas.weighted * 10) / 10,
      penalties: final.penalties,
      caps: final.caps,
      atStake,
    },
    facts,
    checks,
    antiPatterns,
    readiness,
    links: input.links ?? [],
  };
}
