import { ClusterFacts, FactId, unknownReason } from '../facts';
import { CheckResult } from './types';

/** A check result for a rule whose input fact is unknown: never pass, never fail. */
export function unknownBecause(facts: ClusterFacts, ids: FactId[]): CheckResult {
  const reasons = ids
    .map(id => unknownReason(facts, id))
    .filter((r): r is string => r !== undefined);
  return {
    status: 'unknown',
    evidence: reasons,
    recommendation: `Cannot judge until these facts can be read: ${reasons.join('; ')}. Check the scanner's access to the cluster.`,
  };
}

/** "1 node" / "3 nodes" */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
