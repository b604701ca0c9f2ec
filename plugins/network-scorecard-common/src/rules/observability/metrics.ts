import { factEvidence, factValue } from '../../facts';
import { CheckRule } from '../types';
import { cite, unknownBecause } from '../helpers';
import { metricFamily, REQUIRED_HUBBLE_METRICS, unlessCilium } from './cilium';

/** @public */
export const observabilityMetrics: CheckRule = {
  id: 'observability.metrics',
  area: 'observability',
  weight: 2,
  title: 'Hubble metrics exported to Prometheus (flow, drop, dns, http)',
  default:
    'Hubble metrics flow, drop, dns and http scraped by Prometheus and shown in Grafana',
  switchWhen:
    'Never on Cilium; http fills only for services with targeted L7 visibility',
  rationale:
    'Flows become dashboards and alerts once Hubble exports them as Prometheus metrics. Flow and drop metrics feed the service map and policy-denial views, dns shows resolution failures, and http gives per-service error rates and latency percentiles where L7 visibility is on.',
  evaluate(facts) {
    const skip = unlessCilium(facts);
    if (skip) return skip;
    const hubble = factValue(facts, 'hubble');
    if (hubble === null) return unknownBecause(facts, ['hubble']);
    const evidence = factEvidence(facts, 'hubble');
    if (!hubble.enabled) {
      return {
        status: 'fail',
        evidence,
        recommendation:
          'Hubble is off, so no flow metrics exist. Enable Hubble and set hubble.metrics.enabled to dns, drop, tcp, flow, httpV2.',
      };
    }
    const families = new Set(hubble.metrics.map(metricFamily));
    const missing = REQUIRED_HUBBLE_METRICS.filter(m => !families.has(m));
    if (missing.length === 0) {
      return {
        status: 'pass',
        evidence,
        recommendation:
          'Hubble exports flow, drop, dns and http metrics; make sure Prometheus scrapes hubble-metrics.',
      };
    }
    const have = [...families].join(', ') || 'none';
    return {
      status:
        missing.length === REQUIRED_HUBBLE_METRICS.length ? 'fail' : 'warn',
      evidence,
      recommendation: `Hubble exports ${have}${cite(
        evidence,
      )}; missing ${missing.join(', ')}. Add ${missing
        .map(m => (m === 'http' ? 'httpV2' : m))
        .join(', ')} to hubble.metrics.enabled${
        missing.includes('http')
          ? ' (http fills only where targeted L7 visibility is on)'
          : ''
      }.`,
    };
  },
};
