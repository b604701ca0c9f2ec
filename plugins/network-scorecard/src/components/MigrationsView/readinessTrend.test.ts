import { FleetHistoryBucket } from '@network-scorecard/common';
import { readinessItems, readinessTrend } from './readinessTrend';

function bucket(
  start: string,
  readiness: FleetHistoryBucket['readiness'],
): FleetHistoryBucket {
  return {
    start,
    clusters: 3,
    byGrade: {},
    readiness,
    antiPatternsDetected: {},
  };
}

describe('readinessTrend', () => {
  it('counts clusters per status and week, unknown statuses as unknown', () => {
    const weeks = readinessTrend(
      [
        bucket('2026-11-02T00:00:00.000Z', {
          'readiness.hubble': { ready: 1, blocked: 2 },
        }),
        bucket('2026-11-09T00:00:00.000Z', {
          'readiness.hubble': { ready: 2, 'half-done': 1, unknown: 1 },
        }),
        bucket('2026-11-16T00:00:00.000Z', {}),
      ],
      'readiness.hubble',
    );
    expect(weeks).toEqual([
      {
        start: '2026-11-02T00:00:00.000Z',
        ready: 1,
        blocked: 2,
        unknown: 0,
        'not-applicable': 0,
      },
      {
        start: '2026-11-09T00:00:00.000Z',
        ready: 2,
        blocked: 0,
        unknown: 2,
        'not-applicable': 0,
      },
      {
        start: '2026-11-16T00:00:00.000Z',
        ready: 0,
        blocked: 0,
        unknown: 0,
        'not-applicable': 0,
      },
    ]);
  });

  it('offers the ruleset items first, then ids only the history knows', () => {
    const items = readinessItems(
      {
        readiness: [
          { id: 'readiness.hubble', title: 'Hubble', evaluate: jest.fn() },
        ],
      },
      [
        bucket('2026-11-02T00:00:00.000Z', {
          'custom.gateway-api': { ready: 1 },
        }),
      ],
    );
    expect(items).toEqual([
      { id: 'readiness.hubble', title: 'Hubble' },
      { id: 'custom.gateway-api', title: 'custom.gateway-api' },
    ]);
  });
});
