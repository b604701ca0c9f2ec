import { HistoryPoint } from '@network-scorecard/common';
import { chartGeometry, yFor } from './geometry';

function point(
  scannedAt: string,
  score: number | null,
  rulesetVersion = '1',
): HistoryPoint {
  return {
    scannedAt,
    score,
    rulesetVersion,
    grade: score === null ? '?' : 'B',
    status: 'ok',
    coverage: 1,
    readiness: [],
    antiPatterns: [],
  };
}

describe('chartGeometry', () => {
  it('orders scans by time and breaks the line at ungraded scans', () => {
    const geometry = chartGeometry([
      point('2026-11-04T00:00:00Z', 80),
      point('2026-11-03T00:00:00Z', null),
      point('2026-11-02T00:00:00Z', 70),
      point('2026-11-01T00:00:00Z', 60),
    ]);
    expect(geometry.points.map(p => p.point.scannedAt.slice(8, 10))).toEqual([
      '01',
      '02',
      '03',
      '04',
    ]);
    expect(geometry.segments).toHaveLength(2);
    expect(geometry.segments[0].split(' ')).toHaveLength(2);
    expect(geometry.points[0].x).toBeLessThan(geometry.points[3].x);
    expect(geometry.points[3].y).toBe(yFor(80));
    expect(yFor(100)).toBeLessThan(yFor(0));
  });

  it('marks where the ruleset changed', () => {
    const geometry = chartGeometry([
      point('2026-11-01T00:00:00Z', 60, '2026.10.0'),
      point('2026-11-02T00:00:00Z', 70, '2026.11.0'),
    ]);
    expect(geometry.rulesetChanges).toEqual([
      { x: geometry.points[1].x, version: '2026.11.0' },
    ]);
  });
});
