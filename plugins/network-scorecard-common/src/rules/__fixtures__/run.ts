import { ClusterFacts } from '../../facts';
import { EvaluationContext } from '../../context';
import { AntiPatternRule, CheckRule, ReadinessRule } from '../types';
import { context } from './context';

type Rule = CheckRule | AntiPatternRule | ReadinessRule;

/** Evaluates one rule; production, no requirements, unless told otherwise. */
export function run<R extends Rule>(
  rule: R,
  facts: ClusterFacts,
  ctx: EvaluationContext = context(),
): ReturnType<R['evaluate']> {
  return rule.evaluate(facts, ctx) as ReturnType<R['evaluate']>;
}
