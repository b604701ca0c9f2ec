/**
 * `read`, shared by every caller within `ms` of the last read: the fleet
 * routes of one page load read the catalog once. A failed read is not kept.
 */
export function cachedFor<T>(
  ms: number,
  read: () => Promise<T>,
  now: () => number = Date.now,
): () => Promise<T> {
  let cached: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!cached || now() - cached.at >= ms) {
      const value = read();
      const entry = { at: now(), value };
      cached = entry;
      value.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.value;
  };
}
