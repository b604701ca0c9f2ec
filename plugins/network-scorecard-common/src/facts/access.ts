import { ClusterFacts, Fact, FactId, FactValues } from './types';
import { TrafficFactId } from './traffic';
import { noteRead } from './reads';

/** The value of a fact, or null when it is unknown or missing. @public */
export function factValue<K extends FactId>(
  facts: ClusterFacts,
  id: K,
): FactValues[K] | null {
  noteRead(facts, id);
  const fact = facts[id];
  return fact && fact.value !== null && fact.value !== undefined
    ? (fact.value as FactValues[K])
    : null;
}

/** The evidence of a fact (empty when missing). @public */
export function factEvidence(facts: ClusterFacts, id: FactId): string[] {
  noteRead(facts, id);
  return facts[id]?.evidence ?? [];
}

/** Why a fact is unknown, for messages ("forbidden: …"); undefined when known. @public */
export function unknownReason(
  facts: ClusterFacts,
  id: FactId,
): string | undefined {
  noteRead(facts, id);
  const fact = facts[id];
  if (!fact) return `${id}: not collected`;
  if (fact.value === null || fact.value === undefined) {
    return `${id}: ${fact.reason ?? 'unknown'}`;
  }
  return undefined;
}

/**
 * A traffic fact as a check needs it: `absent` when the cluster has no
 * Prometheus (the fact is missing, or marked not applicable), `unknown` when
 * Prometheus was asked and did not answer (reason says why), else its value.
 * @public
 */
export type TrafficReading<K extends TrafficFactId> =
  | { state: 'absent' }
  | { state: 'unknown'; reason: string; evidence: string[] }
  | { state: 'known'; value: FactValues[K]; evidence: string[] };

/** @public */
export function trafficFact<K extends TrafficFactId>(
  facts: ClusterFacts,
  id: K,
): TrafficReading<K> {
  noteRead(facts, id);
  const fact = facts[id] as Fact<FactValues[K]> | undefined;
  if (!fact) return { state: 'absent' };
  if (fact.value === null || fact.value === undefined) {
    const reason = fact.reason ?? 'unknown';
    return reason.startsWith('not applicable:')
      ? { state: 'absent' }
      : {
          state: 'unknown',
          reason: `${id}: ${reason}`,
          evidence: fact.evidence,
        };
  }
  return { state: 'known', value: fact.value, evidence: fact.evidence };
}
