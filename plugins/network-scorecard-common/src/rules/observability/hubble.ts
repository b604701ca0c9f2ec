import { factEvidence, factValue } from '../../facts/access';
import { CheckRule } from '../types';
import { cite, unknownBecause } from '../helpers';
import { unlessCilium } from './cilium';
import { joined } from '../../text/joined';

/** @public */
export const observabilityHubble: CheckRule = {
  id: 'observability.hubble',
  area: 'observability',
  weight: 3,
  title: 'Hubble flow visibility with relay and UI',
  default:
    'Hubble on, with Hubble Relay for the whole cluster and Hubble UI for the service map',
  switchWhen:
    'Never on Cilium: it is the observability layer the CNI choice paid for',
  rationale:
    'Flow data answers the questions asked during an incident: who calls this endpoint, at what rate and error rate, with what latency, and which pod talks to an address it should not. On Cilium that data comes from the kernel through Hubble, without a separate monitoring stack; Relay makes it cluster-wide and the UI draws the service map.',
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
          evidence,
        )}. Set enable-hubble=true (Helm hubble.enabled=true) with hubble.relay.enabled and hubble.ui.enabled.`,
      };
    }
    const missing = [
      ...(hubble.relay ? [] : ['Hubble Relay (hubble.relay.enabled=true)']),
      ...(hubble.ui ? [] : ['Hubble UI (hubble.ui.enabled=true)']),
    ];
    if (missing.length === 0) {
      return {
        status: 'pass',
        evidence,
        recommendation: 'Hubble, Hubble Relay and Hubble UI all run.',
      };
    }
    return {
      status: 'warn',
      evidence,
      recommendation: `Hubble runs on the agents${cite(
        evidence.filter(
          e => e.includes('hubble-relay') || e.includes('hubble-ui'),
        ),
      )}, but ${joined(missing, ' and ')} ${
        missing.length === 1 ? 'is' : 'are'
      } missing: add ${
        missing.length === 1 ? 'it' : 'them'
      } so flows can be queried cluster-wide and seen as a service map.`,
    };
  },
};
