import {
  AntiPatternRule,
  CheckRule,
  ReadinessRule,
  Ruleset,
} from '@network-scorecard/common';

/**
 * The framework's ruleset plus an organisation's own rules. Custom ids must not
 * reuse a framework id, and the version says custom rules are in play so
 * history can tell the methods apart.
 */
export function customRuleset(
  base: Ruleset,
  extra: { checks: CheckRule[]; antiPatterns: AntiPatternRule[]; readiness: ReadinessRule[] },
): Ruleset {
  const taken = new Set<string>();
  for (const rule of [...base.checks, ...base.antiPatterns, ...base.readiness]) taken.add(rule.id);
  const added = [...extra.checks, ...extra.antiPatterns, ...extra.readiness];
  for (const rule of added) {
    if (taken.has(rule.id)) {
      throw new Error(`Custom Network Scorecard rule id "${rule.id}" is already taken; use your organisation's own prefix`);
    }
    taken.add(rule.id);
  }
  if (added.length === 0) return base;
  return {
    version: `${base.version}+custom.${added.map(r => r.id).sort().join(',')}`,
    checks: [...base.checks, ...extra.checks],
    antiPatterns: [...base.antiPatterns, ...extra.antiPatterns],
    readiness: [...base.readiness, ...extra.readiness],
  };
}
