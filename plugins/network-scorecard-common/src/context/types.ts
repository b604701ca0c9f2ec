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
  /**
   * lifecycles that count as production, matched case-insensitively
   * (`networkScorecard.productionLifecycles`); default {@link DEFAULT_PRODUCTION_LIFECYCLES}
   */
  productionLifecycles?: string[];
  /**
   * the CNI the catalog declares this cluster is moving to
   * (`network-scorecard.io/target-cni`); null or absent when no move is
   * declared. A platform-refresh date alone is the window for a move, never the plan.
   */
  targetCni?: TargetCni | null;
}

/** The CNIs a cluster may declare as its target (DESIGN.md §4). @public */
export const TARGET_CNIS = ['cilium', 'calico'] as const;

/** @public */
export type TargetCni = (typeof TARGET_CNIS)[number];

/**
 * Parses the `network-scorecard.io/target-cni` annotation: empty means no
 * declared move; any other value than cilium or calico is an error naming
 * it and `where` (never silently ignored).
 * @public
 */
export function parseTargetCni(
  raw: string | undefined | null,
  where: string,
): { targetCni: TargetCni | null; error?: string } {
  const value = (raw ?? '').trim().toLowerCase();
  if (!value) return { targetCni: null };
  const found = TARGET_CNIS.find(t => t === value);
  if (found) return { targetCni: found };
  return {
    targetCni: null,
    error: `${where}: unknown target CNI "${(
      raw ?? ''
    ).trim()}"; expected one of ${TARGET_CNIS.join(', ')}`,
  };
}

/**
 * A deprecated cluster still serves production traffic until it is gone,
 * so it is judged as production.
 * @public
 */
export const DEFAULT_PRODUCTION_LIFECYCLES: readonly string[] = [
  'production',
  'prod',
  'deprecated',
];

const normalised = (lifecycle: string) => lifecycle.trim().toLowerCase();

/** Normalised once: every rule asks. */
const DEFAULT_PRODUCTION = DEFAULT_PRODUCTION_LIFECYCLES.map(normalised);

// The last lifecycle judged against the default set, and its verdict: a
// report asks several times about one context, and only the lifecycle
// string decides (a configured list could change in place, so it is not kept).
let lastLifecycle: string | null | undefined;
let lastVerdict = false;

/** @public */
export function isProduction(context: EvaluationContext): boolean {
  const configured = context.productionLifecycles;
  if (configured === undefined || configured === null) {
    const raw = context.lifecycle;
    if (raw !== lastLifecycle) {
      const lifecycle = raw?.trim().toLowerCase();
      lastVerdict = !!lifecycle && DEFAULT_PRODUCTION.includes(lifecycle);
      lastLifecycle = raw;
    }
    return lastVerdict;
  }
  const lifecycle = context.lifecycle?.trim().toLowerCase();
  return !!lifecycle && configured.some(l => normalised(l) === lifecycle);
}
