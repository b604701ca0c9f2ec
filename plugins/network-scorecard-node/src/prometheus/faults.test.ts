import http from 'node:http';
import { AddressInfo } from 'node:net';
import { collectFromPrometheus } from './collectFromPrometheus';
import { QUERY_NAMES } from './queries';

// Prometheus faults, each from a small real HTTP server that answers the
// way a broken or hostile query endpoint does.
const at = '2026-11-26T12:00:00.000Z';

async function serve(handler: http.RequestListener): Promise<{
  url: string;
  close(): Promise<void>;
  seen: http.IncomingMessage[];
}> {
  const seen: http.IncomingMessage[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  server.on('connection', s => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>(r => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

describe('Prometheus faults become unknown facts with the reason', () => {
  it('HTTP 500', async () => {
    const server = await serve((_req, res) =>
      json(res, 500, {
        status: 'error',
        errorType: 'internal',
        error: 'storage is down',
      }),
    );
    try {
      const { facts, errors } = await collectFromPrometheus(
        'c',
        { url: server.url },
        { at },
      );
      expect(errors).toHaveLength(7);
      expect(facts['traffic.dns']).toEqual({
        value: null,
        evidence: [],
        reason:
          'error: Prometheus query sum by (rcode) (rate(hubble_dns_responses_total[1h])): HTTP 500 (internal: storage is down)',
      });
    } finally {
      await server.close();
    }
  });

  it('a server that never answers: each query gives up at the timeout', async () => {
    const server = await serve(() => undefined);
    try {
      const started = Date.now();
      const { facts } = await collectFromPrometheus(
        'c',
        { url: server.url },
        { at, timeoutMs: 300 },
      );
      expect(Date.now() - started).toBeLessThan(3000);
      expect(facts['traffic.lostEvents']?.reason).toBe(
        'timeout: Prometheus query sum by (source) (rate(hubble_lost_events_total[1h])): no answer within 300 ms',
      );
    } finally {
      await server.close();
    }
  });

  it('a huge answer is cut off at the byte limit, not read whole', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(
        '{"status":"success","data":{"resultType":"vector","result":["',
      );
      let sent = 0;
      const push = () => {
        while (sent < 50 * 1024 * 1024 && res.write(chunk))
          sent += chunk.length;
        if (sent < 50 * 1024 * 1024 && !res.destroyed) res.once('drain', push);
      };
      push();
    });
    try {
      const maxBytes = 256 * 1024;
      const { facts, stats } = await collectFromPrometheus(
        'c',
        { url: server.url },
        { at, maxBytes },
      );
      expect(facts['traffic.drops']?.reason).toBe(
        `error: Prometheus query sum by (reason) (rate(hubble_drop_total[1h])): too large, more than ${maxBytes} bytes`,
      );
      // every query stops within one chunk of the limit
      expect(stats.bytes).toBeLessThan(
        QUERY_NAMES.length * (maxBytes + 128 * 1024),
      );
    } finally {
      await server.close();
    }
  });

  it('a result that is not an instant vector, or a sample without a value', async () => {
    const server = await serve((req, res) => {
      const query =
        new URL(req.url ?? '', 'http://x').searchParams.get('query') ?? '';
      if (query.includes('hubble_drop_total'))
        json(res, 200, {
          status: 'success',
          data: { resultType: 'matrix', result: [] },
        });
      else
        json(res, 200, {
          status: 'success',
          data: {
            resultType: 'vector',
            result: [{ metric: {}, value: [1, 2] }],
          },
        });
    });
    try {
      const { facts } = await collectFromPrometheus(
        'c',
        { url: server.url },
        { at },
      );
      expect(facts['traffic.drops']?.reason).toBe(
        'error: Prometheus query sum by (reason) (rate(hubble_drop_total[1h])): bad result shape (expected a vector, got matrix)',
      );
      expect(facts['traffic.dns']?.reason).toBe(
        'error: Prometheus query sum by (rcode) (rate(hubble_dns_responses_total[1h])): bad result shape (a sample without labels or value)',
      );
    } finally {
      await server.close();
    }
  });

  it('sends the bearer token or basic credentials, and never shows them', async () => {
    const empty = {
      status: 'success',
      data: { resultType: 'vector', result: [] },
    };
    const server = await serve((_req, res) => json(res, 200, empty));
    try {
      const bearer = await collectFromPrometheus(
        'c',
        { url: server.url, auth: { type: 'bearer', token: 's3cret-token' } },
        { at },
      );
      expect(server.seen[0].headers.authorization).toBe('Bearer s3cret-token');
      expect(server.seen[0].url).toMatch(
        /^\/api\/v1\/query\?query=.*&time=1795694400$/,
      );
      const basic = await collectFromPrometheus(
        'c',
        {
          url: `${server.url}/prom/`,
          auth: { type: 'basic', username: 'scorecard', password: 'pw' },
        },
        { at },
      );
      const last = server.seen[server.seen.length - 1];
      expect(last.headers.authorization).toBe(
        `Basic ${Buffer.from('scorecard:pw').toString('base64')}`,
      );
      expect(last.url).toMatch(/^\/prom\/api\/v1\/query\?/);
      const shown = JSON.stringify([bearer.facts, basic.facts]);
      expect(shown).not.toContain('s3cret-token');
      expect(shown).not.toContain(
        Buffer.from('scorecard:pw').toString('base64'),
      );
    } finally {
      await server.close();
    }
  });

  it('a refused connection', async () => {
    const server = await serve(() => undefined);
    const url = server.url;
    await server.close();
    const { facts } = await collectFromPrometheus('c', { url }, { at });
    expect(facts['traffic.flows']?.reason).toMatch(
      /^error: connection refused/,
    );
  });

  it('settings that cannot make a query: every fact unknown, nothing sent', async () => {
    const server = await serve(() => undefined);
    try {
      const badTime = await collectFromPrometheus(
        'c',
        { url: server.url },
        { at: 'yesterday' },
      );
      expect(badTime.facts['traffic.dns']?.reason).toBe(
        'error: invalid Prometheus settings for c: evaluation time "yesterday" is not a date',
      );
      const badWindow = await collectFromPrometheus(
        'c',
        { url: server.url },
        { window: '1 hour' },
      );
      expect(badWindow.errors).toHaveLength(7);
      expect(badWindow.errors[0].reason).toBe(
        'error: invalid Prometheus settings for c: window "1 hour" is not a PromQL duration',
      );
      const badUrl = await collectFromPrometheus('c', { url: 'ftp://x' });
      expect(badUrl.facts['traffic.flows']?.reason).toMatch(
        /is not an http\(s\) URL$/,
      );
      expect(server.seen).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
