import { ClusterFacts, HubbleFamily } from '../../facts';
import { trafficFact } from '../../facts/access';
import { CheckResult } from '../types';
import { cite } from '../helpers';
import { joined } from '../../text/joined';
import { connectPrometheus, rate, trafficUnknown } from '../traffic/traffic';

/** Why a configured family may have no series yet. */
const WHEN_EMPTY: Record<HubbleFamily, string> = {
  flow: 'every flow an agent sees counts',
  drop: 'drop fills with the first dropped packet',
  dns: 'dns fills only with lookups the DNS proxy sees, through a DNS rule',
  http: 'http fills only where targeted L7 visibility is on',
};

/** The families Prometheus has no series of, in dashboard order. */
function emptyFamilies(series: Record<HubbleFamily, number>): HubbleFamily[] {
  return (['flow', 'drop', 'dns', 'http'] as HubbleFamily[]).filter(
    f => series[f] === 0,
  );
}

/**
 * Flows configured but not in Prometheus: the failing finding with the query
 * that came back empty; undefined when flows arrive or nothing is known.
 */
export function silentFlows(
  facts: ClusterFacts,
): { recommendation: string; evidence: string[] } | undefined {
  const flows = trafficFact(facts, 'traffic.flows');
  if (flows.state !== 'known' || flows.value.familySeries.flow > 0)
    return undefined;
  const empty = flows.evidence.filter(e => e.endsWith(': no series'));
  return {
    evidence: empty,
    recommendation: `Yet nothing arrives: Prometheus holds no Hubble flow series${cite(
      empty.slice(0, 1),
    )}. Make Prometheus scrape the agents' hubble-metrics port (9965, the hubble-metrics Service or a ServiceMonitor) for this cluster.`,
  };
}

/** observability.metrics once the configuration is complete: pass only on arriving series. */
export function seriesArrive(
  facts: ClusterFacts,
  configEvidence: string[],
): CheckResult {
  const configured =
    'Hubble is configured to export flow, drop, dns and http, flow and http labelled with source and destination';
  const flows = trafficFact(facts, 'traffic.flows');
  if (flows.state === 'absent')
    return connectPrometheus(
      `${configured}; whether the series reach Prometheus is not known`,
      configEvidence,
    );
  if (flows.state === 'unknown')
    return trafficUnknown(flows.reason, configEvidence);
  const silent = silentFlows(facts);
  if (silent) {
    return {
      status: 'fail',
      evidence: [...configEvidence, ...silent.evidence],
      recommendation: `${configured}. ${silent.recommendation}`,
    };
  }
  const empty = emptyFamilies(flows.value.familySeries);
  const lost = trafficFact(facts, 'traffic.lostEvents');
  const lostNote =
    lost.state === 'known' && lost.value.perSecond > 0
      ? ` Hubble lost ${rate(lost.value.perSecond)} events over ${
          lost.value.window
        } (${joined(
          Object.keys(lost.value.bySource).filter(
            s => lost.value.bySource[s] > 0,
          ),
          ', ',
        )}): the flow record has gaps; raise the ring buffer (hubble.eventBufferCapacity) if it grows.`
      : '';
  return {
    status: 'pass',
    evidence: [...configEvidence, ...flows.evidence],
    recommendation: `${configured}, and Prometheus holds them: ${rate(
      flows.value.perSecond,
    )} flows, averaged over the last ${flows.value.window}.${
      empty.length > 0
        ? ` No ${joined(empty, ' or ')} series yet (${joined(
            empty.map(f => WHEN_EMPTY[f]),
            '; ',
          )}).`
        : ''
    }${lostNote}`,
  };
}
