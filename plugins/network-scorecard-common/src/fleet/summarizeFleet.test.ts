import { defaultRuleset, evaluateCluster } from '../rules';
import { golden } from '../rules/__fixtures__/golden';
import { scanHeadline } from '../api';
import { summarizeFleet } from './summarizeFleet';

// The demo fleet as the real collector reads it (fixtures/golden).
const DEMO = [
  'prod-eu-1',
  'compliance-eu-1',
  'retail-stores-1',
  'dc-fra-1',
  'dev-sandbox',
  'payments-1',
  'prod-us-1',
];
const reports = DEMO.map(name =>
  evaluateCluster(
    {
      cluster: name,
      source: 'snapshot',
      scannedAt: '2026-11-26T09:00:00Z',
      facts: golden(`demo-${name}`),
      errors: [],
      context: {
        requirements: [],
        lifecycle: name === 'dev-sandbox' ? 'development' : 'production',
        platformRefresh: null,
        catalogServiceCount: name === 'payments-1' ? 8 : null,
        now: '2026-11-26T09:00:00Z',
      },
    },
    defaultRuleset,
  ),
);

describe('summarizeFleet', () => {
  it('rolls the fixture fleet up by CNI, mesh, grade, readiness and anti-pattern', () => {
    const summary = summarizeFleet([...reports.map(scanHeadline), null]);
    expect(summary.clusters).toBe(8);
    expect(summary.scanned).toBe(7);
    const by = (pick: (r: (typeof reports)[number]) => unknown) =>
      reports.reduce<Record<string, number>>((acc, r) => {
        const key = String(pick(r) ?? 'unknown');
        return { ...acc, [key]: (acc[key] ?? 0) + 1 };
      }, {});
    expect(summary.byCni).toEqual(by(r => r.facts.cni?.value));
    expect(summary.byCni.cilium).toBeGreaterThanOrEqual(2);
    expect(summary.byMesh).toEqual(by(r => r.facts.mesh?.value));
    const grades = reports.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.grade]: (acc[r.grade] ?? 0) + 1 }),
      {},
    );
    expect(summary.byGrade).toEqual(grades);
    expect(Object.keys(summary.byReadiness).sort()).toEqual(
      defaultRuleset.readiness.map(r => r.id).sort(),
    );
    for (const counts of Object.values(summary.byReadiness)) {
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(7);
    }
    expect(summary.antiPatternsDetected).toEqual(
      reports
        .flatMap(r => r.antiPatterns)
        .filter(a => a.status === 'detected')
        .reduce<Record<string, number>>(
          (acc, a) => ({ ...acc, [a.id]: (acc[a.id] ?? 0) + 1 }),
          {},
        ),
    );
    // payments-1 meshes 8 services without a requirement
    expect(
      summary.antiPatternsDetected['ap.mesh-too-early'],
    ).toBeGreaterThanOrEqual(1);
  });

  it('counts an unreadable CNI as unknown and an empty fleet as zeros', () => {
    const blind = {
      ...reports[0],
      facts: {
        ...reports[0].facts,
        cni: { value: null, evidence: [], reason: 'forbidden' },
      },
    };
    expect(summarizeFleet([scanHeadline(blind)]).byCni).toEqual({ unknown: 1 });
    expect(summarizeFleet([])).toEqual({
      clusters: 0,
      scanned: 0,
      byCni: {},
      byMesh: {},
      byGrade: {},
      byReadiness: {},
      antiPatternsDetected: {},
    });
  });
});
