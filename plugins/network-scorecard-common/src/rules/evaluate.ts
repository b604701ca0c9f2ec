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
import {
  AREA_WEIGHTS,
  SCORING_FORMULA,
  checkPoints,
  scoreAreas,
} from '../scoring/score';
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
 * Scores one cluster's facts against a ruleset, giving the report of
 * DESIGN.md §7. Pure: same input, same report.
 * @public
 */
export function evaluateCluster(
  input: EvaluationInput,
  ruleset: Ruleset,
): ClusterReport {
  const { facts, context } = input;

  // Where each check's reads start among those noted during the checks
  // (sized once: one more mark than checks).
  const from: number[] = new Array(ruleset.checks.length + 1);
  watchReads(facts);
  let checks: CheckReport[];
  try {
    checks = ruleset.checks.map((rule, i) => {
      from[i] = readsNoted();
      const result = rule.evaluate(facts, context);
      return {
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
    });
  } finally {
    from[ruleset.checks.length] = readsNoted();
    endWatch();
  }

  const antiPatterns: AntiPatternReport[] = ruleset.antiPatterns.map(rule => {
    const result = rule.evaluate(facts, context);
    return {
      id: rule.id,
      title: rule.title,
      status: result.status,
      evidence: distinct(result.evidence),
      lesson: rule.lesson,
      acknowledged:
        result.status === 'detected'
          ? activeAcknowledgement(
              input.acknowledgements?.[rule.id],
              context.now,
            )
          : null,
    };
  });

  const readiness: ReadinessReport[] = ruleset.readiness.map(rule => {
    const result = rule.evaluate(facts, context);
    return {
      id: rule.id,
      title: rule.title,
      status: result.status,
      blockers: result.blockers,
      steps: result.steps,
    };
  });

  const areas = scoreAreas(checks);
  const final = finalScore({
    weighted: areas.weighted,
    coverage: areas.coverage,
    antiPatterns,
    checks,
    production: isProduction(context),
  });
  const atStake: PointsAtStake[] = [];
  for (const [checkId, points] of areas.atStake) {
    let i = 0;
    while (ruleset.checks[i].id !== checkId) i += 1;
    const rule = ruleset.checks[i];
    const reads = readsAreNoted(rule)
      ? unknownFacts(facts, notedReads(), from[i], from[i + 1])
      : unknownFacts(facts, proxiedReads(rule, facts, context));
    atStake.push({ checkId, points, reads });
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
