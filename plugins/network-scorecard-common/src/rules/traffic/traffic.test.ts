import { ClusterFacts, TRAFFIC_FACT_IDS } from '../../facts';
import { context } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import { prometheusDown, traffic } from '../__fixtures__/traffic';
import { cniConfigInEffect } from '../cni';
import {
  observabilityL7Targeted,
  observabilityMetrics,
} from '../observability';
import { apGlobalL7Visibility } from '../anti-patterns';
import { policyEnforced } from '../policy';
import { evaluateCluster } from '../evaluate';
import { defaultRuleset } from '../ruleset';

// Cluster facts from fixtures/golden joined with traffic facts the real reader
// read from a real Prometheus (fixtures/prometheus/golden).
const prodEu = golden('demo-prod-eu-1');
const withTraffic = (facts: ClusterFacts, more: ClusterFacts) => ({
  ...facts,
  ...more,
});

describe('observability.metrics with traffic', () => {
  it('without Prometheus, a complete configuration is not a pass: connect Prometheus (not-applicable, no penalty)', () => {
    const result = run(observabilityMetrics, prodEu);
    expect(result.status).toBe('not-applicable');
    expect(result.recommendation).toMatch(
      /^Hubble is configured to export flow, drop, dns and http, .*: connect Prometheus to check this \(networkScorecard\.prometheus/,
    );
  });

  it('passes once the series arrive, with the flow rate and the query as evidence', () => {
    const result = run(
      observabilityMetrics,
      withTraffic(prodEu, traffic('flowing')),
    );
    expect(result.status).toBe('pass');
    expect(result.recommendation).toContain(
      'and Prometheus holds them: 92/s flows, averaged over the last 1h.',
    );
    expect(result.recommendation).toContain(
      'Hubble lost 0.6/min events over 1h',
    );
    expect(result.evidence).toContainEqual(
      expect.stringMatching(
        /^Prometheus http:\/\/prometheus\.test:9090: sum by \(verdict\) \(rate\(hubble_flows_processed_total\[1h\]\)\) at 2026-11-26T12:00:00\.000Z \(window 1h\): 2 series/,
      ),
    );
  });

  it('configured but silent is a fail naming the query that came back empty', () => {
    const result = run(
      observabilityMetrics,
      withTraffic(prodEu, traffic('silent')),
    );
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain(
      'Yet nothing arrives: Prometheus holds no Hubble flow series (Prometheus http://prometheus.test:9090: label_replace(count(hubble_flows_processed_total), "family", "flow", "", "")',
    );
    expect(result.recommendation).toMatch(
      /scrape the agents' hubble-metrics port/,
    );
  });

  it('silent turns a partial configuration (warn) into a fail too', () => {
    const charm = golden('obs-charm-cilium-1.16');
    expect(run(observabilityMetrics, charm).status).toBe('warn');
    expect(
      run(observabilityMetrics, withTraffic(charm, traffic('silent'))).status,
    ).toBe('fail');
  });

  it('a partial configuration (warn) with Prometheus not answering is unknown: the answer could make it a fail', () => {
    const charm = golden('obs-charm-cilium-1.16');
    const result = run(
      observabilityMetrics,
      withTraffic(charm, prometheusDown('traffic.flows')),
    );
    expect(result.status).toBe('unknown');
    expect(result.recommendation).toMatch(
      /^flow carries no source and destination workload .* Whether the series reach Prometheus cannot be told: traffic\.flows: error: Prometheus query …: HTTP 500/,
    );
  });

  it('a Prometheus that does not answer leaves it unknown, with the reason', () => {
    const result = run(
      observabilityMetrics,
      withTraffic(prodEu, prometheusDown('traffic.flows')),
    );
    expect(result.status).toBe('unknown');
    expect(result.evidence).toContain(
      'traffic.flows: error: Prometheus query …: HTTP 500 (internal: storage is down)',
    );
  });
});

describe('cni.config-in-effect', () => {
  it('passes when every agent runs what cilium-config says', () => {
    const result = run(
      cniConfigInEffect,
      withTraffic(prodEu, traffic('flowing')),
    );
    expect(result.status).toBe('pass');
    expect(result.recommendation).toBe(
      'The agents run what the configuration says: kube-proxy replacement running on all 3 agents; WireGuard running on all 3 agents; mutual authentication running on all 3 agents; the BGP control plane off on all 3 agents.',
    );
  });

  it('fails WireGuard configured while the agents report no encryption mode, and names the agent without kube-proxy replacement', () => {
    const result = run(
      cniConfigInEffect,
      withTraffic(prodEu, traffic('gauge-disagreeing')),
    );
    expect(result.status).toBe('fail');
    expect(result.evidence.slice(0, 2)).toEqual([
      'kube-proxy replacement is configured (ConfigMap kube-system/cilium-config: kube-proxy-replacement=true), but 1 of 3 agents report it off (node-2)',
      'WireGuard is configured (ConfigMap kube-system/cilium-config: enable-wireguard=true), but 3 of 3 agents report no encryption mode (node-0, node-1, node-2): pod traffic from those nodes leaves unencrypted',
    ]);
  });

  it('agents before Cilium 1.17: the gauge is not available', () => {
    const result = run(
      cniConfigInEffect,
      withTraffic(prodEu, traffic('shared-dev-sandbox')),
    );
    expect(result.status).toBe('not-applicable');
    expect(result.recommendation).toMatch(
      /^No agent reports cilium_feature_\* gauges: agents before Cilium 1\.17/,
    );
  });

  it('without Prometheus: connect Prometheus; on Calico: not Cilium; Prometheus down: unknown', () => {
    expect(run(cniConfigInEffect, prodEu)).toMatchObject({
      status: 'not-applicable',
      recommendation: expect.stringContaining(
        'connect Prometheus to check this',
      ),
    });
    expect(
      run(
        cniConfigInEffect,
        withTraffic(golden('demo-dc-fra-1'), traffic('flowing')),
      ).status,
    ).toBe('not-applicable');
    expect(
      run(
        cniConfigInEffect,
        withTraffic(prodEu, prometheusDown('traffic.features')),
      ).status,
    ).toBe('unknown');
  });
});

describe('measured L7 reach', () => {
  const targeted = golden('obs-targeted-l7');

  it('observability.l7-targeted: targeted policies and HTTP series on 2 of 10 workloads pass, with the measurement', () => {
    const result = run(
      observabilityL7Targeted,
      withTraffic(targeted, traffic('flowing')),
    );
    expect(result.status).toBe('pass');
    expect(result.evidence).toContain(
      'Prometheus: HTTP metrics for 2 of 10 workloads seen in flows (20 %), 1 of 5 namespaces, over 1h',
    );
  });

  it('observability.l7-targeted: targeted policies but HTTP series on 8 of 10 workloads fail', () => {
    const result = run(
      observabilityL7Targeted,
      withTraffic(targeted, traffic('gauge-disagreeing')),
    );
    expect(result.status).toBe('fail');
    expect(result.recommendation).toMatch(
      /^The policies look targeted, but the traffic says otherwise: HTTP metrics arrive for 80 % of the workloads seen in flows \(8 of 10, over the last 1h\)/,
    );
  });

  it('observability.l7-targeted: unknown when the measurement fails and the policies alone would pass', () => {
    expect(
      run(
        observabilityL7Targeted,
        withTraffic(targeted, prometheusDown('traffic.l7')),
      ).status,
    ).toBe('unknown');
    expect(run(observabilityL7Targeted, targeted).status).toBe('pass');
  });

  it('ap.global-l7-visibility: detected from the series, clear at 20 %, unknown when Prometheus fails', () => {
    expect(
      run(
        apGlobalL7Visibility,
        withTraffic(targeted, traffic('shared-dev-sandbox')),
      ),
    ).toMatchObject({
      status: 'detected',
      evidence: expect.arrayContaining([
        'Prometheus: HTTP metrics for 10 of 10 workloads seen in flows (100 %), 5 of 5 namespaces, over 1h',
      ]),
    });
    expect(
      run(apGlobalL7Visibility, withTraffic(targeted, traffic('flowing')))
        .status,
    ).toBe('clear');
    expect(
      run(
        apGlobalL7Visibility,
        withTraffic(targeted, prometheusDown('traffic.l7')),
      ).status,
    ).toBe('unknown');
  });
});

describe('policy audit mode: readiness to enforce', () => {
  const audit = golden('policy-cilium-audit-mode');

  it('says how much traffic enforcement would decide on, by namespace, over the window; the verdict stays the switch’s', () => {
    const without = run(policyEnforced, audit);
    const result = run(policyEnforced, withTraffic(audit, traffic('flowing')));
    expect(result.status).toBe(without.status);
    expect(result.recommendation).toBe(
      `${without.recommendation} Enforcing now would decide on 36/min audit verdicts over the last 1h (by namespace: accounts 36/min): allow what is expected, then enforce namespace by namespace.`,
    );
  });

  it('verdicts without audit: nothing seen would be dropped; no verdict series at all: cannot be seen', () => {
    expect(
      run(policyEnforced, withTraffic(audit, traffic('gauge-disagreeing')))
        .recommendation,
    ).toMatch(
      / No audit verdict among the policy verdicts of the last 1h: nothing seen would be dropped by enforcing\.$/,
    );
    expect(
      run(policyEnforced, withTraffic(audit, traffic('silent'))).recommendation,
    ).toMatch(
      / Hubble's policy metric has no series over the last 1h, so what enforcing would drop cannot be seen/,
    );
  });
});

describe('a report with and without traffic', () => {
  const score = (facts: ClusterFacts) =>
    evaluateCluster(
      {
        cluster: 'prod-eu-1',
        source: 'kubernetes',
        scannedAt: '2026-11-26T12:00:00Z',
        facts,
        errors: [],
        context: context(),
      },
      defaultRuleset,
    );

  it('asks nothing of a cluster without Prometheus: no traffic fact is at stake', () => {
    const report = score(withTraffic(prodEu, prometheusDown()));
    for (const stake of report.scoring.atStake)
      for (const read of stake.reads)
        expect(read.fact).not.toMatch(/^traffic\./);
  });

  it('seeing less never scores better: any traffic fact failing never raises the score of a cluster Prometheus reads', () => {
    const raised: string[] = [];
    for (const base of [
      'demo-prod-eu-1',
      'obs-charm-cilium-1.16',
      'obs-targeted-l7',
      'policy-cilium-audit-mode',
    ])
      for (const name of [
        'flowing',
        'silent',
        'gauge-disagreeing',
        'shared-dev-sandbox',
      ] as const) {
        const full = score(withTraffic(golden(base), traffic(name))).score ?? 0;
        for (const id of TRAFFIC_FACT_IDS) {
          const down =
            score(
              withTraffic(golden(base), {
                ...traffic(name),
                ...prometheusDown(id),
              }),
            ).score ?? 0;
          if (down > full)
            raised.push(
              `${base} + ${name} with ${id} down: ${full} -> ${down}`,
            );
        }
      }
    expect(raised).toEqual([]);
  });
});
