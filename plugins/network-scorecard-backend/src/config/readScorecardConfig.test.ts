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
      catalogRefreshMs: 30_000,
      productionLifecycles: undefined,
      notificationsEnabled: true,
      prometheus: [],
      // two missed 30-minute ticks and a 10-minute run
      staleAfterMs: 70 * 60_000,
    });
  });

  it('reads durations as strings or objects', () => {
    const config = read({
      scan: { requestTimeout: '5s', clusterTimeout: { minutes: 3 } },
      retention: { maxAge: '30d' },
      catalog: { refresh: { minutes: 2 } },
      notifications: { enabled: false },
    });
    expect(config.catalogRefreshMs).toBe(120_000);
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
    expect(() => read({ catalog: { refresh: 'often' } })).toThrow(
      'networkScorecard.catalog.refresh is not a duration',
    );
    expect(() => read({ scan: { concurrency: 0 } })).toThrow(
      'networkScorecard.scan.concurrency must be a whole number of at least 1, not 0',
    );
    expect(() => read({ retention: { maxAgeDays: 30 } })).toThrow(
      'networkScorecard.retention.maxAgeDays is no longer read; use networkScorecard.retention.maxAge',
    );
  });

  describe('prometheus', () => {
    it('reads one entry per cluster: url, bearer or basic auth, cluster label, timeout', () => {
      const config = read({
        prometheus: [
          {
            cluster: 'prod-eu-1',
            url: 'https://prometheus.eu.example.com',
            auth: { type: 'bearer', token: 't0ken' },
            timeout: '5s',
          },
          {
            cluster: 'dev-sandbox',
            url: 'http://thanos.example.com/prom',
            auth: { type: 'basic', username: 'scorecard', password: 'pw' },
            clusterLabel: 'k8s_cluster',
          },
          { cluster: 'not-a-cluster-yet', url: 'https://vm.example.com' },
        ],
      });
      expect(config.prometheus).toEqual([
        {
          cluster: 'prod-eu-1',
          connection: {
            url: 'https://prometheus.eu.example.com',
            auth: { type: 'bearer', token: 't0ken' },
          },
          timeoutMs: 5_000,
        },
        {
          cluster: 'dev-sandbox',
          connection: {
            url: 'http://thanos.example.com/prom',
            auth: { type: 'basic', username: 'scorecard', password: 'pw' },
            clusterLabel: { name: 'k8s_cluster', value: 'dev-sandbox' },
          },
          timeoutMs: undefined,
        },
        {
          cluster: 'not-a-cluster-yet',
          connection: { url: 'https://vm.example.com' },
          timeoutMs: undefined,
        },
      ]);
    });

    it('names the entry and key of a bad value', () => {
      const one = (entry: object) => () => read({ prometheus: [entry] });
      expect(one({ cluster: 'a', url: 'not a url' })).toThrow(
        'networkScorecard.prometheus[0].url is not a URL: "not a url"',
      );
      expect(one({ cluster: 'a', url: 'ftp://x' })).toThrow(
        'networkScorecard.prometheus[0].url must be http or https, not ftp:',
      );
      expect(one({ cluster: 'a', url: 'https://u:p@x' })).toThrow(
        'networkScorecard.prometheus[0].url carries credentials; put them in networkScorecard.prometheus[0].auth (a secret)',
      );
      expect(one({ url: 'https://x' })).toThrow(
        'networkScorecard.prometheus[0].cluster must be a non-empty string',
      );
      expect(
        one({ cluster: 'a', url: 'https://x', auth: { type: 'bearer' } }),
      ).toThrow(
        'networkScorecard.prometheus[0].auth.token must be a non-empty string',
      );
      expect(
        one({ cluster: 'a', url: 'https://x', auth: { type: 'oidc' } }),
      ).toThrow(
        'networkScorecard.prometheus[0].auth.type must be bearer or basic, not oidc',
      );
      expect(
        one({ cluster: 'a', url: 'https://x', clusterLabel: 'k8s-cluster' }),
      ).toThrow(
        'networkScorecard.prometheus[0].clusterLabel "k8s-cluster" is not a Prometheus label name',
      );
      expect(one({ cluster: 'a', url: 'https://x', timeout: 'soon' })).toThrow(
        'networkScorecard.prometheus[0].timeout is not a duration',
      );
      expect(() =>
        read({
          prometheus: [
            { cluster: 'a', url: 'https://x' },
            { cluster: 'a', url: 'https://y' },
          ],
        }),
      ).toThrow(
        'networkScorecard.prometheus[1].cluster "a" already has a Prometheus (networkScorecard.prometheus[0])',
      );
    });
  });
});
