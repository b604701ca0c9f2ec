import { Entity } from '@backstage/catalog-model';
import { contextFromEntity } from './contextFromEntity';

const NOW = '2026-11-26T00:00:00.000Z';

function cluster(
  annotations: Record<string, string>,
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'prod-eu-1', annotations },
    spec: {
      type: 'kubernetes-cluster',
      lifecycle: 'production',
      owner: 'team-platform',
      ...spec,
    },
  };
}

describe('contextFromEntity', () => {
  it('reads requirements, lifecycle, platform refresh, links and the dashboards fact', () => {
    const result = contextFromEntity(
      cluster({
        'network-scorecard.io/requirements': 'mtls-all-east-west, auditable-l7',
        'network-scorecard.io/platform-refresh': '2027-03-01',
        'network-scorecard.io/hubble-ui-url':
          'https://hubble.prod-eu.example.com',
        'network-scorecard.io/grafana-url': 'https://grafana.example.com',
        'network-scorecard.io/grafana-dashboard-service-map':
          'https://grafana.example.com/d/nlsO8tYVz/hubble-network-overview-namespace',
        'network-scorecard.io/grafana-dashboard-error-rates':
          '/d/3g264CZVz/hubble-l7-http-metrics-by-workload',
        'network-scorecard.io/grafana-dashboard-latency': '3g264CZVz',
      }),
      NOW,
    );
    expect(result.errors).toEqual([]);
    expect(result.context).toEqual({
      requirements: ['mtls-all-east-west', 'auditable-l7'],
      lifecycle: 'production',
      platformRefresh: '2027-03-01',
      targetCni: null,
      catalogServiceCount: null,
      now: NOW,
    });
    expect(result.links).toEqual([
      {
        kind: 'hubble-ui',
        title: 'Hubble UI',
        url: 'https://hubble.prod-eu.example.com',
      },
      { kind: 'grafana', title: 'Grafana', url: 'https://grafana.example.com' },
      {
        kind: 'grafana',
        dashboard: 'serviceMap',
        title: 'Grafana: service map',
        url: 'https://grafana.example.com/d/nlsO8tYVz/hubble-network-overview-namespace',
      },
      {
        kind: 'grafana',
        dashboard: 'errorRates',
        title: 'Grafana: error rates',
        url: 'https://grafana.example.com/d/3g264CZVz/hubble-l7-http-metrics-by-workload',
      },
      {
        kind: 'grafana',
        dashboard: 'latency',
        title: 'Grafana: latency',
        url: 'https://grafana.example.com/d/3g264CZVz',
      },
    ]);
    expect(result.dashboards).toEqual({
      value: ['serviceMap', 'errorRates', 'latency'],
      evidence: [
        'Resource default/prod-eu-1: annotation network-scorecard.io/grafana-dashboard-service-map=https://grafana.example.com/d/nlsO8tYVz/hubble-network-overview-namespace',
        'Resource default/prod-eu-1: annotation network-scorecard.io/grafana-dashboard-error-rates=/d/3g264CZVz/hubble-l7-http-metrics-by-workload',
        'Resource default/prod-eu-1: annotation network-scorecard.io/grafana-dashboard-latency=3g264CZVz',
        'Resource default/prod-eu-1: no annotation network-scorecard.io/grafana-dashboard-policy-denials',
      ],
    });
  });

  it('reports every problem naming the entity and annotation, and never keeps a bad value', () => {
    const result = contextFromEntity(
      cluster(
        {
          'network-scorecard.io/requirements': 'mtls-all-east-west, zero-trust',
          'network-scorecard.io/platform-refresh': 'next spring',
          'network-scorecard.io/hubble-ui-url': 'hubble.example.com',
          'network-scorecard.io/grafana-dashboard-latency': 'abc123',
        },
        { lifecycle: undefined },
      ),
      NOW,
    );
    expect(result.context.requirements).toEqual(['mtls-all-east-west']);
    expect(result.context.platformRefresh).toBeNull();
    expect(result.context.lifecycle).toBeNull();
    expect(result.links).toEqual([]);
    expect(result.dashboards.value).toEqual([]);
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^resource:default\/prod-eu-1 annotation network-scorecard.io\/requirements: unknown requirement "zero-trust"/,
      ),
      'resource:default/prod-eu-1 annotation network-scorecard.io/platform-refresh: "next spring" is not an ISO 8601 date (e.g. 2027-03-01)',
      'resource:default/prod-eu-1 annotation network-scorecard.io/hubble-ui-url: "hubble.example.com" is not an http(s) URL',
      'resource:default/prod-eu-1 annotation network-scorecard.io/grafana-dashboard-latency: "abc123" is neither an http(s) URL nor a dashboard path or uid under network-scorecard.io/grafana-url',
    ]);
  });

  it('reads a declared CNI move from network-scorecard.io/target-cni, case-insensitively', () => {
    const cilium = contextFromEntity(
      cluster({
        'network-scorecard.io/target-cni': ' Cilium ',
        'network-scorecard.io/platform-refresh': '2027-03-01',
      }),
      NOW,
    );
    expect(cilium.errors).toEqual([]);
    expect(cilium.context.targetCni).toBe('cilium');
    expect(
      contextFromEntity(
        cluster({ 'network-scorecard.io/target-cni': 'calico' }),
        NOW,
      ).context.targetCni,
    ).toBe('calico');
    // a refresh date alone declares no move
    expect(
      contextFromEntity(
        cluster({ 'network-scorecard.io/platform-refresh': '2027-03-01' }),
        NOW,
      ).context.targetCni,
    ).toBeNull();
  });

  it('rejects a target CNI outside cilium and calico with an error naming it', () => {
    const result = contextFromEntity(
      cluster({ 'network-scorecard.io/target-cni': 'flannel' }),
      NOW,
    );
    expect(result.context.targetCni).toBeNull();
    expect(result.errors).toEqual([
      'resource:default/prod-eu-1 annotation network-scorecard.io/target-cni: unknown target CNI "flannel"; expected one of cilium, calico',
    ]);
  });
});
