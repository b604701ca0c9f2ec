import { gunzipSync } from 'zlib';
import { BodyCache } from './BodyCache';

const json = async (body: Promise<{ gzip: Buffer }>) =>
  JSON.parse(gunzipSync((await body).gzip).toString('utf8'));

describe('BodyCache', () => {
  it('makes an answer once per key, for every request that asks meanwhile', async () => {
    const cache = new BodyCache(2);
    let made = 0;
    const answer = async () => ({ value: { n: ++made }, validUntil: Infinity });
    const [a, b] = await Promise.all([
      cache.get('v1', answer),
      cache.get('v1', answer),
    ]);
    expect(a).toBe(b);
    expect(await json(cache.get('v1', answer))).toEqual({ n: 1 });
    expect(await json(cache.get('v2', answer))).toEqual({ n: 2 });
    expect(made).toBe(2);
  });

  it('gives equal JSON equal tags, and other JSON another tag', async () => {
    const cache = new BodyCache(4);
    const same = async () => ({ value: { a: [1, 2] }, validUntil: Infinity });
    const other = async () => ({ value: { a: [2, 1] }, validUntil: Infinity });
    const [one, two, three] = await Promise.all([
      cache.get('k1', same),
      cache.get('k2', same),
      cache.get('k3', other),
    ]);
    expect(one.etag).toMatch(/^"[\w-]+"$/);
    expect(two.etag).toBe(one.etag);
    expect(three.etag).not.toBe(one.etag);
  });

  it('makes it again once its time is up', async () => {
    let clock = 1_000;
    const cache = new BodyCache(2, () => clock);
    let made = 0;
    const answer = async () => ({ value: ++made, validUntil: 2_000 });
    await cache.get('v', answer);
    clock = 1_999;
    expect(await json(cache.get('v', answer))).toBe(1);
    clock = 2_000;
    expect(await json(cache.get('v', answer))).toBe(2);
  });

  it('keeps the most recently used keys only', async () => {
    const cache = new BodyCache(2);
    let made = 0;
    const answer = async () => ({ value: ++made, validUntil: Infinity });
    await cache.get('a', answer);
    await cache.get('b', answer);
    await cache.get('a', answer);
    await cache.get('c', answer); // b goes
    expect(await json(cache.get('a', answer))).toBe(1);
    expect(await json(cache.get('b', answer))).toBe(4);
  });

  it('does not keep a failed answer', async () => {
    const cache = new BodyCache(2);
    await expect(
      cache.get('v', async () => {
        throw new Error('database gone');
      }),
    ).rejects.toThrow('database gone');
    expect(
      await json(
        cache.get('v', async () => ({ value: 'ok', validUntil: 1e15 })),
      ),
    ).toBe('ok');
  });
});
