import { factEvidence, factValue } from '../../facts';
import { AntiPatternRule } from '../types';
import { antiPatternUnknown } from '../helpers';
import { metricFamily } from '../observability/cilium';

/**
 * Hubble's http metrics only fill where L7 visibility is on, so "HTTP
 * metrics cluster-wide" is the same signal as global L7 visibility.
 * @public
 */
export const apGlobalL7Visibility: AntiPatternRule = {
  id: 'ap.global-l7-visibility',
  title: 'L7 visibility or HTTP metrics switched on cluster-wide',
  lesson:
    'Turning on L7 visibility everywhere feels thorough and mostly buys proxy load, storage and dashboards nobody reads. Keep flows as the default and add L7 visibility for the services a concrete debugging question is about.',
  evaluate(facts) {
    const l7 = factValue(facts, 'l7Visibility');
    if (l7 === null) return antiPatternUnknown(facts, ['l7Visibility']);
    const evidence = factEvidence(facts, 'l7Visibility');
    if (l7 !== 'global') return { status: 'clear', evidence };
    const hubble = factValue(facts, 'hubble');
    const http = hubble?.metrics.some(m => metricFamily(m) === 'http') ?? false;
    return {
      status: 'detected',
      evidence: [
        ...evidence,
        ...(http
          ? [
              ...factEvidence(facts, 'hubble'),
              'Hubble http metrics are therefore collected for every pod',
            ]
          : []),
      ],
    };
  },
};
