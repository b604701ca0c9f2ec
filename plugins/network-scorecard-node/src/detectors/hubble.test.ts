import { factsOf, fixtures } from '../__testUtils__/fixtures';
import { metricFamilies } from './hubble';

describe('detectHubble', () => {
  it('reads Hubble, relay and metrics of the 1.16.10 charm render (no UI in the charm)', async () => {
    const facts = await factsOf(
      fixtures(
        'cilium/charm-cilium-1.16.10-rendered.yaml',
        'cilium/charm-hubble-relay-1.16.10-rendered.yaml',
      ),
    );
    expect(facts.hubble?.value).toEqual({
      enabled: true,
      relay: true,
      ui: false,
      metrics: [
        'dns',
        'drop',
        'tcp',
        'flow',
        'port-distribution',
        'icmp',
        'http',
      ],
    });
    expect(facts.hubble?.evidence.slice(0, 4)).toEqual([
      'ConfigMap kube-system/cilium-config: enable-hubble=true',
      'Deployment kube-system/hubble-relay: present',
      'Deployments kube-system: no hubble-ui',
      'ConfigMap kube-system/cilium-config: hubble-metrics-server=:9965',
    ]);
  });

  it('reads relay and UI of the 1.9 quick install', async () => {
    const facts = await factsOf(
      fixtures(
        'cilium/experimental-install-v1.9-dev.yaml',
        'cilium/quick-hubble-install-v1.9.yaml',
      ),
    );
    expect(facts.hubble?.value).toEqual({
      enabled: true,
      relay: true,
      ui: true,
      metrics: ['dns', 'drop', 'tcp', 'flow', 'icmp', 'http'],
    });
  });

  it('reads Hubble off on AKS 1.13 (enable-hubble: "false")', async () => {
    const facts = await factsOf(
      fixtures(
        'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
        'cilium/aks-acn-v1.13-cilium-config.yaml',
      ),
    );
    expect(facts.hubble).toEqual({
      value: { enabled: false, relay: false, ui: false, metrics: [] },
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-hubble=false',
        'Deployments kube-system: no hubble-relay',
        'Deployments kube-system: no hubble-ui',
        'ConfigMap kube-system/cilium-config: hubble-metrics-server absent (metrics off)',
      ],
    });
  });

  it('has no Hubble without Cilium', async () => {
    expect(
      (await factsOf(fixtures('flannel/kube-flannel.yml'))).hubble,
    ).toEqual({
      value: { enabled: false, relay: false, ui: false, metrics: [] },
      evidence: ['DaemonSets: no Cilium agent, so no Hubble'],
    });
  });

  it('names metric families without their options (AKS 1.18 hubble-metrics)', () => {
    expect(
      metricFamilies(
        'flow:sourceContext=pod;destinationContext=pod tcp:sourceContext=pod;destinationContext=pod\n    dns:query drop:sourceContext=pod;destinationContext=pod',
      ),
    ).toEqual(['flow', 'tcp', 'dns', 'drop']);
  });
});
