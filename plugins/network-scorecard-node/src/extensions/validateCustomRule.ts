import {
  AntiPatternRule,
  AREAS,
  CheckRule,
  ReadinessRule,
} from '@network-scorecard/common';

/**
 * First id segments the framework owns. A custom rule id starts with the
 * organisation's own prefix instead: `acme.encryption.production`,
 * `acme.ap.public-load-balancer`, `acme.readiness.ipv6`.
 * @public
 */
export const RESERVED_RULE_PREFIXES: readonly string[] = [
  ...AREAS,
  'ap',
  'readiness',
];

/** @public */
export type CustomRuleKind = 'check' | 'antiPattern' | 'readiness';

// The shapes report.schema.json accepts for each kind of id.
const ID_PATTERN: Record<CustomRuleKind, RegExp> = {
  check: /^[a-z0-9-]+(\.[a-z0-9-]+)+$/,
  antiPattern: /^[a-z0-9-]+\.ap\.[a-z0-9-]+$/,
  readiness: /^[a-z0-9-]+(\.[a-z0-9-]+)+$/,
};

const EXAMPLE: Record<CustomRuleKind, string> = {
  check: 'acme.encryption.production',
  antiPattern: 'acme.ap.public-load-balancer',
  readiness: 'acme.readiness.ipv6',
};

/**
 * What is wrong with an organisation's rule before it joins the ruleset:
 * an id outside its own prefix or not in the report's id shape, an id already
 * taken, an unknown area, a weight that is not a positive number, a missing
 * title or evaluate function. Empty when the rule is fine.
 * @public
 */
export function validateCustomRule(
  kind: CustomRuleKind,
  rule: CheckRule | AntiPatternRule | ReadinessRule,
  takenIds: ReadonlySet<string> = new Set(),
): string[] {
  const id = typeof rule?.id === 'string' ? rule.id : '';
  const problems: string[] = [];
  const name = id ? `Custom rule "${id}"` : 'A custom rule';
  if (!ID_PATTERN[kind].test(id)) {
    problems.push(
      `${name}: id must look like "${EXAMPLE[kind]}" (lower-case segments separated by dots)`,
    );
  }
  const prefix = id.split('.')[0];
  if (RESERVED_RULE_PREFIXES.includes(prefix)) {
    problems.push(
      `${name}: "${prefix}." belongs to the framework's own rules; start the id with your organisation's prefix, e.g. "${EXAMPLE[kind]}"`,
    );
  }
  if (id && takenIds.has(id)) problems.push(`${name}: id is already taken`);
  if (typeof rule?.title !== 'string' || rule.title.trim() === '')
    problems.push(`${name}: title is required`);
  if (typeof rule?.evaluate !== 'function')
    problems.push(`${name}: evaluate(facts, context) is required`);
  if (kind === 'check') {
    const check = rule as CheckRule;
    if (!AREAS.includes(check.area))
      problems.push(`${name}: area must be one of ${AREAS.join(', ')}`);
    if (
      typeof check.weight !== 'number' ||
      !Number.isFinite(check.weight) ||
      check.weight <= 0
    ) {
      problems.push(`${name}: weight must be a positive number`);
    }
  }
  if (
    kind === 'antiPattern' &&
    typeof (rule as AntiPatternRule).lesson !== 'string'
  ) {
    problems.push(`${name}: lesson is required`);
  }
  return problems;
}
