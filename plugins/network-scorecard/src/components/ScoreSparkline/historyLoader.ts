import { HistoryPoint } from '@network-scorecard/common';

/** Loads each cluster's recent history once, a few requests at a time. */
export interface HistoryLoader {
  load(cluster: string): Promise<HistoryPoint[]>;
  /**
   * What a finished load gave, without waiting: the points, `null` when it
   * failed, `undefined` while it runs or before it was asked for.
   */
  peek(cluster: string): HistoryPoint[] | null | undefined;
}

/**
 * Requests are cached per cluster (also failed ones: a row scrolled past
 * twice does not ask twice) and at most `concurrency` run at once, so a fast
 * scroll through many rows queues instead of flooding the backend.
 */
export function createHistoryLoader(
  fetchHistory: (cluster: string) => Promise<HistoryPoint[]>,
  concurrency: number,
): HistoryLoader {
  const cache = new Map<string, Promise<HistoryPoint[]>>();
  const settled = new Map<string, HistoryPoint[] | null>();
  const waiting: (() => void)[] = [];
  let running = 0;

  const startNext = () => {
    if (running >= concurrency) return;
    const start = waiting.shift();
    if (start) start();
  };

  const enqueue = (cluster: string) =>
    new Promise<HistoryPoint[]>((resolve, reject) => {
      waiting.push(() => {
        running++;
        fetchHistory(cluster)
          .then(resolve, reject)
          .finally(() => {
            running--;
            startNext();
          });
      });
      startNext();
    });

  return {
    load(cluster) {
      let pending = cache.get(cluster);
      if (!pending) {
        pending = enqueue(cluster);
        cache.set(cluster, pending);
        pending.then(
          points => settled.set(cluster, points),
          () => settled.set(cluster, null),
        );
      }
      return pending;
    },
    peek(cluster) {
      return settled.get(cluster);
    },
  };
}
