/** A shared read, and a way to hand it a value read fresh elsewhere. */
export interface CachedRead<T> {
  (): Promise<T>;
  /** keeps `value`, read just now by another caller, as the newest read */
  offer(value: T): void;
}

/**
 * `read`, shared by every caller within `ms` of the last read: the fleet
 * routes of one page load read the catalog once. For `staleMs` more, callers
 * get the last value at once while one read refreshes it in the background,
 * so a busy page never waits for the catalog; past that they wait for a
 * fresh read. A failed read is not kept. A value offered counts as a read
 * made at that moment.
 */
export function cachedFor<T>(
  ms: number,
  read: () => Promise<T>,
  options: { staleMs?: number; now?: () => number } = {},
): CachedRead<T> {
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

  const shared = () => {
    const age = cached ? now() - cached.at : Infinity;
    if (!cached || age >= ms + staleMs) {
      cached = start();
    } else if (age >= ms && !refreshing) {
      refreshing = true;
      const next = start();
      next.value.then(
        () => {
          // a value offered meanwhile is newer than this read
          if (!cached || next.at > cached.at) cached = next;
          refreshing = false;
        },
        () => {
          refreshing = false;
        },
      );
    }
    return cached.value;
  };
  return Object.assign(shared, {
    offer(value: T) {
      cached = { at: now(), value: Promise.resolve(value) };
    },
  });
}
