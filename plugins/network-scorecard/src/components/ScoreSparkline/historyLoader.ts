import { HistoryPoint } from '@network-scorecard/common';

/** Loads each cluster's recent history once, a few requests at a time. */
export interface HistoryLoader {
  load(cluster: string): Promise<HistoryPoint[]>;
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
      }
      return pending;
    },
  };
}
