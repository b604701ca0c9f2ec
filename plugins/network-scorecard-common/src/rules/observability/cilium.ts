import { ClusterFacts, HubbleFact, HubbleMetric } from '../../facts';
import { factEvidence, factValue } from '../../facts/access';
import { CheckResult } from '../types';
import { unknownBecause } from '../helpers';

/**
 * Hubble checks only apply on Cilium: a not-applicable or unknown result when
 * the CNI is something else or unknown, else null to go on.
 */
export function unlessCilium(facts: ClusterFacts): CheckResult | null {
  const cni = factValue(facts, 'cni');
  if (cni === null) return unknownBecause(facts, ['cni']);
  if (cni === 'cilium') return null;
  return {
    status: 'not-applicable',
    evidence: factEvidence(facts, 'cni'),
    recommendation:
      'Hubble comes with Cilium; this cluster does not run Cilium.',
  };
}

/** Metric families the four dashboards need, as Hubble names them. */
export const REQUIRED_HUBBLE_METRICS = ['flow', 'drop', 'dns', 'http'] as const;

/**
 * The metrics a service map and per-pair latency are drawn from: without the
 * source and destination workload on each series they only give totals.
 */
export const PAIR_METRICS = ['flow', 'http'];

/** Exported flow/http metrics whose series do not name both ends. */
export function withoutPairContext(hubble: HubbleFact): HubbleMetric[] {
  return hubble.metricDetails.filter(
    m =>
      PAIR_METRICS.includes(m.name) &&
      !(m.sourceContext && m.destinationContext),
  );
}

/** The http metric when it is exported without a per-workload filter. */
export function unfilteredHttp(hubble: HubbleFact): HubbleMetric | undefined {
  return hubble.enabled
    ? hubble.metricDetails.find(m => m.name === 'http' && !m.filtered)
    : undefined;
}

/** Where a team changes the metric list: the Helm value that renders it. */
export function metricsSetting(hubble: HubbleFact): string {
  return hubble.metricsConfig === 'dynamic'
    ? 'hubble.metrics.dynamic.config.content'
    : 'hubble.metrics.enabled';
}

export const PAIR_CONTEXT_OPTIONS =
  'sourceContext=workload-name;destinationContext=workload-name';

/** Evidence lines of the hubble fact about its metrics. */
export function metricsEvidence(facts: ClusterFacts): string[] {
  return factEvidence(facts, 'hubble').filter(e => e.includes('metrics'));
}
