import { RequirementId } from './requirements';

/**
 * What the organisation says about a cluster, joined from the catalog
 * (DESIGN.md §4) and handed to every rule.
 * @public
 */
export interface EvaluationContext {
  requirements: RequirementId[];
  /** catalog lifecycle, e.g. "production", "development"; null when unknown */
  lifecycle: string | null;
  /** planned platform refresh date (ISO 8601 date), null when none is planned */
  platformRefresh: string | null;
  /** how many catalog Components/Systems run on the cluster; null when unknown */
  catalogServiceCount: number | null;
  /** evaluation time (ISO 8601), so date-dependent rules stay pure */
  now: string;
}

/** @public */
export function isProduction(context: EvaluationContext): boolean {
  return context.lifecycle === 'production';
}
