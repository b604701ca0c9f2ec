import { defaultRuleset, evaluateCluster } from '../rules';
import { golden } from '../rules/__fixtures__/golden';
import { scanHeadline, summarizeScan } from './summarizeScan';

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
    expect(summarizeScan(scanHeadline(report))).toMatchObject({
      cni: 'calico',
      mesh: 'istio-sidecar',
      antiPatternsDetected: detected.length,
      previous: null,
    });
    expect(
      summarizeScan(scanHeadline(report), null, [detected[0].id])
        .antiPatternsDetected,
    ).toBe(detected.length - 1);
  });

  it('keeps only the trend fields of the previous scan', () => {
    expect(summarizeScan(scanHeadline(report), report).previous).toEqual({
      scannedAt: report.scannedAt,
      score: report.score,
      grade: report.grade,
      rulesetVersion: report.rulesetVersion,
    });
  });
});
