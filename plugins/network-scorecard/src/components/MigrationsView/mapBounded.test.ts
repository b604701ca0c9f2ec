import { mapBounded } from './mapBounded';

describe('mapBounded', () => {
  it('never runs more than the limit at once and keeps the order of the items', async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded([1, 2, 3, 4, 5, 6, 7], 3, async n => {
      running++;
      most = Math.max(most, running);
      await new Promise(resolve => setTimeout(resolve, 8 - n));
      running--;
      if (n === 4) throw new Error('four');
      return n * 10;
    });
    expect(most).toBe(3);
    expect(
      results.map(r => (r.status === 'fulfilled' ? r.value : 'failed')),
    ).toEqual([10, 20, 30, 'failed', 50, 60, 70]);
  });
});
