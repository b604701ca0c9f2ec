import { setupServer } from 'msw/node';
import { rest } from 'msw';
import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { NetworkScorecardClient } from './NetworkScorecardClient';
import { reports, summaries } from '../__fixtures__/reports';

const baseUrl = 'http://backstage.test/api/network-scorecard';

describe('NetworkScorecardClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new NetworkScorecardClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('lists clusters', async () => {
    server.use(
      rest.get(`${baseUrl}/clusters`, (_req, res, ctx) =>
        res(ctx.json({ items: [summaries['prod-eu-1']] })),
      ),
    );
    const list = await client.listClusters();
    expect(list.items.map(i => i.name)).toEqual(['prod-eu-1']);
    expect(list.items[0].lastScan?.grade).toBe(reports['prod-eu-1'].grade);
  });

  it('encodes the cluster name and parses the report', async () => {
    let path = '';
    server.use(
      rest.get(`${baseUrl}/clusters/:name`, (req, res, ctx) => {
        path = req.url.pathname;
        return res(ctx.json(reports['prod-us-1']));
      }),
    );
    const report = await client.getClusterReport('prod us/1');
    expect(path).toBe('/api/network-scorecard/clusters/prod%20us%2F1');
    expect(report.checks).toEqual(reports['prod-us-1'].checks);
  });

  it('passes the history range and limit', async () => {
    let search = '';
    server.use(
      rest.get(`${baseUrl}/clusters/prod-eu-1/history`, (req, res, ctx) => {
        search = req.url.search;
        return res(ctx.json({ cluster: 'prod-eu-1', items: [] }));
      }),
    );
    await client.getClusterHistory('prod-eu-1', { limit: 30 });
    expect(search).toBe('?limit=30');
    await client.getClusterHistory('prod-eu-1', {
      from: '2026-09-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(new URLSearchParams(search).get('from')).toBe(
      '2026-09-01T00:00:00.000Z',
    );
    expect(new URLSearchParams(search).get('to')).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });

  it('asks for the fleet history by bucket', async () => {
    let bucket: string | null = null;
    server.use(
      rest.get(`${baseUrl}/fleet/history`, (req, res, ctx) => {
        bucket = req.url.searchParams.get('bucket');
        return res(
          ctx.json({ from: 'a', to: 'b', bucket: 'week', buckets: [] }),
        );
      }),
    );
    await client.getFleetHistory({ bucket: 'week' });
    expect(bucket).toBe('week');
  });

  it('lists and withdraws acknowledgements', async () => {
    let method = '';
    server.use(
      rest.get(
        `${baseUrl}/clusters/payments-1/acknowledgements`,
        (_req, res, ctx) => res(ctx.json({ cluster: 'payments-1', items: [] })),
      ),
      rest.delete(
        `${baseUrl}/clusters/payments-1/acknowledgements/ap.mesh-too-early`,
        (req, res, ctx) => {
          method = req.method;
          return res(
            ctx.json({
              cluster: 'payments-1',
              antiPatternId: 'ap.mesh-too-early',
              withdrawn: 1,
            }),
          );
        },
      ),
    );
    expect(await client.listAcknowledgements('payments-1')).toEqual({
      cluster: 'payments-1',
      items: [],
    });
    expect(
      (await client.withdrawAcknowledgement('payments-1', 'ap.mesh-too-early'))
        .withdrawn,
    ).toBe(1);
    expect(method).toBe('DELETE');
  });

  it('asks for an entity by its ref', async () => {
    let entityRef: string | null = null;
    server.use(
      rest.get(`${baseUrl}/entity`, (req, res, ctx) => {
        entityRef = req.url.searchParams.get('entityRef');
        return res(ctx.json({ entityRef, clusters: [] }));
      }),
    );
    const response = await client.getEntityReport('component:default/checkout');
    expect(entityRef).toBe('component:default/checkout');
    expect(response.clusters).toEqual([]);
  });

  it('posts an acknowledgement as JSON', async () => {
    let body: unknown;
    server.use(
      rest.post(
        `${baseUrl}/clusters/prod-eu-1/acknowledgements`,
        async (req, res, ctx) => {
          body = await req.json();
          return res(
            ctx.status(201),
            ctx.json({
              cluster: 'prod-eu-1',
              antiPatternId: 'ap.global-l7-visibility',
              acknowledgement: {
                by: 'user:default/jo',
                reason: 'r',
                at: '2026-11-20T10:00:00.000Z',
                expiresAt: '2027-01-31T23:59:59.000Z',
              },
            }),
          );
        },
      ),
    );
    const request = {
      antiPatternId: 'ap.global-l7-visibility',
      reason: 'r',
      expiresAt: '2027-01-31T23:59:59.000Z',
    };
    const response = await client.acknowledgeAntiPattern('prod-eu-1', request);
    expect(body).toEqual(request);
    expect(response.acknowledgement.by).toBe('user:default/jo');
  });

  it('posts a scan', async () => {
    server.use(
      rest.post(`${baseUrl}/clusters/dev-flannel/scan`, (_req, res, ctx) =>
        res(ctx.json(reports['dev-flannel'])),
      ),
    );
    await expect(client.scanCluster('dev-flannel')).resolves.toMatchObject({
      cluster: 'dev-flannel',
    });
  });

  it('throws a ResponseError with the backend error on 404', async () => {
    server.use(
      rest.get(`${baseUrl}/clusters/nope`, (_req, res, ctx) =>
        res(
          ctx.status(404),
          ctx.json({
            error: { name: 'NotFoundError', message: 'No cluster named nope' },
            request: {
              method: 'GET',
              url: '/api/network-scorecard/clusters/nope',
            },
            response: { statusCode: 404 },
          }),
        ),
      ),
    );
    const error = await client.getClusterReport('nope').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.name).toBe('NotFoundError');
    expect(error.body.error.message).toBe('No cluster named nope');
  });
});
