import { cachedFor } from './cachedFor';

describe('cachedFor', () => {
  it('shares one read within the window and reads again after it', async () => {
    let reads = 0;
    let clock = 0;
    const read = cachedFor(
      10_000,
      async () => ++reads,
      () => clock,
    );
    expect(await Promise.all([read(), read()])).toEqual([1, 1]);
    clock = 9_999;
    expect(await read()).toBe(1);
    clock = 10_000;
    expect(await read()).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const read = cachedFor(10_000, async () => {
      if (fail) throw new Error('catalog unavailable');
      return 'ok';
    });
    await expect(read()).rejects.toThrow('catalog unavailable');
    fail = false;
    expect(await read()).toBe('ok');
  });
});
