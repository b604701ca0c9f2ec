import request from 'supertest';
import { startDemoBackend, userHeader } from '../__testUtils__/demoBackend';

jest.setTimeout(60_000);

const api = '/api/network-scorecard';

async function scanned(names: string[]) {
  const server = await startDemoBackend();
  for (const name of names) {
    const res = await request(server)
      .post(`${api}/clusters/${name}/scan`)
      .set('Authorization', userHeader());
    expect(res.status).toBe(200);
  }
  return server;
}

describe('history routes', () => {
  it('returns a cluster’s points in a time range and names a bad bound', async () => {
    const server = await scanned(['prod-us-1']);
    const all = await request(server)
      .get(`${api}/clusters/prod-us-1/history`)
      .set('Authorization', userHeader());
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ cluster: 'prod-us-1', total: 1 });
    const [point] = all.body.items;
    expect(point.readiness.length).toBeGreaterThan(0);

    const before = await request(server)
      .get(`${api}/clusters/prod-us-1/history`)
      .query({ from: '2020-01-01', to: '2020-02-01T00:00:00Z' })
      .set('Authorization', userHeader());
    expect(before.body).toMatchObject({
      from: '2020-01-01T00:00:00.000Z',
      to: '2020-02-01T00:00:00.000Z',
      total: 0,
      items: [],
    });

    const bad = await request(server)
      .get(`${api}/clusters/prod-us-1/history`)
      .query({ from: 'last tuesday' })
      .set('Authorization', userHeader());
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('query.from');
    const reversed = await request(server)
      .get(`${api}/clusters/prod-us-1/history`)
      .query({ from: '2026-02-01', to: '2026-01-01' })
      .set('Authorization', userHeader());
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toContain('is after query.to');
    const unknown = await request(server)
      .get(`${api}/clusters/prod-us-1/history`)
      .query({ since: '2026-01-01' })
      .set('Authorization', userHeader());
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('since');
  });

  it('counts the fleet per week by grade, readiness and anti-pattern', async () => {
    const server = await scanned(['prod-us-1', 'payments-1', 'prod-eu-1']);
    const list = await request(server)
      .get(`${api}/clusters`)
      .set('Authorization', userHeader());
    const grades: Record<string, number> = {};
    for (const row of list.body.items) {
      if (row.lastScan)
        grades[row.lastScan.grade] = (grades[row.lastScan.grade] ?? 0) + 1;
    }
    const res = await request(server)
      .get(`${api}/fleet/history`)
      .query({ from: '2026-01-01', to: '2027-01-01', bucket: 'week' })
      .set('Authorization', userHeader());
    expect(res.status).toBe(200);
    expect(res.body.bucket).toBe('week');
    const total = res.body.buckets.reduce(
      (sum: number, b: { clusters: number }) => sum + b.clusters,
      0,
    );
    expect(total).toBe(3);
    const byGrade: Record<string, number> = {};
    for (const bucket of res.body.buckets)
      for (const [grade, n] of Object.entries(bucket.byGrade))
        byGrade[grade] = (byGrade[grade] ?? 0) + (n as number);
    expect(byGrade).toEqual(grades);
    // prod-us-1 migrates off a standalone CNI: the anti-pattern is counted
    const detected = res.body.buckets.flatMap(
      (b: { antiPatternsDetected: Record<string, number> }) =>
        Object.keys(b.antiPatternsDetected),
    );
    expect(detected).toContain('ap.standalone-cni-migration');

    const bad = await request(server)
      .get(`${api}/fleet/history`)
      .query({ bucket: 'month' })
      .set('Authorization', userHeader());
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('query.bucket');
  });
});

describe('acknowledgement trail', () => {
  async function acknowledged(denied?: string[]) {
    const server = await startDemoBackend({ denied });
    await request(server)
      .post(`${api}/clusters/payments-1/scan`)
      .set('Authorization', userHeader());
    const created = await request(server)
      .post(`${api}/clusters/payments-1/acknowledgements`)
      .set('Authorization', userHeader())
      .send({
        antiPatternId: 'ap.mesh-too-early',
        reason: 'mesh removal planned for Q1',
        expiresAt: '2099-01-01T00:00:00Z',
      });
    expect(created.status).toBe(201);
    return server;
  }

  it('lists the trail newest first and withdraws an acknowledgement, audited against the user', async () => {
    const server = await acknowledged();
    const withdrawn = await request(server)
      .delete(`${api}/clusters/payments-1/acknowledgements/ap.mesh-too-early`)
      .set('Authorization', userHeader('user:default/lee'));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toEqual({
      cluster: 'payments-1',
      antiPatternId: 'ap.mesh-too-early',
      withdrawn: 1,
    });

    const report = await request(server)
      .get(`${api}/clusters/payments-1`)
      .set('Authorization', userHeader());
    expect(
      report.body.antiPatterns.find(
        (ap: { id: string }) => ap.id === 'ap.mesh-too-early',
      ).acknowledged,
    ).toBeNull();
    const trail = await request(server)
      .get(`${api}/clusters/payments-1/acknowledgements`)
      .set('Authorization', userHeader());
    expect(trail.body.items).toEqual([
      expect.objectContaining({
        antiPatternId: 'ap.mesh-too-early',
        acknowledgement: expect.objectContaining({ by: 'user:default/jo' }),
        withdrawn: expect.objectContaining({ by: 'user:default/lee' }),
      }),
    ]);

    const again = await request(server)
      .delete(`${api}/clusters/payments-1/acknowledgements/ap.mesh-too-early`)
      .set('Authorization', userHeader('user:default/lee'));
    expect(again.status).toBe(404);
  });

  it('refuses a withdrawal the permission policy denies, and keeps the acknowledgement', async () => {
    const server = await acknowledged([
      'network-scorecard.acknowledgement.delete',
    ]);
    const denied = await request(server)
      .delete(`${api}/clusters/payments-1/acknowledgements/ap.mesh-too-early`)
      .set('Authorization', userHeader());
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain(
      'network-scorecard.acknowledgement.delete',
    );
    const trail = await request(server)
      .get(`${api}/clusters/payments-1/acknowledgements`)
      .set('Authorization', userHeader());
    expect(trail.body.items[0].withdrawn).toBeNull();
  });
});
