import { ClusterFacts, FactId, FactValues } from './types';
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
