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
import { CheckRule, Ruleset } from './types';

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

/** Rules may cite one object twice (one fact, two uses); the report lists it once. */
function unique(lines: string[]): string[] {
  for (let i = 1; i < lines.length; i++) {
    if (lines.indexOf(lines[i]) < i) return [...new Set(lines)];
  }
  return lines;
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

  const checks: CheckReport[] = ruleset.checks.map(rule => {
    const result = rule.evaluate(facts, context);
    return {
      id: rule.id,
      area: rule.area,
      title: rule.title,
      weight: rule.weight,
      status: result.status,
      points: checkPoints(result.status, rule.weight),
      evidence: unique(result.evidence),
      recommendation: result.recommendation,
      default: rule.default,
      switchWhen: rule.switchWhen,
    };
  });

  const antiPatterns: AntiPatternReport[] = ruleset.antiPatterns.map(rule => {
    const result = rule.evaluate(facts, context);
    const ack = activeAcknowledgement(
      input.acknowledgements?.[rule.id],
      context.now,
    );
    return {
      id: rule.id,
      title: rule.title,
      status: result.status,
      evidence: unique(result.evidence),
      lesson: rule.lesson,
      acknowledged: result.status === 'detected' ? ack : null,
    };
  });

  const readiness: ReadinessReport[] = ruleset.readiness.map(rule => ({
    id: rule.id,
    title: rule.title,
    ...rule.evaluate(facts, context),
  }));

  const areas = scoreAreas(checks);
  const final = finalScore({
    weighted: areas.weighted,
    coverage: areas.coverage,
    antiPatterns,
    checks,
    production: isProduction(context),
  });
  const atStake: PointsAtStake[] = [...areas.atStake].map(
    ([checkId, points]) => ({
      checkId,
      points,
      reads: unknownReads(
        ruleset.checks.find(rule => rule.id === checkId)!,
        facts,
        context,
      ),
    }),
  );
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

/**
 * The unknown facts an undecided check read: evaluated again with every fact
 * access recorded, so the report can say what the scanner must be allowed to
 * read without each rule declaring its inputs.
 */
function unknownReads(
  rule: CheckRule,
  facts: ClusterFacts,
  context: EvaluationContext,
): { fact: string; reason: string }[] {
  const read = new Set<string>();
  const recorder = new Proxy(facts, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
  rule.evaluate(recorder, context);
  const table = facts as Record<
    string,
    { value: unknown; reason?: string } | undefined
  >;
  return [...read]
    .filter(id => table[id] === undefined || table[id]!.value === null)
    .map(id => ({
      fact: id,
      reason: table[id]?.reason ?? 'not collected',
    }));
}
