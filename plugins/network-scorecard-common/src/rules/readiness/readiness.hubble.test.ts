import { linkedDashboards, withUnreadable } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import { readinessHubble } from '.';

const facts = (name: string) => ({ ...golden(name), ...linkedDashboards([]) });

describe('readiness.hubble', () => {
  it('lists what the charm cluster still lacks, flow context among it', () => {
    expect(run(readinessHubble, facts('obs-charm-cilium-1.16'))).toEqual({
      status: 'ready',
      blockers: [],
      steps: [
        'Deploy Hubble UI',
        'Label the flow metrics with source and destination (sourceContext=workload-name;destinationContext=workload-name)',
        'Build and link the Grafana dashboards: serviceMap, errorRates, latency, policyDenials',
      ],
    });
    expect(
      run(readinessHubble, {
        ...golden('obs-aks-cilium-1.18'),
        ...linkedDashboards([
          'serviceMap',
          'errorRates',
          'latency',
          'policyDenials',
        ]),
      }).steps,
    ).toEqual(['Deploy Hubble UI', 'Export Hubble metrics http to Prometheus']);
  });

  it('counts Relay and UI where GKE runs them, and dynamic metrics', () => {
    expect(run(readinessHubble, facts('obs-gke-dpv2-hubble')).steps).toEqual([
      'Label the flow metrics with source and destination (sourceContext=workload-name;destinationContext=workload-name)',
      'Build and link the Grafana dashboards: serviceMap, errorRates, latency, policyDenials',
    ]);
    expect(
      run(readinessHubble, facts('obs-aks-dynamic-metrics')).steps,
    ).toEqual([
      'Deploy Hubble UI',
      'Build and link the Grafana dashboards: serviceMap, errorRates, latency, policyDenials',
    ]);
  });

  it('does not apply off Cilium and is unknown without the dashboards', () => {
    expect(run(readinessHubble, facts('obs-calico-goldmane')).status).toBe(
      'not-applicable',
    );
    expect(
      run(
        readinessHubble,
        withUnreadable(facts('obs-aks-cilium-1.18'), 'dashboards'),
      ).status,
    ).toBe('unknown');
  });
});
