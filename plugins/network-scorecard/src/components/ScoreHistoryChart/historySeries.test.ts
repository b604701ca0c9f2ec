import { HistoryPoint, ReadinessStatus } from '@network-scorecard/common';
import { historySeries } from './historySeries';

function point(
  day: number,
  score: number | null,
  options: { ruleset?: string; hubble?: ReadinessStatus | 'later' } = {},
): HistoryPoint {
  return {
    scannedAt: `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`,
    score,
    rulesetVersion: options.ruleset ?? '2026.12.1',
    grade: score === null ? '?' : 'B',
    status: 'ok',
    coverage: 0.876,
    readiness: options.hubble
      ? [{ id: 'readiness.hubble', status: options.hubble as ReadinessStatus }]
      : [],
    antiPatterns: [],
  };
}

const at = (day: number) =>
  Date.parse(`2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`);

describe('historySeries', () => {
  it('orders scans by time and keeps ungraded scans as gaps', () => {
    const { points } = historySeries([
      point(3, 80),
      point(2, null),
      point(1, 70),
    ]);
    expect(points.map(p => [p.time, p.score])).toEqual([
      [at(1), 70],
      [at(2), null],
      [at(3), 80],
    ]);
    expect(points[0].coverage).toBe(87.6);
  });

  it('marks each ruleset change with the new version', () => {
    const { rulesetChanges } = historySeries([
      point(1, 60, { ruleset: '2026.10.0' }),
      point(2, 62, { ruleset: '2026.10.0' }),
      point(3, 70, { ruleset: '2026.12.1' }),
    ]);
    expect(rulesetChanges).toEqual([{ time: at(3), version: '2026.12.1' }]);
  });

  it('turns readiness statuses into runs; a scan without the item does not apply, an unknown status is unknown', () => {
    const { readiness } = historySeries([
      point(1, 60),
      point(2, 60, { hubble: 'blocked' }),
      point(3, 60, { hubble: 'blocked' }),
      point(4, 60, { hubble: 'later' }),
      point(5, 60, { hubble: 'ready' }),
    ]);
    expect(readiness.get('readiness.hubble')).toEqual([
      { status: 'not-applicable', from: at(1), to: at(2) },
      { status: 'blocked', from: at(2), to: at(4) },
      { status: 'unknown', from: at(4), to: at(5) },
      { status: 'ready', from: at(5), to: at(5) },
    ]);
  });
});
