import { defaultRuleset, evaluateCluster } from '../rules';
import { golden } from '../rules/__fixtures__/golden';
import { summarizeScan } from './summarizeScan';

const report = evaluateCluster(
  {
    cluster: 'payments-1',
    source: 'snapshot',
    scannedAt: '2026-11-24T10:00:00.000Z',
    facts: golden('demo-payments-1'),
    errors: [],
    context: {
      requirements: [],
      lifecycle: 'production',
      platformRefresh: null,
      catalogServiceCount: 4,
      now: '2026-11-24T10:00:00.000Z',
    },
  },
  defaultRuleset,
);

describe('summarizeScan', () => {
  it('counts detected anti-patterns that nobody acknowledged, and names CNI and mesh', () => {
    const detected = report.antiPatterns.filter(ap => ap.status === 'detected');
    expect(detected.length).toBeGreaterThan(1);
    const acknowledged = {
      ...report,
      antiPatterns: report.antiPatterns.map(ap =>
        ap.id === detected[0].id
          ? {
              ...ap,
              acknowledged: {
                by: 'user:default/jo',
                reason: 'planned',
                at: report.scannedAt,
                expiresAt: '2099-01-01T00:00:00.000Z',
              },
            }
          : ap,
      ),
    };
    expect(summarizeScan(report)).toMatchObject({
      cni: 'calico',
      mesh: 'istio-sidecar',
      antiPatternsDetected: detected.length,
      previous: null,
    });
    expect(summarizeScan(acknowledged).antiPatternsDetected).toBe(
      detected.length - 1,
    );
  });

  it('keeps only the trend fields of the previous scan', () => {
    expect(summarizeScan(report, report).previous).toEqual({
      scannedAt: report.scannedAt,
      score: report.score,
      grade: report.grade,
      rulesetVersion: report.rulesetVersion,
    });
  });
});
