import {
  EncryptionGauge,
  FeatureGauge,
  FactValues,
  HubbleFamily,
  NamespaceRate,
  TrafficFeaturesFact,
} from '@network-scorecard/common';
import { FEATURE_METRICS } from './queries';
import { VectorSample } from './PrometheusReader';

/** Builders from query answers to fact values; `window` is the rate range. */

const FAMILIES: HubbleFamily[] = ['flow', 'drop', 'dns', 'http'];

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function byLabel(
  samples: VectorSample[],
  label: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) {
    const key = s.labels[label] ?? '';
    out[key] = round((out[key] ?? 0) + s.value);
  }
  return out;
}

function total(samples: VectorSample[]): number {
  return round(samples.reduce((sum, s) => sum + s.value, 0));
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole) : null;
}

export function flowsFact(
  families: VectorSample[],
  flows: VectorSample[],
  window: string,
): FactValues['traffic.flows'] {
  const series = byLabel(families, 'family');
  return {
    window,
    familySeries: Object.fromEntries(
      FAMILIES.map(f => [f, series[f] ?? 0]),
    ) as Record<HubbleFamily, number>,
    perSecond: total(flows),
    byVerdict: byLabel(flows, 'verdict'),
  };
}

/** Hubble's drop reason for a packet a policy denied. */
export const POLICY_DENIED = 'POLICY_DENIED';

/** Rates by destination namespace, highest first (topk does not order its answer). */
function byNamespace(samples: VectorSample[]): NamespaceRate[] {
  return Object.entries(byLabel(samples, 'destination_namespace'))
    .map(([namespace, perSecond]) => ({ namespace, perSecond }))
    .sort(
      (a, b) =>
        b.perSecond - a.perSecond || a.namespace.localeCompare(b.namespace),
    )
    .slice(0, 10);
}

export function dropsFact(
  samples: VectorSample[],
  byNs: VectorSample[],
  window: string,
): FactValues['traffic.drops'] {
  const reasons = byLabel(samples, 'reason');
  const perSecond = total(samples);
  return {
    window,
    perSecond,
    byReason: Object.entries(reasons)
      .map(([reason, rate]) => ({ reason, perSecond: rate }))
      .sort(
        (a, b) => b.perSecond - a.perSecond || a.reason.localeCompare(b.reason),
      )
      .slice(0, 10),
    policyDeniedShare: share(reasons[POLICY_DENIED] ?? 0, perSecond),
    policyDeniedByNamespace: byNamespace(byNs),
  };
}

export function policyVerdictsFact(
  samples: VectorSample[],
  audit: VectorSample[],
  window: string,
): FactValues['traffic.policyVerdicts'] {
  const byAction = byLabel(samples, 'action');
  return {
    window,
    byAction,
    auditPerSecond: byAction.audit ?? 0,
    auditByNamespace: byNamespace(audit),
  };
}

const DNS_OK = new Set(['No Error', 'NOERROR', 'NoError']);

export function dnsFact(
  samples: VectorSample[],
  window: string,
): FactValues['traffic.dns'] {
  const byRcode = byLabel(samples, 'rcode');
  const responses = total(samples);
  const errors = Object.entries(byRcode)
    .filter(([rcode]) => !DNS_OK.has(rcode))
    .reduce((sum, [, rate]) => sum + rate, 0);
  return {
    window,
    responsesPerSecond: responses,
    byRcode,
    errorShare: share(errors, responses),
  };
}

export function l7Fact(
  samples: VectorSample[],
  window: string,
): FactValues['traffic.l7'] {
  const counts = byLabel(samples, 'what');
  const httpWorkloads = counts.http_workloads ?? 0;
  const flowWorkloads = counts.flow_workloads ?? 0;
  return {
    window,
    httpWorkloads,
    flowWorkloads,
    httpNamespaces: counts.http_namespaces ?? 0,
    flowNamespaces: counts.flow_namespaces ?? 0,
    workloadShare: share(httpWorkloads, flowWorkloads),
  };
}

export function lostEventsFact(
  samples: VectorSample[],
  window: string,
): FactValues['traffic.lostEvents'] {
  return {
    window,
    perSecond: total(samples),
    bySource: byLabel(samples, 'source'),
  };
}

/** The agent a series comes from, by the most specific label scraping gave it. */
function agentName(labels: Record<string, string>): string {
  return (
    labels.node ??
    labels.kubernetes_node ??
    labels.pod ??
    labels.kubernetes_pod_name ??
    labels.instance ??
    '(unnamed agent)'
  );
}

function agentsWhere(
  samples: VectorSample[],
  metric: string,
  state: string,
  mode?: string,
): string[] {
  return samples
    .filter(
      s =>
        s.labels.__name__ === metric &&
        s.labels.state === state &&
        (mode === undefined || s.labels.mode === mode),
    )
    .map(s => agentName(s.labels))
    .sort();
}

export function featuresFact(
  counts: VectorSample[],
  agents: VectorSample[],
  window: string,
): TrafficFeaturesFact {
  const stat = (metric: string, which: 'agents' | 'enabled', mode?: string) =>
    counts
      .filter(
        s =>
          s.labels.__name__ === metric &&
          s.labels.stat === which &&
          (mode === undefined || s.labels.mode === mode),
      )
      .reduce((sum, s) => sum + s.value, 0);
  const reporting = Math.max(
    0,
    ...counts
      .filter(s => s.labels.stat === 'agents' && !s.labels.mode)
      .map(s => s.value),
  );
  const gauge = (metric: string): FeatureGauge | null => {
    const n = stat(metric, 'agents');
    if (n === 0) return null;
    return {
      agents: n,
      enabled: stat(metric, 'enabled'),
      offAgents: agentsWhere(agents, metric, 'off'),
      onAgents: agentsWhere(agents, metric, 'on'),
    };
  };
  let encryption: EncryptionGauge | null = null;
  if (reporting > 0) {
    const wireguard = stat(FEATURE_METRICS.encryption, 'enabled', 'wireguard');
    const ipsec = stat(FEATURE_METRICS.encryption, 'enabled', 'ipsec');
    encryption = {
      wireguard,
      ipsec,
      none: Math.max(0, reporting - wireguard - ipsec),
      noneAgents: agentsWhere(
        agents,
        FEATURE_METRICS.kubeProxyReplacement,
        'unencrypted',
      ),
    };
  }
  return {
    window,
    agents: reporting,
    kubeProxyReplacement: gauge(FEATURE_METRICS.kubeProxyReplacement),
    encryption,
    mutualAuth: gauge(FEATURE_METRICS.mutualAuth),
    bgp: gauge(FEATURE_METRICS.bgp),
  };
}
