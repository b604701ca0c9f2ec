import { factEvidence, factValue, trafficFact } from '../../facts/access';
import { AntiPatternRule } from '../types';
import { antiPatternUnknown } from '../helpers';
import { metricsEvidence, unfilteredHttp } from '../observability/cilium';
import {
  l7Measured,
  measuredGlobalL7,
  trafficUnknownAntiPattern,
} from '../traffic/traffic';

/**
 * HTTP/Kafka/L7 rules that select every pod of the cluster or of whole
 * namespaces. DNS rules are not L7 visibility. A Hubble http metric without
 * a per-workload filter is only as wide as the traffic the L7 proxy sees, so
 * it widens the finding when visibility is global but is no finding alone.
 * With Prometheus, HTTP series for most workloads seen in flows are the
 * finding too, whatever the policies look like.
 * @public
 */
export const apGlobalL7Visibility: AntiPatternRule = {
  id: 'ap.global-l7-visibility',
  title: 'L7 visibility or HTTP metrics switched on cluster-wide',
  lesson:
    'Turning on L7 visibility everywhere feels thorough and mostly buys proxy load, storage and dashboards nobody reads. Keep flows as the default and add L7 visibility, and the HTTP metrics that come with it, for the services a concrete debugging question is about.',
  evaluate(facts) {
    const l7 = factValue(facts, 'l7Visibility.details');
    if (l7 === null) return antiPatternUnknown(facts, ['l7Visibility.details']);
    const l7Evidence = factEvidence(facts, 'l7Visibility.details');
    const hubble = factValue(facts, 'hubble');
    const http = hubble ? unfilteredHttp(hubble) : undefined;
    const measured = trafficFact(facts, 'traffic.l7');
    const measuredGlobal =
      measured.state === 'known' && measuredGlobalL7(measured.value);
    if (measured.state === 'known' && measuredGlobal && l7.scope !== 'global')
      return {
        status: 'detected',
        evidence: [l7Measured(measured.value), ...l7Evidence],
      };
    if (measured.state === 'unknown' && l7.scope !== 'global')
      return trafficUnknownAntiPattern(measured.reason, l7Evidence);
    if (l7.scope !== 'global') {
      const httpEvidence = http
        ? [
            `Hubble ${
              hubble?.metricsConfig === 'dynamic' ? 'dynamic ' : ''
            }http metric without a per-workload filter (includeFilters): it records only what reaches the L7 proxy, so it is as wide as the L7 visibility`,
            ...metricsEvidence(facts),
          ]
        : metricsEvidence(facts);
      return {
        status: 'clear',
        evidence: [
          ...l7Evidence,
          ...(measured.state === 'known' ? [l7Measured(measured.value)] : []),
          ...httpEvidence,
        ],
      };
    }
    return {
      status: 'detected',
      // The finding first: a report shows an anti-pattern by its first line.
      evidence: [
        ...l7Evidence.filter(e => e.includes('HTTP/Kafka/L7 rules on every')),
        ...(http
          ? [
              'Hubble http metric without a per-workload filter: HTTP series for every pod the L7 rules reach',
            ]
          : []),
        ...(measured.state === 'known' ? [l7Measured(measured.value)] : []),
      ],
    };
  },
};
