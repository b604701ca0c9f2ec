import { Entity } from '@backstage/catalog-model';
import {
  ClusterFacts,
  EvaluationContext,
  ReportLink,
} from '@network-scorecard/common';
import { contextFromEntity } from '@network-scorecard/node';

/** What the catalog adds to one cluster's facts before it is scored (DESIGN.md §4). */
export interface ClusterContext {
  context: EvaluationContext;
  links: ReportLink[];
  /** catalog-derived facts (the dashboards with a link) */
  facts: ClusterFacts;
  /** problems with the catalog declaration, e.g. an unknown requirement id */
  errors: string[];
}

/** Joins the cluster's catalog entity; a cluster without one is judged on facts alone. */
export function clusterContext(
  entity: Entity | undefined,
  serviceCount: number | undefined,
  now: string,
): ClusterContext {
  if (!entity) {
    return {
      context: {
        requirements: [],
        lifecycle: null,
        platformRefresh: null,
        catalogServiceCount: serviceCount ?? null,
        now,
      },
      links: [],
      facts: {
        dashboards: {
          value: null,
          evidence: [],
          reason: 'not found: the cluster has no catalog entity',
        },
      },
      errors: [],
    };
  }
  const joined = contextFromEntity(entity, now);
  return {
    context: { ...joined.context, catalogServiceCount: serviceCount ?? 0 },
    links: joined.links,
    facts: { dashboards: joined.dashboards },
    errors: joined.errors,
  };
}
