import { ClusterReport } from '@network-scorecard/common';
/**
 * Hubble UI filtered to one namespace. Hubble UI reads `?namespace=` from the
 * root path, so the link is `<base>/?namespace=<ns>`.
 */
export function hubbleNamespaceUrl(
  baseUrl: string,
  namespace: string | null,
  verdict?: 'DROPPED',
): string {
  if (!namespace) return baseUrl;
  const query = `namespace=${encodeURIComponent(namespace)}${
    verdict ? `&verdict=${verdict}` : ''
  }`;
  if (baseUrl.includes('?')) {
    return `${baseUrl}&${query}`;
  }
  return `${baseUrl.replace(/\/+$/, '')}/?${query}`;
}

/**
 * The window of the scan's traffic evidence (e.g. "1h"), when the cluster's
 * report has any: dashboards opened from it show the same stretch of time.
 */
export function trafficWindow(report: ClusterReport): string | null {
  for (const [id, fact] of Object.entries(report.facts)) {
    if (!id.startsWith('traffic.') || !fact?.value) continue;
    const window = (fact.value as { window?: unknown }).window;
    if (typeof window === 'string' && /^\d+[smhd]$/.test(window)) return window;
  }
  return null;
}

/** A Grafana dashboard URL showing the last `window` (Grafana's relative time range). */
export function grafanaUrl(url: string, window: string | null): string {
  if (!window) return url;
  return `${url}${url.includes('?') ? '&' : '?'}from=now-${window}&to=now`;
}
