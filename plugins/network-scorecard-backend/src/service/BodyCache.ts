import { JsonBody, jsonBody } from './jsonBody';

/**
 * An answer (a value, or the JSON of one as UTF-8) and the time it stops
 * holding even if nothing is written (Infinity: never).
 */
export type Answer = { validUntil: number } & (
  | { value: unknown }
  | { json: Buffer }
);

interface Entry {
  body: Promise<JsonBody>;
  validUntil: number;
}

/**
 * Serialised answers by key, the most recently used `size` of them. A key
 * must name every input the answer depends on, as read from the database
 * (a version that changes with each write, whichever replica made it), so a
 * kept answer is served only while it is still what a fresh read would say.
 * Callers read the key before the answer: an answer newer than its key is
 * made again once, never an older one served. Requests for one key share
 * one build; a failed build is not kept.
 */
export class BodyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly size: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, answer: () => Promise<Answer>): Promise<JsonBody> {
    const kept = this.entries.get(key);
    if (kept && this.now() < kept.validUntil) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept.body;
    }
    // shared by the requests that come while it is made
    const entry = { validUntil: Infinity } as Entry;
    entry.body = answer().then(made => {
      entry.validUntil = made.validUntil;
      return jsonBody(
        'json' in made
          ? made.json
          : Buffer.from(JSON.stringify(made.value), 'utf8'),
      );
    });
    entry.body.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.size) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return entry.body;
  }
}
