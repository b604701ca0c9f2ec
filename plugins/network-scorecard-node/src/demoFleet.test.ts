import { Entity } from '@backstage/catalog-model';
import {
  ClusterReport,
  defaultRuleset,
  evaluateCluster,
} from '@network-scorecard/common';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parseAllDocuments } from 'yaml';
import { collectFromSnapshotFile } from './collect/collectFromSnapshot';
import { contextFromEntity } from './entity/contextFromEntity';

// The demo fleet of examples/ scored as the backend scores it, with the
// verdicts a platform engineer would give each cluster pinned down.
const examples = resolve(__dirname, '../../../examples');
const entities = parseAllDocuments(
  readFileSync(resolve(examples, 'entities/clusters.yaml'), 'utf8'),
).map(doc => doc.toJS() as Entity);

async function score(name: string): Promise<ClusterReport> {
  const collected = await collectFromSnapshotFile(
    resolve(examples, `clusters/${name}.json`),
  );
  const entity = entities.find(e => e.metadata.name === name)!;
  const joined = contextFromEntity(entity, '2026-11-26T12:00:00.000Z');
  return evaluateCluster(
    {
      cluster: name,
      source: 'snapshot',
      scannedAt: collected.capturedAt!,
      facts: { ...collected.facts, dashboards: joined.dashboards },
      errors: collected.errors,
      context: { ...joined.context, catalogServiceCount: 0 },
      links: joined.links,
    },
    defaultRuleset,
  );
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

describe('the demo fleet', () => {
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

  it('dc-fra-1: stable BGP Calico is kept; eBPF to test, dashboards missing', async () => {
    expect(findings(await score('dc-fra-1'))).toEqual({
      grade: 'C',
      checks: [
        'cni.calico-dataplane=warn',
        'kube-proxy.replaced=warn',
        'encryption.transparent=warn',
        'observability.dashboards=fail',
        'observability.app-tracing=warn',
      ],
      antiPatterns: [],
      readiness: {
        'readiness.calico-to-cilium': 'blocked',
        'readiness.kube-proxy-replacement': 'ready',
        'readiness.hubble': 'not-applicable',
        'readiness.mesh': 'not-applicable',
      },
    });
  });

  it('retail-stores-1: Calico eBPF with Windows nodes is the right call', async () => {
    const report = await score('retail-stores-1');
    expect(findings(report).grade).toBe('B');
    expect(report.checks.find(c => c.id === 'cni.windows')?.status).toBe(
      'pass',
    );
    expect(
      report.checks.find(c => c.id === 'kube-proxy.replaced')?.status,
    ).toBe('pass');
    expect(
      report.readiness
        .find(r => r.id === 'readiness.calico-to-cilium')
        ?.blockers.join(' '),
    ).toMatch(/Windows/);
  });

  it('dev-sandbox: Flannel is fine off production', async () => {
    const report = await score('dev-sandbox');
    expect(findings(report)).toMatchObject({
      grade: 'A',
      checks: [
        'observability.dashboards=warn',
        'observability.app-tracing=warn',
      ],
      antiPatterns: [],
    });
    expect(
      report.checks.find(c => c.id === 'cni.production-grade')?.status,
    ).toBe('pass');
  });

  it('payments-1: a sidecar mesh with no question to answer', async () => {
    const report = await score('payments-1');
    expect(findings(report)).toMatchObject({
      grade: 'D',
      antiPatterns: [
        'ap.mesh-too-early',
        'ap.mesh-without-question',
        'ap.sidecars-when-ambient-fits',
      ],
    });
    expect(report.checks.find(c => c.id === 'mesh.need')?.status).toBe('fail');
  });

  it('prod-us-1: a CNI migration with no refresh window, old kernels under Cilium', async () => {
    const report = await score('prod-us-1');
    expect(findings(report)).toMatchObject({
      grade: 'D',
      antiPatterns: ['ap.standalone-cni-migration'],
    });
    expect(report.checks.find(c => c.id === 'cni.kernel')?.status).toBe('fail');
    expect(
      report.checks.find(c => c.id === 'kube-proxy.replaced')?.status,
    ).toBe('fail');
  });

  it('compliance-eu-1: Istio ambient on Cilium answers auditable L7 and mTLS', async () => {
    const report = await score('compliance-eu-1');
    expect(findings(report)).toMatchObject({
      grade: 'B',
      checks: [
        'encryption.transparent=warn',
        'observability.dashboards=warn',
        'policy.enforced=warn',
      ],
      antiPatterns: [],
    });
    for (const id of ['mesh.need', 'mesh.choice', 'mesh.mtls']) {
      expect(report.checks.find(c => c.id === id)?.status).toBe('pass');
    }
  });
});
