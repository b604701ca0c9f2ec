import { ClusterFacts } from '../facts';
import { EvaluationContext } from '../context';
import { CheckRule } from './types';

/**
 * Proxy handler that lists, in first-read order, every string key read from
 * the facts. Only `get` is trapped: a spread reads each own key through it,
 * `in` and Object.keys do not. A list with `includes` beats a Set for the
 * handful of facts one rule reads.
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
 * The unknown facts an undecided check read: evaluated again with every fact
 * access recorded, so the report can say what the scanner must be allowed to
 * read without each rule declaring its inputs.
 */
export function unknownReads(
  rule: CheckRule,
  facts: ClusterFacts,
  context: EvaluationContext,
): { fact: string; reason: string }[] {
  const recorder = new ReadRecorder();
  rule.evaluate(new Proxy(facts, recorder), context);
  const table = facts as Record<
    string,
    { value: unknown; reason?: string } | undefined
  >;
  const reads: { fact: string; reason: string }[] = [];
  for (const id of recorder.read) {
    const fact = table[id];
    if (fact === undefined || fact.value === null)
      reads.push({ fact: id, reason: fact?.reason ?? 'not collected' });
  }
  return reads;
}
