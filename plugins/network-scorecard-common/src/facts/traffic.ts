/**
 * Traffic facts: what the cluster does, read from the Prometheus that scrapes
 * its Hubble and Cilium agent metrics. Opt-in: a cluster without a Prometheus
 * (networkScorecard.prometheus) has none of them, by choice, and the checks
 * that need them say "connect Prometheus" instead of counting an unknown.
 * Rates are per second, averaged over `window` before the evaluation time.
 */

/** Hubble metric families the dashboards need, as Prometheus names their series. @public */
export type HubbleFamily = 'flow' | 'drop' | 'dns' | 'http';

/** @public */
export interface TrafficFlowsFact {
  /** range of the rates, e.g. "1h" */
  window: string;
  /** series of each family present at the evaluation time; 0 = configured or not, nothing arrives */
  familySeries: Record<HubbleFamily, number>;
  /** flows processed per second, all verdicts */
  perSecond: number;
  /** flows per second by verdict (FORWARDED, DROPPED, AUDIT, …) */
  byVerdict: Record<string, number>;
}

/** @public */
export interface TrafficDropsFact {
  window: string;
  perSecond: number;
  /** drops per second by Hubble drop reason (POLICY_DENIED, …), highest first, at most 10 */
  byReason: { reason: string; perSecond: number }[];
  /** share of drops whose reason is a policy denial; null when nothing is dropped */
  policyDeniedShare: number | null;
  /** policy denials per second by destination namespace, highest first, at most 10 ('' when the series name none) */
  policyDeniedByNamespace: NamespaceRate[];
}

/** @public */
export interface NamespaceRate {
  namespace: string;
  perSecond: number;
}

/** @public */
export interface TrafficPolicyVerdictsFact {
  window: string;
  /** verdicts per second by action: forwarded, dropped, audit, redirected */
  byAction: Record<string, number>;
  /** audit verdicts per second: traffic enforcement would decide on (policy audit mode) */
  auditPerSecond: number;
  /** audit verdicts per second by destination namespace, highest first, at most 10 */
  auditByNamespace: NamespaceRate[];
}

/** @public */
export interface TrafficDnsFact {
  window: string;
  responsesPerSecond: number;
  /** responses per second by rcode ("No Error", "Non-Existent Domain", …) */
  byRcode: Record<string, number>;
  /** share of responses that are not "No Error"; null without responses */
  errorShare: number | null;
}

/** How many workloads and namespaces carry L7 HTTP metrics, against those seen in flows. @public */
export interface TrafficL7Fact {
  window: string;
  /** destination workloads with HTTP request series */
  httpWorkloads: number;
  /** destination workloads with flow series */
  flowWorkloads: number;
  httpNamespaces: number;
  flowNamespaces: number;
  /** httpWorkloads / flowWorkloads; null when flows name no workload (no destination labels) */
  workloadShare: number | null;
}

/** @public */
export interface TrafficLostEventsFact {
  window: string;
  perSecond: number;
  /** by source: perf_event_ring_buffer, observer_events_queue, hubble_ring_buffer */
  bySource: Record<string, number>;
}

/** One cilium_feature_* gauge as the agents report it. @public */
export interface FeatureGauge {
  /** agents reporting the gauge */
  agents: number;
  /** of them, those with the feature on */
  enabled: number;
  /** up to 5 agents with the feature off (node, pod or instance label) */
  offAgents: string[];
  /** up to 5 agents with the feature on */
  onAgents: string[];
}

/** Transparent encryption as the agents run it (cilium_feature_adv_connect_and_lb_transparent_encryption). @public */
export interface EncryptionGauge {
  wireguard: number;
  ipsec: number;
  /** agents reporting feature gauges but no encryption mode */
  none: number;
  /** up to 5 agents running without encryption */
  noneAgents: string[];
}

/**
 * What the Cilium agents really run (feature gauges, Cilium 1.17+). A gauge
 * is null when no agent reports it: agents older than 1.17 have none.
 * @public
 */
export interface TrafficFeaturesFact {
  window: string;
  /** agents reporting feature gauges; 0 when none does */
  agents: number;
  kubeProxyReplacement: FeatureGauge | null;
  encryption: EncryptionGauge | null;
  mutualAuth: FeatureGauge | null;
  bgp: FeatureGauge | null;
}

/** The traffic fact ids, in the order the reader queries them. @public */
export const TRAFFIC_FACT_IDS = [
  'traffic.flows',
  'traffic.drops',
  'traffic.policyVerdicts',
  'traffic.dns',
  'traffic.l7',
  'traffic.lostEvents',
  'traffic.features',
] as const;

/** @public */
export type TrafficFactId = (typeof TRAFFIC_FACT_IDS)[number];

/** What a check says when it needs traffic and the cluster has no Prometheus. @public */
export const CONNECT_PROMETHEUS =
  'connect Prometheus to check this (networkScorecard.prometheus: the Prometheus that scrapes this cluster’s Hubble and Cilium metrics)';
