import { Entity } from '@backstage/catalog-model';
import {
  Acknowledgement,
  ClusterReport,
  DashboardId,
  EvaluationContext,
  Fact,
  ReportLink,
  ReportSource,
  RequirementId,
  Ruleset,
  defaultRuleset,
  evaluateCluster,
} from '@network-scorecard/common';
import { contextFromEntity } from '../entity/contextFromEntity';
import { CollectedFacts } from '../types';

/** Everything that decides one cluster's report. @public */
export interface ScoreClusterInput {
  cluster: string;
  source: ReportSource;
  collected: CollectedFacts;
  /** the cluster's catalog entity; absent when the catalog has none */
  entity?: Entity;
  /**
   * Components and Systems the catalog relates to the cluster. None related
   * means the catalog does not say, so the cluster's own Service count decides.
   */
  catalogServiceCount?: number;
  /** evaluation time (ISO 8601); a dump is scanned at its captured-at */
  now: string;
  acknowledgements?: Record<string, Acknowledgement>;
  /** lifecycles that count as production (`networkScorecard.productionLifecycles`) */
  productionLifecycles?: string[];
  /** what the CLI's flags override of the catalog declaration */
  overrides?: { requirements?: RequirementId[]; lifecycle?: string };
  ruleset?: Ruleset;
}

const NO_ENTITY: Fact<DashboardId[]> = {
  value: null,
  evidence: [],
  reason: 'not found: the cluster has no catalog entity',
};

/**
 * The one way a cluster is scored, for the backend and the CLI alike: the
 * collector's facts, joined with the catalog declaration (catalog problems
 * become report errors with fact "catalog"), evaluated against the ruleset.
 * @public
 */
export function scoreCluster(input: ScoreClusterInput): ClusterReport {
  const scannedAt = input.collected.capturedAt ?? input.now;
  const joined = input.entity
    ? contextFromEntity(input.entity, input.now)
    : undefined;
  const context: EvaluationContext = {
    requirements: [],
    lifecycle: null,
    platformRefresh: null,
    ...joined?.context,
    catalogServiceCount:
      input.catalogServiceCount && input.catalogServiceCount > 0
        ? input.catalogServiceCount
        : null,
    now: input.now,
    ...(input.productionLifecycles
      ? { productionLifecycles: input.productionLifecycles }
      : {}),
    ...(input.overrides?.requirements
      ? { requirements: input.overrides.requirements }
      : {}),
    ...(input.overrides?.lifecycle
      ? { lifecycle: input.overrides.lifecycle }
      : {}),
  };
  const links: ReportLink[] = joined?.links ?? [];
  return evaluateCluster(
    {
      cluster: input.cluster,
      source: input.source,
      scannedAt,
      facts: {
        ...input.collected.facts,
        dashboards: joined?.dashboards ?? NO_ENTITY,
      },
      errors: [
        ...input.collected.errors,
        ...(joined?.errors ?? []).map(reason => ({ fact: 'catalog', reason })),
      ],
      context,
      links,
      acknowledgements: input.acknowledgements,
    },
    input.ruleset ?? defaultRuleset,
  );
}
