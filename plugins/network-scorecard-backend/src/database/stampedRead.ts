/**
 * The last answer of a read, kept while the table it comes from has no
 * newer row: the caller names that row (its highest id) as the stamp. A
 * failed read is not kept.
 */
export class StampedRead<T> {
  private last?: { stamp: string; value: Promise<T> };

  constructor(private readonly read: () => Promise<T>) {}

  get(stamp: string): Promise<T> {
    if (this.last?.stamp !== stamp) {
      const entry = { stamp, value: this.read() };
      this.last = entry;
      entry.value.catch(() => {
        if (this.last === entry) this.last = undefined;
      });
    }
    return this.last.value;
  }
}
