import { HistoryPoint } from '@network-scorecard/common';
import { createHistoryLoader } from './historyLoader';

describe('createHistoryLoader', () => {
  it('asks once per cluster and runs at most the allowed number at once', async () => {
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const fetchHistory = jest.fn(
      (_cluster: string) =>
        new Promise<HistoryPoint[]>(resolve => {
          running++;
          most = Math.max(most, running);
          releases.push(() => {
            running--;
            resolve([]);
          });
        }),
    );
    const loader = createHistoryLoader(fetchHistory, 2);
    const loads = ['a', 'b', 'c', 'a', 'd'].map(name => loader.load(name));
    expect(fetchHistory).toHaveBeenCalledTimes(2);
    while (releases.length > 0) {
      releases.shift()!();
      await new Promise(resolve => setTimeout(resolve, 0));
    }
    await Promise.all(loads);
    expect(fetchHistory.mock.calls.map(([name]) => name)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(most).toBe(2);
  });

  it('keeps a failure instead of asking again', async () => {
    const fetchHistory = jest.fn().mockRejectedValue(new Error('503'));
    const loader = createHistoryLoader(fetchHistory, 4);
    await expect(loader.load('a')).rejects.toThrow('503');
    await expect(loader.load('a')).rejects.toThrow('503');
    expect(fetchHistory).toHaveBeenCalledTimes(1);
  });

  it('tells what a finished load gave without waiting, and nothing before', async () => {
    const points: HistoryPoint[] = [];
    const fetchHistory = jest.fn((cluster: string) =>
      cluster === 'down'
        ? Promise.reject(new Error('503'))
        : Promise.resolve(points),
    );
    const loader = createHistoryLoader(fetchHistory, 4);
    expect(loader.peek('a')).toBeUndefined();
    const loading = loader.load('a');
    expect(loader.peek('a')).toBeUndefined();
    await loading;
    expect(loader.peek('a')).toBe(points);
    await expect(loader.load('down')).rejects.toThrow('503');
    expect(loader.peek('down')).toBeNull();
  });
});
