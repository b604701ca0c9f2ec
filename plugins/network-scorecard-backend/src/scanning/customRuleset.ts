import {
  AntiPatternRule,
  CheckRule,
  ReadinessRule,
  Ruleset,
} from '@network-scorecard/common';
import { CustomRuleKind, validateCustomRule } from '@network-scorecard/node';

/**
 * The framework's ruleset plus an organisation's own rules. A custom rule with
 * a framework prefix, a taken id or a bad shape stops the plugin with a message
 * naming it. The version says custom rules are in play, so history can tell
 * the methods apart.
 */
export function customRuleset(
  base: Ruleset,
  extra: {
    checks: CheckRule[];
    antiPatterns: AntiPatternRule[];
    readiness: ReadinessRule[];
  },
): Ruleset {
  const taken = new Set<string>(
    [...base.checks, ...base.antiPatterns, ...base.readiness].map(
      rule => rule.id,
    ),
  );
  const added: [CustomRuleKind, CheckRule | AntiPatternRule | ReadinessRule][] =
    [
      ...extra.checks.map(r => ['check', r] as [CustomRuleKind, CheckRule]),
      ...extra.antiPatterns.map(
        r => ['antiPattern', r] as [CustomRuleKind, AntiPatternRule],
      ),
      ...extra.readiness.map(
        r => ['readiness', r] as [CustomRuleKind, ReadinessRule],
      ),
    ];
  const problems: string[] = [];
  for (const [kind, rule] of added) {
    problems.push(...validateCustomRule(kind, rule, taken));
    taken.add(rule.id);
  }
  if (problems.length > 0) {
    throw new Error(
      `Network Scorecard cannot use the custom rules: ${problems.join('; ')}`,
    );
  }
  if (added.length === 0) return base;
  return {
    version: `${base.version}+custom.${added
      .map(([, r]) => r.id)
      .sort()
      .join(',')}`,
    checks: [...base.checks, ...extra.checks],
    antiPatterns: [...base.antiPatterns, ...extra.antiPatterns],
    readiness: [...base.readiness, ...extra.readiness],
  };
}
