import { Entity } from '@backstage/catalog-model';
import { ClusterReport } from '@network-scorecard/common';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parseAllDocuments } from 'yaml';
import { collectFromSnapshotFile } from './collect/collectFromSnapshot';
import { scoreCluster } from './score/scoreCluster';

// The demo fleet of examples/ scored as the backend and the CLI score it
// (scoreCluster), with the verdicts a platform engineer would give each
// cluster pinned down.
const examples = resolve(__dirname, '../../../examples');
const entities = parseAllDocuments(
  readFileSync(resolve(examples, 'entities/clusters.yaml'), 'utf8'),
).map(doc => doc.toJS() as Entity);

async function score(name: string): Promise<ClusterReport> {
  return scoreCluster({
    cluster: name,
    source: 'snapshot',
    collected: await collectFromSnapshotFile(
      resolve(examples, `clusters/${name}.json`),
    ),
    entity: entities.find(e => e.metadata.name === name),
    now: '2026-11-26T12:00:00.000Z',
  });
}

/** checks that are neither pass nor not-applicable, as "id=status" */
function findings(report: ClusterReport) {
  return {
    grade: report.grade,
    checks: report.checks
      .filter(c => c.status !== 'pass' && c.status !== 'not-applicable')
      .map(c => `${c.id}=${c.status}`),
    antiPatterns: report.antiPatterns
      .filter(a => a.status !== 'clear')
      .map(a => a.id),
    readiness: Object.fromEntries(report.readiness.map(r => [r.id, r.status])),
  };
}

describe('the demo fleet (ruleset 2026.12.1, scoring 2026.12)', () => {
  it('prod-eu-1: Cilium done right, nothing to change', async () => {
    const report = await score('prod-eu-1');
    expect(findings(report)).toEqual({
      grade: 'A',
      checks: [],
      antiPatterns: [],
      readiness: {
        'readiness.calico-to-cilium': 'not-applicable',
        'readiness.kube-proxy-replacement': 'not-applicable',
        'readiness.hubble': 'ready',
        'readiness.mesh': 'ready',
      },
    });
    expect(report.score).toBe(100);
    expect(report.links.map(l => l.dashboard ?? l.kind)).toEqual(
      expect.arrayContaining([
        'hubble-ui',
        'serviceMap',
        'errorRates',
        'latency',
        'policyDenials',
      ]),
    );
  });

  it('dc-fra-1: a stable BGP Calico is kept, no move planned, so no kernel warning and no eBPF test asked for', async () => {
    const report = await score('dc-fra-1');
    expect(findings(report)).toEqual({
      grade: 'B',
      checks: [
        'kube-proxy.replaced=warn',
        'encryption.transparent=warn',
        'observability.dashboards=warn',
        'observability.app-tracing=warn',
      ],
      antiPatterns: [],
      readiness: {
        'readiness.calico-to-cilium': 'not-applicable',
        'readiness.kube-proxy-replacement': 'ready',
        'readiness.hubble': 'not-applicable',
        'readiness.mesh': 'not-applicable',
      },
    });
    // a Calico on BGP that is kept as it is never grades below a Flannel dev cluster
    expect(report.score!).toBeGreaterThan((await score('dev-sandbox')).score!);
    expect(report.checks.find(c => c.id === 'cni.default-choice')?.status).toBe(
      'pass',
    );
  });

  it('retail-stores-1: Calico eBPF with Windows nodes is the right call', async () => {
    const report = await score('retail-stores-1');
    expect(findings(report)).toMatchObject({
      grade: 'C',
      checks: [
        'encryption.transparent=warn',
        'observability.dashboards=warn',
        'observability.app-tracing=warn',
        'policy.enforced=warn',
      ],
      antiPatterns: [],
    });
    for (const id of [
      'cni.windows',
      'cni.default-choice',
      'kube-proxy.replaced',
    ])
      expect([id, report.checks.find(c => c.id === id)?.status]).toEqual([
        id,
        'pass',
      ]);
  });

  it('dev-sandbox: Flannel is fine off production, but it cannot encrypt, enforce policy or replace kube-proxy', async () => {
    const report = await score('dev-sandbox');
    expect(findings(report)).toMatchObject({
      grade: 'C',
      checks: [
        'kube-proxy.replaced=warn',
        'encryption.transparent=warn',
        'observability.dashboards=warn',
        'observability.app-tracing=warn',
        'policy.enforced=warn',
      ],
      antiPatterns: [],
    });
    expect(
      report.checks.find(c => c.id === 'cni.production-grade')?.status,
    ).toBe('pass');
  });

  it('payments-1: a sidecar mesh with no question to answer costs its penalties and its A', async () => {
    const report = await score('payments-1');
    expect(findings(report)).toMatchObject({
      grade: 'F',
      antiPatterns: [
        'ap.mesh-too-early',
        'ap.mesh-without-question',
        'ap.sidecars-when-ambient-fits',
      ],
    });
    expect(report.checks.find(c => c.id === 'mesh.need')?.status).toBe('fail');
    expect(report.scoring.penalties.map(p => p.points)).toEqual([5, 5, 5]);
    expect(report.score).toBe(
      Math.round((report.scoring.weighted! - 15) * 10) / 10,
    );
  });

  it('prod-us-1: a CNI migration with no refresh window, old kernels under Cilium, policies that are paper', async () => {
    const report = await score('prod-us-1');
    expect(findings(report)).toMatchObject({
      grade: 'F',
      antiPatterns: ['ap.standalone-cni-migration'],
    });
    for (const id of ['cni.kernel', 'kube-proxy.replaced', 'policy.enforced'])
      expect([id, report.checks.find(c => c.id === id)?.status]).toEqual([
        id,
        'fail',
      ]);
    expect(
      report.checks.find(c => c.id === 'policy.enforced')?.recommendation,
    ).toMatch(/enable-policy/);
    expect(report.scoring.caps.map(c => c.id)).toEqual([
      'open-anti-pattern',
      'policy-gate',
    ]);
  });

  it('compliance-eu-1: Istio ambient on Cilium answers auditable L7 and mTLS, where it is enrolled', async () => {
    const report = await score('compliance-eu-1');
    expect(findings(report)).toMatchObject({
      grade: 'C',
      checks: [
        'mesh.mtls=warn',
        'encryption.transparent=warn',
        'observability.metrics=warn',
        'observability.dashboards=warn',
        'policy.enforced=warn',
      ],
      antiPatterns: [],
    });
    for (const id of ['mesh.need', 'mesh.choice'])
      expect([id, report.checks.find(c => c.id === id)?.status]).toEqual([
        id,
        'pass',
      ]);
    expect(
      report.checks.find(c => c.id === 'mesh.mtls')?.recommendation,
    ).toMatch(/default/);
  });
});
