import { CheckRule } from './types';
import { defaultRuleset } from './ruleset';

/**
 * The checks of this package read facts only through facts/access, which
 * notes each read (notedReads.test.ts holds them to it against a Proxy); any
 * other check is evaluated again under a Proxy to learn what it read.
 */
const NOTED = new WeakSet<CheckRule>(defaultRuleset.checks);

export function readsAreNoted(rule: CheckRule): boolean {
  return NOTED.has(rule);
}
