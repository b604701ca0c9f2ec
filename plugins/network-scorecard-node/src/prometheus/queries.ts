import { fillSelectors } from './promql';

/**
 * The fixed set of instant queries made per cluster, whatever its size:
 * every one aggregates over agents and nodes, so its answer has a bounded
 * number of series (families, verdicts, reasons, rcodes, features, and at
 * most five named agents per feature). `{SEL}` is where the cluster label
 * goes; `W` is the window of the rates. Metric and label names are Cilium's
 * (fixtures/prometheus/PROVENANCE.md lists where each comes from).
 */
const FEATURE_PREFIX = 'cilium_feature_';

/** The feature gauges read, by the name of the field they fill. */
export const FEATURE_METRICS = {
  kubeProxyReplacement: `${FEATURE_PREFIX}adv_connect_and_lb_kube_proxy_replacement_enabled`,
  encryption: `${FEATURE_PREFIX}adv_connect_and_lb_transparent_encryption`,
  mutualAuth: `${FEATURE_PREFIX}network_policies_mutual_auth_enabled`,
  bgp: `${FEATURE_PREFIX}adv_connect_and_lb_bgp_enabled`,
} as const;

const ALL_FEATURES = Object.values(FEATURE_METRICS).join('|');
const ON_OFF_FEATURES = [
  FEATURE_METRICS.kubeProxyReplacement,
  FEATURE_METRICS.mutualAuth,
  FEATURE_METRICS.bgp,
].join('|');

function tagged(expression: string, label: string, value: string): string {
  return `label_replace(${expression}, "${label}", "${value}", "", "")`;
}

const TEMPLATES = {
  families: [
    tagged('count(hubble_flows_processed_total{SEL})', 'family', 'flow'),
    tagged('count(hubble_drop_total{SEL})', 'family', 'drop'),
    tagged(
      'count({SEL,__name__=~"hubble_dns_(queries|responses)_total"})',
      'family',
      'dns',
    ),
    tagged('count(hubble_http_requests_total{SEL})', 'family', 'http'),
  ].join(' or '),
  flows: 'sum by (verdict) (rate(hubble_flows_processed_total{SEL}[W]))',
  drops: 'sum by (reason) (rate(hubble_drop_total{SEL}[W]))',
  policyDropsByNamespace:
    'topk(10, sum by (destination_namespace) (rate(hubble_drop_total{SEL,reason="POLICY_DENIED"}[W])))',
  policyVerdicts:
    'sum by (action) (rate(hubble_policy_verdicts_total{SEL}[W]))',
  auditByNamespace:
    'topk(10, sum by (destination_namespace) (rate(hubble_policy_verdicts_total{SEL,action="audit"}[W])))',
  dns: 'sum by (rcode) (rate(hubble_dns_responses_total{SEL}[W]))',
  l7: [
    [
      'hubble_http_requests_total',
      'destination_namespace, destination_workload',
      'destination_workload',
      'http_workloads',
    ],
    [
      'hubble_flows_processed_total',
      'destination_namespace, destination_workload',
      'destination_workload',
      'flow_workloads',
    ],
    [
      'hubble_http_requests_total',
      'destination_namespace',
      'destination_namespace',
      'http_namespaces',
    ],
    [
      'hubble_flows_processed_total',
      'destination_namespace',
      'destination_namespace',
      'flow_namespaces',
    ],
  ]
    .map(([metric, by, required, what]) =>
      tagged(
        `count(count by (${by}) (last_over_time(${metric}{SEL,${required}!=""}[W])))`,
        'what',
        what,
      ),
    )
    .join(' or '),
  lostEvents: 'sum by (source) (rate(hubble_lost_events_total{SEL}[W]))',
  featureCounts: [
    tagged(
      `count by (__name__, mode) ({SEL,__name__=~"${ALL_FEATURES}"})`,
      'stat',
      'agents',
    ),
    tagged(
      `sum by (__name__, mode) ({SEL,__name__=~"${ALL_FEATURES}"})`,
      'stat',
      'enabled',
    ),
  ].join(' or '),
  featureAgents: [
    tagged(
      `topk by (__name__) (5, {SEL,__name__=~"${ON_OFF_FEATURES}"} == 0)`,
      'state',
      'off',
    ),
    tagged(
      `topk by (__name__, mode) (5, {SEL,__name__=~"${ALL_FEATURES}"} == 1)`,
      'state',
      'on',
    ),
    tagged(
      `topk(5, ${FEATURE_METRICS.kubeProxyReplacement}{SEL} unless on (instance) ${FEATURE_METRICS.encryption}{SEL})`,
      'state',
      'unencrypted',
    ),
  ].join(' or '),
};

/** @public */
export type QueryName = keyof typeof TEMPLATES;

/** Every query the reader makes for one cluster. */
export const QUERY_NAMES = Object.keys(TEMPLATES) as QueryName[];

/** The PromQL of one query, narrowed to the cluster and its window. */
export function promql(
  name: QueryName,
  window: string,
  clusterMatcher?: string,
): string {
  return fillSelectors(TEMPLATES[name], clusterMatcher).replace(
    /\[W\]/g,
    `[${window}]`,
  );
}
