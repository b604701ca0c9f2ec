import { factEvidence, factValue, trafficFact } from '../../facts/access';
import { CheckRule } from '../types';
import { cite, unknownBecause } from '../helpers';
import {
  l7Measured,
  measuredGlobalL7,
  percent,
  trafficUnknown,
} from '../traffic/traffic';

/** @public */
export const observabilityL7Targeted: CheckRule = {
  id: 'observability.l7-targeted',
  area: 'observability',
  weight: 2,
  title: 'L7 visibility only where flows were not enough',
  default: 'L3/L4 flows everywhere, no L7 visibility',
  switchWhen:
    'Add L7 visibility for a specific service when flow data cannot explain a specific problem; never cluster-wide',
  rationale:
    'Parsing every HTTP request costs proxy capacity, storage and attention, and most of it is never looked at. Flow data explains most incidents; when it does not, switch on L7 visibility for the services involved and leave the rest at L4. DNS rules are a different matter: they feed FQDN policies and the DNS part of the policy-denial view without parsing requests.',
  evaluate(facts) {
    const l7 = factValue(facts, 'l7Visibility.details');
    if (l7 === null) return unknownBecause(facts, ['l7Visibility.details']);
    const policyEvidence = factEvidence(facts, 'l7Visibility.details');
    const measured = trafficFact(facts, 'traffic.l7');
    const measuredEvidence =
      measured.state === 'known' ? [l7Measured(measured.value)] : [];
    const evidence = [...policyEvidence, ...measuredEvidence];
    if (l7.scope === 'global') {
      return {
        status: 'fail',
        evidence,
        recommendation: `HTTP/Kafka/L7 parsing reaches every pod of the cluster or of whole namespaces${cite(
          policyEvidence.filter(e =>
            e.includes('HTTP/Kafka/L7 rules on every'),
          ),
        )}. Give those rules an endpointSelector that names the services whose problem flow data could not explain (matchLabels on their app label), and leave the rest at L4.`,
      };
    }
    if (measured.state === 'known' && measuredGlobalL7(measured.value)) {
      return {
        status: 'fail',
        evidence,
        recommendation: `The policies look targeted, but the traffic says otherwise: HTTP metrics arrive for ${percent(
          measured.value.workloadShare ?? 0,
        )} of the workloads seen in flows (${measured.value.httpWorkloads} of ${
          measured.value.flowWorkloads
        }, over the last ${
          measured.value.window
        }). Something parses HTTP for most of the cluster (an L7 rule or visibility setting the scanner did not read, or a mesh's proxies feeding Hubble): find it and keep L7 to the services a question is about.`,
      };
    }
    // Policies alone would pass; a measurement that failed could still say global.
    if (measured.state === 'unknown')
      return trafficUnknown(measured.reason, policyEvidence);
    return {
      status: 'pass',
      evidence,
      recommendation: `${
        l7.scope === 'targeted'
          ? 'L7 visibility is scoped to specific workloads.'
          : 'No HTTP/Kafka/L7 visibility: flows first, L7 only for a service where flows are not enough.'
      }${measured.state === 'known' ? ` ${measuredEvidence[0]}.` : ''}`,
    };
  },
};
