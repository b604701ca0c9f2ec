import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { reportSchemaValidator } from '@internal/network-scorecard-test-utils';
import request from 'supertest';
import { ANTI_PATTERN_PENALTY } from '@network-scorecard/common';
import { networkScorecardPlugin } from '../plugin';
import {
  DEMO_CLUSTERS,
  exampleEntities,
  exampleSnapshotsConfig,
} from '../__testUtils__/exampleFleet';

jest.setTimeout(60_000);

const reportProblems = reportSchemaValidator();

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      networkScorecardPlugin,
      catalogServiceMock.factory({ entities: exampleEntities() }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
          networkScorecard: {
            snapshots: exampleSnapshotsConfig(),
            // the test drives scans itself
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 5 },
              initialDelay: { hours: 24 },
            },
          },
        },
      }),
    ],
  });
  return server;
}

const user = () => mockCredentials.user.header('user:default/jo');

describe('network-scorecard routes', () => {
  it('answers 401 without a Backstage token, except /health', async () => {
    const server = await startBackend();
    const denied = await request(server).get('/api/network-scorecard/clusters');
    expect(denied.status).toBe(401);
    expect(denied.body.error.name).toBe('AuthenticationError');
    const health = await request(server).get('/api/network-scorecard/health');
    expect(health.status).toBe(200);
  });

  it('scans every demo cluster into a report valid against the contract', async () => {
    const server = await startBackend();
    for (const name of DEMO_CLUSTERS) {
      const scanned = await request(server)
        .post(`/api/network-scorecard/clusters/${name}/scan`)
        .set('Authorization', user());
      expect(scanned.status).toBe(200);
      expect(reportProblems(scanned.body)).toEqual([]);
      expect(scanned.body.cluster).toBe(name);
      expect(scanned.body.source).toBe('snapshot');
    }

    const list = await request(server)
      .get('/api/network-scorecard/clusters')
      .set('Authorization', user());
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(
      DEMO_CLUSTERS,
    );
    for (const cluster of list.body.items) {
      expect(cluster.lastScan.grade).toMatch(/^[ABCDF?]$/);
      expect(cluster.entityRef).toBe(`resource:default/${cluster.name}`);
    }
    const prodEu = list.body.items.find(
      (c: { name: string }) => c.name === 'prod-eu-1',
    );
    expect(prodEu.lastScan.cni).toBe('cilium');
    expect(prodEu.lifecycle).toBe('production');

    const report = await request(server)
      .get('/api/network-scorecard/clusters/dev-sandbox')
      .set('Authorization', user());
    expect(report.status).toBe(200);
    expect(report.body.facts.cni.value).toBe('flannel');
    expect(reportProblems(report.body)).toEqual([]);

    const history = await request(server)
      .get('/api/network-scorecard/clusters/dev-sandbox/history')
      .set('Authorization', user());
    expect(history.body.items).toHaveLength(1);

    const fleet = await request(server)
      .get('/api/network-scorecard/fleet/summary')
      .set('Authorization', user());
    expect(fleet.status).toBe(200);
    expect(fleet.body.clusters).toBe(DEMO_CLUSTERS.length);
  });

  it("answers 404 in Backstage's error shape for an unknown cluster", async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/network-scorecard/clusters/no-such-cluster')
      .set('Authorization', user());
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      name: 'NotFoundError',
      message: 'No cluster named "no-such-cluster"',
    });
  });

  it('rejects a bad acknowledgement naming the field, and records a good one', async () => {
    const server = await startBackend();
    await request(server)
      .post('/api/network-scorecard/clusters/payments-1/scan')
      .set('Authorization', user());
    const report = await request(server)
      .get('/api/network-scorecard/clusters/payments-1')
      .set('Authorization', user());
    const detected = report.body.antiPatterns.find(
      (ap: { status: string }) => ap.status === 'detected',
    );
    expect(detected).toBeDefined();

    const bad = await request(server)
      .post('/api/network-scorecard/clusters/payments-1/acknowledgements')
      .set('Authorization', user())
      .send({
        antiPatternId: detected.id,
        reason: 'x',
        expiresAt: 'next year',
      });
    expect(bad.status).toBe(400);
    expect(bad.body.error.name).toBe('InputError');
    expect(bad.body.error.message).toContain('body.reason');
    expect(bad.body.error.message).toContain('body.expiresAt');

    const good = await request(server)
      .post('/api/network-scorecard/clusters/payments-1/acknowledgements')
      .set('Authorization', user())
      .send({
        antiPatternId: detected.id,
        reason: 'mesh removal planned for Q1',
        expiresAt: '2099-01-01T00:00:00Z',
      });
    expect(good.status).toBe(201);
    expect(good.body.acknowledgement.by).toBe('user:default/jo');

    const after = await request(server)
      .get('/api/network-scorecard/clusters/payments-1')
      .set('Authorization', user());
    const acked = after.body.antiPatterns.find(
      (ap: { id: string }) => ap.id === detected.id,
    );
    expect(acked.acknowledged).toMatchObject({
      by: 'user:default/jo',
      reason: 'mesh removal planned for Q1',
    });

    // the next scan carries the acknowledgement: a new history row, same method,
    // and the acknowledged anti-pattern's penalty waived
    await request(server)
      .post('/api/network-scorecard/clusters/payments-1/scan')
      .set('Authorization', user());
    const list = await request(server)
      .get('/api/network-scorecard/clusters')
      .set('Authorization', user());
    const payments = list.body.items.find(
      (c: { name: string }) => c.name === 'payments-1',
    );
    expect(payments.lastScan.previous).toMatchObject({
      rulesetVersion: payments.lastScan.rulesetVersion,
    });
    expect(payments.lastScan.score).toBeCloseTo(
      payments.lastScan.previous.score + ANTI_PATTERN_PENALTY,
      1,
    );
    expect(payments.lastScan.antiPatternsDetected).toBe(
      report.body.antiPatterns.filter(
        (ap: { status: string }) => ap.status === 'detected',
      ).length - 1,
    );
  });

  it('finds the clusters a Component runs on, with its namespace', async () => {
    const server = await startBackend();
    const component = exampleEntities().find(
      e => e.kind === 'Component' && Array.isArray(e.spec?.dependsOn),
    )!;
    const res = await request(server)
      .get('/api/network-scorecard/entity')
      .query({ entityRef: `component:default/${component.metadata.name}` })
      .set('Authorization', user());
    expect(res.status).toBe(200);
    expect(res.body.clusters.length).toBeGreaterThan(0);
    expect(res.body.clusters[0].namespace).toBe(
      component.metadata.annotations?.['backstage.io/kubernetes-namespace'],
    );
    const missing = await request(server)
      .get('/api/network-scorecard/entity')
      .query({ entityRef: 'component:default/nope' })
      .set('Authorization', user());
    expect(missing.status).toBe(404);
  });
});
