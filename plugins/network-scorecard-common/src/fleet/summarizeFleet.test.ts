import { defaultRuleset, evaluateCluster } from '../rules';
import { SCENARIOS } from '../rules/__fixtures__/scenarios';
import { NOW } from '../rules/__fixtures__/clusters';
import { summarizeFleet } from './summarizeFleet';

const reports = SCENARIOS.map(s =>
  evaluateCluster(
    {
      cluster: s.name,
      source: 'snapshot',
      scannedAt: NOW,
      facts: s.facts(),
      errors: [],
      context: s.context,
    },
    defaultRuleset,
  ),
);

describe('summarizeFleet', () => {
  it('rolls the fixture fleet up by CNI, mesh, grade, readiness and anti-pattern', () => {
    const summary = summarizeFleet([...reports, null]);
    expect(summary.clusters).toBe(11);
    expect(summary.scanned).toBe(10);
    expect(summary.byCni).toEqual({ cilium: 4, calico: 5, flannel: 1 });
    expect(summary.byMesh).toEqual({
      none: 6,
      'istio-ambient': 1,
      cilium: 1,
      'istio-sidecar': 1,
      linkerd: 1,
    });
    const grades = reports.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.grade]: (acc[r.grade] ?? 0) + 1 }),
      {},
    );
    expect(summary.byGrade).toEqual(grades);
    expect(Object.keys(summary.byReadiness).sort()).toEqual(
      defaultRuleset.readiness.map(r => r.id).sort(),
    );
    for (const counts of Object.values(summary.byReadiness)) {
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(10);
    }
    expect(summary.antiPatternsDetected['ap.standalone-cni-migration']).toBe(1);
    expect(summary.antiPatternsDetected['ap.mesh-too-early']).toBe(1);
  });

  it('counts an unreadable CNI as unknown and an empty fleet as zeros', () => {
    const blind = {
      ...reports[0],
      facts: {
        ...reports[0].facts,
        cni: { value: null, evidence: [], reason: 'forbidden' },
      },
    };
    expect(summarizeFleet([blind]).byCni).toEqual({ unknown: 1 });
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
