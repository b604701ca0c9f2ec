import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { jsonBody, sendJsonBody } from './jsonBody';

/** Behind the root router's own compression middleware, as the backend serves the plugin. */
async function app(value: unknown) {
  const body = jsonBody(Buffer.from(JSON.stringify(value)));
  const server = express();
  server.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).compression(),
  );
  server.get('/answer', (req, res) => sendJsonBody(req, res, body));
  return server;
}

const value = {
  items: Array.from({ length: 500 }, (_, i) => ({ name: `cluster-${i}` })),
};

describe('sendJsonBody', () => {
  it('sends the kept gzip to a gzip client, untouched by the compression middleware', async () => {
    const res = await request(await app(value))
      .get('/answer')
      .set('Accept-Encoding', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.vary).toContain('Accept-Encoding');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers.etag).toMatch(/^"[\w-]+-gzip"$/);
    expect(res.body).toEqual(value);
  });

  it('sends the same JSON to a client that takes no gzip', async () => {
    const res = await request(await app(value))
      .get('/answer')
      .set('Accept-Encoding', 'identity');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text).toBe(JSON.stringify(value));
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
  });

  it('answers 304 without a body to a client that has it, under either tag', async () => {
    const server = await app(value);
    const gzipped = await request(server).get('/answer');
    const plain = await request(server)
      .get('/answer')
      .set('Accept-Encoding', 'identity');
    for (const tag of [
      gzipped.headers.etag,
      plain.headers.etag,
      `W/${plain.headers.etag}`,
      `"other", ${gzipped.headers.etag}`,
    ]) {
      const again = await request(server)
        .get('/answer')
        .set('If-None-Match', tag);
      expect([tag, again.status, again.text]).toEqual([tag, 304, '']);
    }
    const other = await request(server)
      .get('/answer')
      .set('If-None-Match', '"other"');
    expect(other.status).toBe(200);
  });
});
