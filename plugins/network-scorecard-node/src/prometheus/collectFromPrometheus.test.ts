import { readFileSync } from 'node:fs';
import { startConnectProxy } from '@internal/network-scorecard-test-utils';
import {
  FIXTURE_END,
  TestPrometheus,
  startPrometheus,
} from '../__testUtils__/prometheus';
import { collectFromPrometheus } from './collectFromPrometheus';
import { QUERY_NAMES } from './queries';

const at = FIXTURE_END;

describe('traffic facts from a real Prometheus', () => {
  describe('one cluster, Hubble flowing (fixtures/prometheus/flowing.om)', () => {
    let prometheus: TestPrometheus;
    beforeAll(async () => {
      prometheus = await startPrometheus({ fixture: 'flowing.om' });
    }, 60_000);
    afterAll(() => prometheus.stop());

    it('reads flows, drops, verdicts, DNS, L7 share, lost events and feature gauges in a constant number of queries', async () => {
      const { facts, errors, stats } = await collectFromPrometheus(
        'prod-eu-1',
        { url: prometheus.url },
        { at },
      );
      expect(errors).toEqual([]);
      expect(stats.requests).toBe(QUERY_NAMES.length);
      expect(QUERY_NAMES.length).toBeLessThanOrEqual(12);
      expect(facts['traffic.flows']?.value).toMatchObject({
        familySeries: { flow: 60, drop: 9, dns: 6, http: 6 },
        perSecond: 91.5,
        byVerdict: { FORWARDED: 90, DROPPED: 1.5 },
      });
      expect(facts['traffic.drops']?.value).toMatchObject({
        perSecond: 1.5,
        policyDeniedShare: 0.8,
        byReason: [
          { reason: 'POLICY_DENIED', perSecond: 1.2 },
          { reason: 'CT_MAP_INSERTION_FAILED', perSecond: 0.3 },
        ],
        policyDeniedByNamespace: [
          { namespace: 'checkout', perSecond: 0.9 },
          { namespace: 'catalog', perSecond: 0.3 },
        ],
      });
      expect(facts['traffic.policyVerdicts']?.value).toMatchObject({
        byAction: { forwarded: 9, dropped: 1.2, audit: 0.6 },
        auditPerSecond: 0.6,
        auditByNamespace: [{ namespace: 'accounts', perSecond: 0.6 }],
      });
      expect(facts['traffic.dns']?.value).toMatchObject({
        responsesPerSecond: 30,
        errorShare: 0.1,
      });
      expect(facts['traffic.l7']?.value).toMatchObject({
        httpWorkloads: 2,
        flowWorkloads: 10,
        httpNamespaces: 1,
        flowNamespaces: 5,
        workloadShare: 0.2,
      });
      expect(facts['traffic.lostEvents']?.value).toMatchObject({
        perSecond: 0.01,
        bySource: { hubble_ring_buffer: 0.01 },
      });
      expect(facts['traffic.features']?.value).toMatchObject({
        agents: 3,
        kubeProxyReplacement: { agents: 3, enabled: 3, offAgents: [] },
        encryption: { wireguard: 3, ipsec: 0, none: 0 },
        mutualAuth: { agents: 3, enabled: 3 },
      });
    });

    it('names the query, its evaluation time and its window in the evidence', async () => {
      const { facts } = await collectFromPrometheus(
        'prod-eu-1',
        { url: prometheus.url },
        { at },
      );
      expect(facts['traffic.drops']?.evidence).toEqual([
        `Prometheus ${prometheus.url}: sum by (reason) (rate(hubble_drop_total[1h])) at ${at} (window 1h): 2 series: {reason=CT_MAP_INSERTION_FAILED} 0.3; {reason=POLICY_DENIED} 1.2`,
        `Prometheus ${prometheus.url}: topk(10, sum by (destination_namespace) (rate(hubble_drop_total{reason="POLICY_DENIED"}[1h]))) at ${at} (window 1h): 2 series: {destination_namespace=catalog} 0.3; {destination_namespace=checkout} 0.9`,
      ]);
    });

    it('cuts off an answer of the real server that is larger than the byte limit', async () => {
      const { facts, stats } = await collectFromPrometheus(
        'prod-eu-1',
        { url: prometheus.url },
        { at, maxBytes: 400 },
      );
      // the feature agents' answer names up to five agents per gauge: more than 400 bytes
      expect(facts['traffic.features']?.reason).toMatch(
        /^error: Prometheus query .*: too large, more than 400 bytes$/,
      );
      expect(facts['traffic.lostEvents']?.value).not.toBeNull();
      expect(stats.bytes).toBeLessThan(QUERY_NAMES.length * 64 * 1024);
    });

    it('goes through HTTP_PROXY as the Kubernetes reader does, and NO_PROXY exempts the server', async () => {
      const proxy = await startConnectProxy();
      const saved = { http: process.env.HTTP_PROXY, no: process.env.NO_PROXY };
      try {
        process.env.HTTP_PROXY = proxy.url;
        delete process.env.NO_PROXY;
        const through = await collectFromPrometheus(
          'prod-eu-1',
          { url: prometheus.url },
          { at },
        );
        expect(through.errors).toEqual([]);
        expect(through.facts['traffic.flows']?.value?.perSecond).toBe(91.5);
        const host = new URL(prometheus.url).host;
        expect(proxy.log.length).toBeGreaterThan(0);
        expect(
          proxy.log.every(t => t.target === host && t.outcome === 'tunnelled'),
        ).toBe(true);
        const tunnels = proxy.log.length;
        process.env.NO_PROXY = '127.0.0.1';
        await collectFromPrometheus(
          'prod-eu-1',
          { url: prometheus.url },
          { at },
        );
        expect(proxy.log).toHaveLength(tunnels);
      } finally {
        if (saved.http === undefined) delete process.env.HTTP_PROXY;
        else process.env.HTTP_PROXY = saved.http;
        if (saved.no === undefined) delete process.env.NO_PROXY;
        else process.env.NO_PROXY = saved.no;
        await proxy.close();
      }
    });

    it('reports a PromQL error of the real server as the reason of every fact', async () => {
      const { facts, errors } = await collectFromPrometheus(
        'prod-eu-1',
        { url: prometheus.url },
        { at, window: '0s' },
      );
      expect(errors.map(e => e.fact)).toContain('traffic.drops');
      expect(facts['traffic.drops']?.value).toBeNull();
      expect(facts['traffic.drops']?.reason).toBe(
        'error: Prometheus query sum by (reason) (rate(hubble_drop_total[0s])): PromQL error (bad_data: invalid parameter "query": 1:41: parse error: duration must be greater than 0)',
      );
    });
  });

  it('configured but silent: every family comes back empty, the feature gauges still arrive', async () => {
    const prometheus = await startPrometheus({ fixture: 'silent.om' });
    try {
      const { facts, errors } = await collectFromPrometheus(
        'prod-eu-1',
        { url: prometheus.url },
        { at },
      );
      expect(errors).toEqual([]);
      expect(facts['traffic.flows']?.value).toMatchObject({
        familySeries: { flow: 0, drop: 0, dns: 0, http: 0 },
        perSecond: 0,
      });
      expect(facts['traffic.flows']?.evidence[1]).toMatch(
        /rate\(hubble_flows_processed_total\[1h\]\)\) at .*: no series$/,
      );
      expect(facts['traffic.features']?.value?.agents).toBe(3);
    } finally {
      await prometheus.stop();
    }
  }, 60_000);

  it('feature gauges disagreeing with the ConfigMap: no encryption mode on any agent, one agent without kube-proxy replacement, named', async () => {
    const prometheus = await startPrometheus({
      fixture: 'gauge-disagreeing.om',
    });
    try {
      const { facts } = await collectFromPrometheus(
        'prod-eu-1',
        { url: prometheus.url },
        { at },
      );
      expect(facts['traffic.features']?.value).toMatchObject({
        agents: 3,
        kubeProxyReplacement: {
          agents: 3,
          enabled: 2,
          offAgents: ['node-2'],
          onAgents: ['node-0', 'node-1'],
        },
        encryption: {
          wireguard: 0,
          none: 3,
          noneAgents: ['node-0', 'node-1', 'node-2'],
        },
      });
      expect(facts['traffic.l7']?.value?.workloadShare).toBe(0.8);
    } finally {
      await prometheus.stop();
    }
  }, 60_000);

  describe('a Prometheus shared by two clusters (fixtures/prometheus/shared.om)', () => {
    let prometheus: TestPrometheus;
    beforeAll(async () => {
      prometheus = await startPrometheus({ fixture: 'shared.om' });
    }, 60_000);
    afterAll(() => prometheus.stop());

    it('reads each cluster through its label, in every query', async () => {
      const read = (value: string) =>
        collectFromPrometheus(
          value,
          { url: prometheus.url, clusterLabel: { name: 'cluster', value } },
          { at },
        );
      const prod = await read('prod-eu-1');
      const dev = await read('dev-sandbox');
      expect(prod.facts['traffic.flows']?.value?.perSecond).toBe(91.5);
      expect(dev.facts['traffic.flows']?.value?.perSecond).toBe(60);
      expect(prod.facts['traffic.l7']?.value?.workloadShare).toBe(0.2);
      expect(dev.facts['traffic.l7']?.value?.workloadShare).toBe(1);
      // agents before Cilium 1.17 export no feature gauges
      expect(dev.facts['traffic.features']?.value).toMatchObject({
        agents: 0,
        kubeProxyReplacement: null,
        encryption: null,
      });
      const logged = readFileSync(prometheus.queryLog, 'utf8')
        .trim()
        .split('\n')
        .map(line => JSON.parse(line).params.query as string)
        .filter(q => q.includes('dev-sandbox'));
      expect(logged).toHaveLength(QUERY_NAMES.length);
      for (const query of logged) {
        const selectors = query.match(/\{[^}]*\}/g) ?? [];
        expect(selectors.length).toBeGreaterThan(0);
        for (const s of selectors) expect(s).toContain('cluster="dev-sandbox"');
      }
    });

    it('escapes the label value: a value that tries to widen the query matches nothing', async () => {
      const { facts, errors } = await collectFromPrometheus(
        'x',
        {
          url: prometheus.url,
          clusterLabel: {
            name: 'cluster',
            value: 'prod-eu-1"} or vector(1) or {a="',
          },
        },
        { at },
      );
      expect(errors).toEqual([]);
      expect(facts['traffic.flows']?.value?.perSecond).toBe(0);
      expect(facts['traffic.features']?.value?.agents).toBe(0);
    });

    it('refuses a cluster label that is not a label name, before sending anything', async () => {
      const { facts, stats } = await collectFromPrometheus(
        'x',
        { url: prometheus.url, clusterLabel: { name: 'cluster"', value: 'a' } },
        { at },
      );
      expect(stats.requests).toBe(0);
      expect(facts['traffic.flows']?.reason).toMatch(
        /^error: invalid Prometheus settings for x: "cluster"" is not a Prometheus label name/,
      );
    });
  });
});
