import { DASHBOARD_IDS } from '../../facts/types';
import { factValue } from '../../facts/access';
import { ReadinessRule } from '../types';
import { readinessUnknown } from '../helpers';
import {
  PAIR_CONTEXT_OPTIONS,
  REQUIRED_HUBBLE_METRICS,
  withoutPairContext,
} from '../observability/cilium';
import { joined } from '../../text/joined';

/**
 * Nothing blocks Hubble on a Cilium cluster, so this item is "ready" with
 * the steps still to do; its history shows the steps shrinking.
 * @public
 */
export const readinessHubble: ReadinessRule = {
  id: 'readiness.hubble',
  title: 'Flow observability: Hubble, relay, UI, metrics, the four dashboards',
  evaluate(facts) {
    const cni = factValue(facts, 'cni');
    if (cni === null) return readinessUnknown(facts, ['cni']);
    if (cni !== 'cilium')
      return { status: 'not-applicable', blockers: [], steps: [] };
    const hubble = factValue(facts, 'hubble');
    const dashboards = factValue(facts, 'dashboards');
    if (hubble === null || dashboards === null) {
      return readinessUnknown(facts, ['hubble', 'dashboards']);
    }
    const families = new Set(hubble.metrics);
    const missingMetrics = hubble.enabled
      ? REQUIRED_HUBBLE_METRICS.filter(m => !families.has(m))
      : [...REQUIRED_HUBBLE_METRICS];
    const blind = hubble.enabled ? withoutPairContext(hubble) : [];
    const missingDashboards = DASHBOARD_IDS.filter(
      d => !dashboards.includes(d),
    );
    const steps = [
      ...(hubble.enabled ? [] : ['Enable Hubble (enable-hubble=true)']),
      ...(hubble.relay ? [] : ['Deploy Hubble Relay']),
      ...(hubble.ui ? [] : ['Deploy Hubble UI']),
      ...(missingMetrics.length === 0
        ? []
        : [
            `Export Hubble metrics ${joined(
              missingMetrics,
              ', ',
            )} to Prometheus`,
          ]),
      ...(blind.length === 0
        ? []
        : [
            `Label the ${joined(
              blind.map(m => m.name),
              ' and ',
            )} metrics with source and destination (${PAIR_CONTEXT_OPTIONS})`,
          ]),
      ...(missingDashboards.length === 0
        ? []
        : [
            `Build and link the Grafana dashboards: ${joined(
              missingDashboards,
              ', ',
            )}`,
          ]),
    ];
    return { status: 'ready', blockers: [], steps };
  },
};
