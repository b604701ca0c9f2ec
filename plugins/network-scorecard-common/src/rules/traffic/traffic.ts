import { TrafficL7Fact } from '../../facts';
import { CONNECT_PROMETHEUS } from '../../facts/traffic';
import { AntiPatternResult, CheckResult } from '../types';

/** A check that needs traffic on a cluster without Prometheus: the question waits, no penalty. */
export function connectPrometheus(
  what: string,
  evidence: string[] = [],
): CheckResult {
  return {
    status: 'not-applicable',
    evidence,
    recommendation: `${what}: ${CONNECT_PROMETHEUS}.`,
  };
}

/** A traffic fact Prometheus was asked for and did not give. */
export function trafficUnknown(
  reason: string,
  evidence: string[] = [],
): CheckResult {
  return {
    status: 'unknown',
    evidence: [...evidence, reason],
    recommendation: `Cannot judge until Prometheus answers: ${reason}. Check the networkScorecard.prometheus entry of this cluster (URL, credentials, timeout) and that Prometheus is up.`,
  };
}

export function trafficUnknownAntiPattern(
  reason: string,
  evidence: string[] = [],
): AntiPatternResult {
  return { status: 'unknown', evidence: [...evidence, reason] };
}

/** "12/min", "0.3/s" — rates as people read them. */
export function rate(perSecond: number): string {
  if (perSecond === 0) return '0/s';
  if (perSecond < 1) {
    const perMinute = perSecond * 60;
    return `${
      perMinute < 10 ? Math.round(perMinute * 10) / 10 : Math.round(perMinute)
    }/min`;
  }
  return `${
    perSecond < 10 ? Math.round(perSecond * 10) / 10 : Math.round(perSecond)
  }/s`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/**
 * Measured L7 reach that counts as global: HTTP series for at least half of
 * the workloads seen in flows, and more than a couple of them (two HTTP
 * services of a four-service cluster are still a targeted choice).
 */
export const GLOBAL_L7_SHARE = 0.5;
export const GLOBAL_L7_MIN_WORKLOADS = 3;

export function measuredGlobalL7(l7: TrafficL7Fact): boolean {
  return (
    l7.workloadShare !== null &&
    l7.workloadShare >= GLOBAL_L7_SHARE &&
    l7.httpWorkloads >= GLOBAL_L7_MIN_WORKLOADS
  );
}

/** One sentence of what the HTTP series say, for evidence. */
export function l7Measured(l7: TrafficL7Fact): string {
  return l7.workloadShare === null
    ? `Prometheus: HTTP metrics for ${l7.httpWorkloads} workloads in ${l7.httpNamespaces} namespaces over ${l7.window}; flows name no destination workload to compare with`
    : `Prometheus: HTTP metrics for ${l7.httpWorkloads} of ${
        l7.flowWorkloads
      } workloads seen in flows (${percent(l7.workloadShare)}), ${
        l7.httpNamespaces
      } of ${l7.flowNamespaces} namespaces, over ${l7.window}`;
}
