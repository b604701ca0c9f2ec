import { factEvidence, factValue, trafficFact } from '../../facts/access';
import { CheckRule } from '../types';
import { cite, unknownBecause } from '../helpers';
import {
  metricsSetting,
  PAIR_CONTEXT_OPTIONS,
  REQUIRED_HUBBLE_METRICS,
  unlessCilium,
  withoutPairContext,
} from './cilium';
import { joined } from '../../text/joined';
import { seriesArrive, silentFlows } from './seriesArrive';

/** @public */
export const observabilityMetrics: CheckRule = {
  id: 'observability.metrics',
  area: 'observability',
  weight: 2,
  title:
    'Hubble metrics exported to Prometheus (flow, drop, dns, http), labelled by source and destination, and arriving',
  default:
    'Hubble metrics flow, drop, dns and http scraped by Prometheus and shown in Grafana, flow and http labelled with the source and destination workload',
  switchWhen:
    'Never on Cilium; http fills only for services with targeted L7 visibility, so scope it to them',
  rationale:
    'Flows turn into dashboards and alerts once Hubble exports them as Prometheus metrics. Flow and drop series feed the service map and the policy-denial view, dns shows failing lookups, and http gives error rates and latency percentiles wherever L7 visibility is on. A service map and latency per service pair need each series to name the workload on both ends; without that context the same metrics only add up to cluster totals. A metric list in a ConfigMap proves intent, not data: only series that reach Prometheus feed a dashboard, so a full configuration passes once Prometheus holds the flows.',
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
        recommendation: `Hubble is off${cite(
          evidence.slice(0, 1),
        )}, so no flow metrics exist. Enable Hubble and export dns, drop, tcp, flow and httpV2 (hubble.metrics.enabled, or hubble.metrics.dynamic on Cilium 1.17+).`,
      };
    }
    const missing = REQUIRED_HUBBLE_METRICS.filter(
      m => !hubble.metrics.includes(m),
    );
    const blind = withoutPairContext(hubble);
    if (missing.length === 0 && blind.length === 0) {
      // Configured in full: only the series Prometheus holds can make it a pass.
      return seriesArrive(facts, evidence);
    }
    const setting = metricsSetting(hubble);
    const where = cite(evidence.filter(e => e.includes('metrics')));
    const parts: string[] = [];
    if (missing.length > 0) {
      const have = joined([...new Set(hubble.metrics)], ', ') || 'none';
      parts.push(
        `Hubble exports ${have}${where}; missing ${joined(
          missing,
          ', ',
        )}. Add ${joined(
          missing.map(m => (m === 'http' ? 'httpV2' : m)),
          ', ',
        )} to ${setting}${
          missing.includes('http')
            ? ' (http fills only where targeted L7 visibility is on; on Cilium 1.17+ scope it to those workloads with includeFilters in the dynamic metrics)'
            : ''
        }.`,
      );
    }
    if (blind.length > 0) {
      parts.push(
        `${joined(
          blind.map(m => m.name),
          ' and ',
        )} ${
          blind.length === 1 ? 'carries' : 'carry'
        } no source and destination workload${
          missing.length ? '' : where
        }, so ${
          blind.length === 1 ? 'it' : 'they'
        } cannot draw the service map or latency per service pair: add ${PAIR_CONTEXT_OPTIONS} (or labelsContext with source_workload and destination_workload) to ${joined(
          blind.map(m => (m.name === 'http' ? 'httpV2' : m.name)),
          ' and ',
        )} in ${setting}.`,
      );
    }
    const silent = silentFlows(facts);
    if (silent) parts.push(silent.recommendation);
    const allMissing = missing.length === REQUIRED_HUBBLE_METRICS.length;
    const flows = trafficFact(facts, 'traffic.flows');
    // A warn must not stand where the unanswered query could make it a fail.
    if (!allMissing && flows.state === 'unknown')
      return {
        status: 'unknown',
        evidence: [...evidence, flows.reason],
        recommendation: `${joined(
          parts,
          ' ',
        )} Whether the series reach Prometheus cannot be told: ${
          flows.reason
        }.`,
      };
    return {
      status: silent || allMissing ? 'fail' : 'warn',
      evidence: silent ? [...evidence, ...silent.evidence] : evidence,
      recommendation: joined(parts, ' '),
    };
  },
};
