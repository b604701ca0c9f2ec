import { ConfigReader } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { readScorecardConfig } from './readScorecardConfig';

const read = (networkScorecard: object) =>
  readScorecardConfig(new ConfigReader({ networkScorecard }));

describe('readScorecardConfig', () => {
  it('has defaults a platform team can run with', () => {
    expect(readScorecardConfig(new ConfigReader({}))).toEqual({
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 5 },
      },
      concurrency: 4,
      requestTimeoutMs: 10_000,
      clusterTimeoutMs: 120_000,
      retentionMaxAge: { days: 400 },
      productionLifecycles: undefined,
      notificationsEnabled: true,
      // two missed 30-minute ticks and a 10-minute run
      staleAfterMs: 70 * 60_000,
    });
  });

  it('reads durations as strings or objects', () => {
    const config = read({
      scan: { requestTimeout: '5s', clusterTimeout: { minutes: 3 } },
      retention: { maxAge: '30d' },
      notifications: { enabled: false },
    });
    expect(config.requestTimeoutMs).toBe(5_000);
    expect(config.clusterTimeoutMs).toBe(180_000);
    expect(durationToMilliseconds(config.retentionMaxAge)).toBe(
      30 * 24 * 3600 * 1000,
    );
    expect(config.notificationsEnabled).toBe(false);
  });

  it('names the key of a bad value', () => {
    expect(() => read({ scan: { clusterTimeout: 'soon' } })).toThrow(
      'networkScorecard.scan.clusterTimeout is not a duration',
    );
    expect(() => read({ scan: { requestTimeout: '0s' } })).toThrow(
      'networkScorecard.scan.requestTimeout must be longer than zero',
    );
    expect(() => read({ scan: { concurrency: 0 } })).toThrow(
      'networkScorecard.scan.concurrency must be a whole number of at least 1, not 0',
    );
    expect(() => read({ retention: { maxAgeDays: 30 } })).toThrow(
      'networkScorecard.retention.maxAgeDays is no longer read; use networkScorecard.retention.maxAge',
    );
  });
});
