/**
 * `read`, shared by every caller within `ms` of the last read: the fleet
 * routes of one page load read the catalog once. For `staleMs` more, callers
 * get the last value at once while one read refreshes it in the background,
 * so a busy page never waits for the catalog; past that they wait for a
 * fresh read. A failed read is not kept.
 */
export function cachedFor<T>(
  ms: number,
  read: () => Promise<T>,
  options: { staleMs?: number; now?: () => number } = {},
): () => Promise<T> {
  const now = options.now ?? Date.now;
  const staleMs = options.staleMs ?? 0;
  let cached: { at: number; value: Promise<T> } | undefined;
  let refreshing = false;

  const start = () => {
    const value = read();
    const entry = { at: now(), value };
    value.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return entry;
  };

  return () => {
    const age = cached ? now() - cached.at : Infinity;
    if (!cached || age >= ms + staleMs) {
      cached = start();
    } else if (age >= ms && !refreshing) {
      refreshing = true;
      const next = start();
      next.value.then(
        () => {
          cached = next;
          refreshing = false;
        },
        () => {
          refreshing = false;
        },
      );
    }
    return cached.value;
  };
}
