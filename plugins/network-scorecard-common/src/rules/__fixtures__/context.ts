/**
 * The catalog context rules are scored in, and a read that failed, for rule
 * tests on golden facts. Test-only; builds no facts of its own.
 */
import { ClusterFacts, DASHBOARD_IDS, DashboardId, FactId } from '../../facts';
import { EvaluationContext, RequirementId } from '../../context';

export const NOW = '2026-11-26T09:00:00Z';

/** Production, no requirements, unless told otherwise. */
export function context(
  partial: Partial<EvaluationContext> = {},
): EvaluationContext {
  return {
    requirements: [],
    lifecycle: 'production',
    platformRefresh: null,
    catalogServiceCount: null,
    now: NOW,
    ...partial,
  };
}

export function requiring(...requirements: RequirementId[]): EvaluationContext {
  return context({ requirements });
}

/** The same facts with one read failed, the way the collector reports it. */
export function withUnreadable(
  facts: ClusterFacts,
  id: FactId,
  reason = 'forbidden',
): ClusterFacts {
  return { ...facts, [id]: { value: null, evidence: [], reason } };
}

const DASHBOARD_ANNOTATION: Record<DashboardId, string> = {
  serviceMap: 'network-scorecard.io/grafana-dashboard-service-map',
  errorRates: 'network-scorecard.io/grafana-dashboard-error-rates',
  latency: 'network-scorecard.io/grafana-dashboard-latency',
  policyDenials: 'network-scorecard.io/grafana-dashboard-policy-denials',
};

/**
 * The catalog's `dashboards` fact (the entity's dashboard annotations, not
 * the cluster), worded as the entity reader words it.
 */
export function linkedDashboards(
  linked: DashboardId[],
  entity = 'Resource default/cluster',
): ClusterFacts {
  return {
    dashboards: {
      value: linked,
      evidence: DASHBOARD_IDS.map(id =>
        linked.includes(id)
          ? `${entity}: annotation ${DASHBOARD_ANNOTATION[id]}=https://grafana.example.com/d/${id}`
          : `${entity}: no annotation ${DASHBOARD_ANNOTATION[id]}`,
      ),
    },
  };
}
