/** How to authenticate to a Prometheus query endpoint. @public */
export type PrometheusAuth =
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string };

/**
 * One cluster's Prometheus (or a Prometheus-compatible query API: Thanos,
 * Mimir, VictoriaMetrics), as config names it. Never taken from the catalog.
 * @public
 */
export interface PrometheusConnection {
  /** base URL of the query API, e.g. https://prometheus.example.com (…/api/v1/query is appended) */
  url: string;
  auth?: PrometheusAuth;
  /**
   * For a Prometheus shared by several clusters: every series selector is
   * narrowed to `name="value"`.
   */
  clusterLabel?: { name: string; value: string };
}

/** @public */
export interface PrometheusReadOptions {
  /** evaluation time of every instant query, ISO 8601; default now */
  at?: string;
  /** range of the rates, a PromQL duration; default "1h" */
  window?: string;
  /** per-request timeout; default 10 s */
  timeoutMs?: number;
  /** response bytes one query may return before it is cut off; default 1 MiB */
  maxBytes?: number;
}
