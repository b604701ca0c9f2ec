import { dayOf, dayTicks } from './ScoreChart';

const at = (iso: string) => Date.parse(iso);

describe('dayTicks', () => {
  it('labels both ends of two scans five weeks apart, and three days between', () => {
    // prod-us-1's last 90 days in the demo
    const ticks = dayTicks(
      at('2026-10-20T18:41:09Z'),
      at('2026-11-24T19:02:33Z'),
    );
    expect(ticks.map(dayOf)).toEqual([
      '2026-10-20',
      '2026-10-29',
      '2026-11-07',
      '2026-11-16',
      '2026-11-24',
    ]);
  });

  it('never labels one day twice', () => {
    expect(
      dayTicks(at('2026-11-24T01:00:00Z'), at('2026-11-24T09:00:00Z')).map(
        dayOf,
      ),
    ).toEqual(['2026-11-24']);
    expect(
      dayTicks(at('2026-11-23T09:00:00Z'), at('2026-11-25T09:00:00Z')).map(
        dayOf,
      ),
    ).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
  });
});
