import { HubbleFact } from '@network-scorecard/common';
import { ciliumConfig, findCilium } from './support/cilium';
import { Detector, guarded, known } from './support/facts';
import { labels, ref } from './support/objects';
import { deploymentsIn } from './support/workloads';

/** "dns drop httpV2:exemplars=true;labelsContext=…" -> ["dns", "drop", "http"] */
export function metricFamilies(raw: string): string[] {
  const names = raw
    .split(/\s+/)
    .filter(Boolean)
    .map(entry => entry.split(':')[0])
    .map(name => (name === 'httpV2' ? 'http' : name));
  return [...new Set(names)];
}

/** Fact hubble: Hubble in the agent, relay and UI Deployments, metrics exported. */
export const detectHubble: Detector = async reader => ({
  hubble: await guarded(async () => {
    const cilium = await findCilium(reader);
    if (!cilium) {
      return known<HubbleFact>(
        { enabled: false, relay: false, ui: false, metrics: [] },
        ['DaemonSets: no Cilium agent, so no Hubble'],
      );
    }
    const config = (await ciliumConfig(reader))!;
    const enabled = config.flag('enable-hubble');
    const evidence = [enabled.evidence];
    const deployments = await deploymentsIn(
      reader,
      cilium.metadata.namespace ?? 'kube-system',
      true,
    );
    const find = (name: string) =>
      deployments.find(
        d => d.metadata.name === name || labels(d)['k8s-app'] === name,
      );
    const relay = find('hubble-relay');
    const ui = find('hubble-ui');
    const ns = cilium.metadata.namespace;
    evidence.push(
      relay
        ? `${ref(relay, 'Deployment')}: present`
        : `Deployments ${ns}: no hubble-relay`,
    );
    evidence.push(
      ui
        ? `${ref(ui, 'Deployment')}: present`
        : `Deployments ${ns}: no hubble-ui`,
    );
    const server = config.value('hubble-metrics-server');
    const rawMetrics = config.value('hubble-metrics');
    let metrics: string[] = [];
    if (enabled.on && server && rawMetrics) {
      metrics = metricFamilies(rawMetrics);
      evidence.push(
        config.evidence('hubble-metrics-server'),
        config.evidence('hubble-metrics'),
      );
    } else {
      evidence.push(
        server
          ? config.evidence('hubble-metrics')
          : `${config.ref}: hubble-metrics-server absent (metrics off)`,
      );
    }
    return known<HubbleFact>(
      { enabled: enabled.on, relay: !!relay, ui: !!ui, metrics },
      evidence,
    );
  }),
});
