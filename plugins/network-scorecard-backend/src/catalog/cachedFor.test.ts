import { cachedFor } from './cachedFor';

/**
 * A cached read on a clock the test moves, whose first read answers at once
 * and each later one (numbered) only when the test calls release().
 */
function heldReads() {
  const state = { reads: 0, clock: 0, release: () => {} };
  const read = cachedFor(
    2_000,
    () =>
      new Promise<number>(resolve => {
        const n = ++state.reads;
        state.release = () => resolve(n);
        if (n === 1) resolve(n);
      }),
    { staleMs: 30_000, now: () => state.clock },
  );
  return { read, state };
}

describe('cachedFor', () => {
  it('shares one read within the window and reads again after it', async () => {
    let reads = 0;
    let clock = 0;
    const read = cachedFor(10_000, async () => ++reads, { now: () => clock });
    expect(await Promise.all([read(), read()])).toEqual([1, 1]);
    clock = 9_999;
    expect(await read()).toBe(1);
    clock = 10_000;
    expect(await read()).toBe(2);
  });

  it('answers with a value offered by a fresh read elsewhere, and keeps it over an older refresh', async () => {
    const { read, state } = heldReads();
    expect(await read()).toBe(1);
    state.clock = 3_000;
    // stale: a refresh starts; a scan then offers what it has just read
    expect(await read()).toBe(1);
    read.offer(100);
    expect(await read()).toBe(100);
    state.release();
    await Promise.resolve();
    await Promise.resolve();
    // the refresh began before the offer: the offered value stays
    expect(await read()).toBe(100);
    // and it is fresh for a whole window from when it was offered
    state.clock = 4_999;
    expect(await read()).toBe(100);
    expect(state.reads).toBe(2);
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

  it('answers with the last value while one read refreshes it, until it is too old', async () => {
    const { read, state } = heldReads();
    expect(await read()).toBe(1);
    state.clock = 5_000;
    // stale: answered at once with the last value; one refresh starts
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    expect(state.reads).toBe(2);
    state.release();
    await Promise.resolve();
    await Promise.resolve();
    expect(await read()).toBe(2);
    // past the stale window the caller waits for a fresh read
    state.clock = 5_000 + 32_000;
    const fresh = read();
    expect(state.reads).toBe(3);
    state.release();
    expect(await fresh).toBe(3);
  });

  it('keeps the last value when a refresh fails', async () => {
    let clock = 0;
    let fail = false;
    const read = cachedFor(
      2_000,
      async () => {
        if (fail) throw new Error('catalog unavailable');
        return 'first';
      },
      { staleMs: 30_000, now: () => clock },
    );
    expect(await read()).toBe('first');
    fail = true;
    clock = 3_000;
    expect(await read()).toBe('first');
    await new Promise(r => setImmediate(r));
    expect(await read()).toBe('first');
  });
});
