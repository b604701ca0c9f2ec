import { ClusterFacts, DashboardId } from '../../facts';
import { DASHBOARD_IDS } from '../../facts/types';
import { factEvidence, factValue } from '../../facts/access';
import { isProduction } from '../../context/types';
import { CheckResult, CheckRule } from '../types';
import { catalog, cniLabel, evidenceOf, unknownBecause } from '../helpers';
import { joined } from '../../text/joined';

const DASHBOARD_TITLE: Record<DashboardId, string> = {
  serviceMap: 'service map',
  errorRates: 'error rates',
  latency: 'latency',
  policyDenials: 'policy denials',
};

const titles = (ids: DashboardId[]) =>
  joined(
    ids.map(d => DASHBOARD_TITLE[d]),
    ', ',
  );

/** Which dashboards the CNI's own flow data can feed, and from what. */
interface FlowSources {
  feeds: DashboardId[];
  source: string;
  /** why the others cannot come from this CNI, and what would make more of them possible */
  limits: string;
}

/**
 * Hubble feeds all four. Calico OSS records flows with Goldmane (3.30+) and
 * counts denied packets in Felix metrics, but never sees HTTP requests, so
 * error rates and latency cannot come from it. Other CNIs export no flows.
 * Null when a fact it depends on is unknown.
 */
function flowSources(facts: ClusterFacts): FlowSources | CheckResult | null {
  const cni = factValue(facts, 'cni');
  if (cni === null) return null;
  if (cni === 'cilium')
    return {
      feeds: [...DASHBOARD_IDS],
      source: 'the Hubble metrics',
      limits: '',
    };
  if (cni === 'calico') {
    const calico = factValue(facts, 'calico.observability');
    if (calico === null) return unknownBecause(facts, ['calico.observability']);
    const feeds: DashboardId[] = [];
    if (calico.goldmane) feeds.push('serviceMap');
    if (calico.goldmane || calico.felixMetrics) feeds.push('policyDenials');
    const enable = [
      ...(calico.goldmane
        ? []
        : [
            'Goldmane flow logs (Calico 3.30+: the operator CRs Goldmane and Whisker)',
          ]),
      ...(calico.felixMetrics
        ? []
        : [
            'Felix metrics (prometheusMetricsEnabled: true in FelixConfiguration default)',
          ]),
    ];
    return {
      feeds,
      source: joined(
        [
          ...(calico.goldmane ? ["Goldmane's flow logs"] : []),
          ...(calico.felixMetrics ? ['the Felix metrics'] : []),
        ],
        ' and ',
      ),
      limits: `Calico records connections, not HTTP requests, so error rates and latency have to come from application or ingress metrics${
        enable.length ? `; turn on ${joined(enable, ' and ')} for the rest` : ''
      }.`,
    };
  }
  return {
    feeds: [],
    source: '',
    limits: `${cniLabel(
      cni,
    )} exports no flow data, so these dashboards cannot come from the CNI; build them from application and ingress metrics, or from Hubble once on Cilium.`,
  };
}

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
    'Four dashboards built from flow data cover almost all networking debugging: who talks to whom, error rates per service and endpoint, latency percentiles between service pairs, and policy drops with DNS failures. Build those first and resist instrumenting everything; linked from the portal, they are where an on-call engineer starts. A CNI that records no requests cannot feed all four, and that is stated rather than held against the cluster.',
  evaluate(facts, context) {
    const dashboards = factValue(facts, 'dashboards');
    if (dashboards === null) return unknownBecause(facts, ['dashboards']);
    const missing = DASHBOARD_IDS.filter(d => !dashboards.includes(d));
    if (missing.length === 0) {
      return {
        status: 'pass',
        evidence: factEvidence(facts, 'dashboards'),
        recommendation: 'All four dashboards are linked.',
      };
    }
    const sources = flowSources(facts);
    if (sources === null) return unknownBecause(facts, ['cni']);
    if ('status' in sources) return sources;
    const buildable = missing.filter(d => sources.feeds.includes(d));
    const beyond = missing.filter(d => !sources.feeds.includes(d));
    const linked = DASHBOARD_IDS.length - missing.length;
    const evidence = [
      ...evidenceOf(facts, 'dashboards', 'cni', 'calico.observability'),
      catalog.lifecycle(context),
    ];
    const parts = [
      linked === 0
        ? `None of the four dashboards (${titles(missing)}) is linked.`
        : `${linked} of the four dashboards ${
            linked === 1 ? 'is' : 'are'
          } linked; missing: ${titles(missing)}.`,
      ...(buildable.length
        ? [
            `Build ${titles(buildable)} from ${
              sources.source
            } and link them with the network-scorecard.io/grafana-url annotation.`,
          ]
        : []),
      ...(beyond.length ? [sources.limits] : []),
    ];
    // Only dashboards the CNI can feed count against a production cluster.
    const fail = linked === 0 && buildable.length > 0 && isProduction(context);
    return {
      status: fail ? 'fail' : 'warn',
      evidence,
      recommendation: joined(parts, ' '),
    };
  },
};
