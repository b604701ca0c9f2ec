import {
  DASHBOARD_IDS,
  DashboardId,
  factEvidence,
  factValue,
} from '../../facts';
import { isProduction } from '../../context';
import { CheckRule } from '../types';
import { catalog, unknownBecause } from '../helpers';

const DASHBOARD_TITLE: Record<DashboardId, string> = {
  serviceMap: 'service map',
  errorRates: 'error rates',
  latency: 'latency',
  policyDenials: 'policy denials',
};

/** @public */
export const observabilityDashboards: CheckRule = {
  id: 'observability.dashboards',
  area: 'observability',
  weight: 2,
  title: 'The four flow dashboards exist and are linked',
  default:
    'Service map, error rates, latency (P50/P95/P99 per service pair) and policy denials in Grafana, linked from the portal',
  switchWhen:
    'Build more only after these four stop answering the questions asked',
  rationale:
    'Four dashboards built from flow data cover almost all networking debugging: who talks to whom, error rates per service and endpoint, latency percentiles between service pairs, and policy drops with DNS failures. Build those first and resist instrumenting everything; linked from the portal, they are where an on-call engineer starts.',
  evaluate(facts, context) {
    const dashboards = factValue(facts, 'dashboards');
    if (dashboards === null) return unknownBecause(facts, ['dashboards']);
    const evidence = factEvidence(facts, 'dashboards');
    const missing = DASHBOARD_IDS.filter(d => !dashboards.includes(d));
    if (missing.length === 0) {
      return {
        status: 'pass',
        evidence,
        recommendation: 'All four dashboards are linked.',
      };
    }
    const names = missing.map(d => DASHBOARD_TITLE[d]).join(', ');
    const source =
      factValue(facts, 'cni') === 'cilium'
        ? 'the Hubble metrics'
        : "the CNI's flow and policy metrics (Hubble once on Cilium)";
    const how = `Build them from ${source} and link them with the network-scorecard.io/grafana-url annotation`;
    if (missing.length < DASHBOARD_IDS.length) {
      return {
        status: 'warn',
        evidence,
        recommendation: `${
          DASHBOARD_IDS.length - missing.length
        } of the four dashboards ${
          DASHBOARD_IDS.length - missing.length === 1 ? 'is' : 'are'
        } linked; missing: ${names}. ${how}.`,
      };
    }
    return {
      status: isProduction(context) ? 'fail' : 'warn',
      evidence: [...evidence, catalog.lifecycle(context)],
      recommendation: `None of the four dashboards (${names}) is linked. ${how}.`,
    };
  },
};
