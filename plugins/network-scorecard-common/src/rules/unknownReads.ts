import { ClusterFacts } from '../facts';
import { EvaluationContext } from '../context';
import { CheckRule } from './types';

const TRAFFIC_PREFIX = 'traffic.';

/**
 * Of the facts a check read (`read[from]` up to `read[to]`, repeats
 * allowed), the unknown ones and why, in first-read order: what the scanner
 * must be allowed to read.
 */
export function unknownFacts(
  facts: ClusterFacts,
  read: readonly string[],
  from = 0,
  to = read.length,
): { fact: string; reason: string }[] {
  const table = facts as Record<
    string,
    { value: unknown; reason?: string } | undefined
  >;
  const unknown: { fact: string; reason: string }[] = [];
  for (let k = from; k < to; k++) {
    const id = read[k];
    // Only the first read of a fact counts; a check reads a handful.
    if (read.indexOf(id, from) < k) continue;
    const fact = table[id];
    // A cluster without Prometheus lacks the traffic facts by choice: nothing to grant.
    if (
      id.startsWith(TRAFFIC_PREFIX) &&
      (fact === undefined || fact.reason?.startsWith('not applicable:'))
    )
      continue;
    if (fact === undefined || fact.value === null)
      unknown.push({ fact: id, reason: fact?.reason ?? 'not collected' });
  }
  return unknown;
}

/**
 * Proxy handler that lists, in first-read order, every string key read from
 * the facts. Only `get` is trapped: a spread reads each own key through it,
 * `in` and Object.keys do not.
 */
class ReadRecorder implements ProxyHandler<ClusterFacts> {
  readonly read: string[] = [];

  get(target: ClusterFacts, key: string | symbol, receiver: unknown): unknown {
    if (typeof key === 'string' && !this.read.includes(key))
      this.read.push(key);
    return Reflect.get(target, key, receiver);
  }
}

/**
 * The facts a check reads, found by evaluating it again with every access
 * recorded: for checks that may read facts other than through facts/access.
 */
export function proxiedReads(
  rule: CheckRule,
  facts: ClusterFacts,
  context: EvaluationContext,
): string[] {
  const recorder = new ReadRecorder();
  rule.evaluate(new Proxy(facts, recorder), context);
  return recorder.read;
}
