import { ClusterFacts } from '../facts';
import { EvaluationContext } from '../context';
import {
  AntiPatternStatus,
  Area,
  CheckStatus,
  ReadinessStatus,
} from '../report';

/** @public */
export interface CheckResult {
  status: CheckStatus;
  evidence: string[];
  /** what to do, naming the evidence; for a pass, why nothing needs to change */
  recommendation: string;
}

/**
 * One check of the framework: a pure function of facts and context.
 * Ids are a contract (DESIGN.md §6); custom checks use their own prefix.
 * @public
 */
export interface CheckRule {
  id: string;
  area: Area;
  weight: number;
  title: string;
  /** the framework's default choice */
  default: string;
  /** the framework's condition for leaving the default */
  switchWhen: string;
  /** one paragraph, in our own words, of why */
  rationale: string;
  evaluate(facts: ClusterFacts, context: EvaluationContext): CheckResult;
}

/** @public */
export interface AntiPatternResult {
  status: AntiPatternStatus;
  evidence: string[];
}

/** @public */
export interface AntiPatternRule {
  id: string;
  title: string;
  /** the lesson learnt, in our own words */
  lesson: string;
  evaluate(facts: ClusterFacts, context: EvaluationContext): AntiPatternResult;
}

/**
 * `ready`: nothing blocks the move, `steps` say what is left to do (possibly
 * nothing); `blocked`: at least one of `blockers` stands in the way;
 * `unknown`: no blocker seen but an input could not be read;
 * `not-applicable`: the move does not concern this cluster.
 * @public
 */
export interface ReadinessResult {
  status: ReadinessStatus;
  blockers: string[];
  steps: string[];
}

/** @public */
export interface ReadinessRule {
  id: string;
  title: string;
  evaluate(facts: ClusterFacts, context: EvaluationContext): ReadinessResult;
}

/** @public */
export interface Ruleset {
  /** changes whenever any rule's logic or weight changes */
  version: string;
  checks: CheckRule[];
  antiPatterns: AntiPatternRule[];
  readiness: ReadinessRule[];
}
