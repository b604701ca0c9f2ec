import { KubeObject } from './types';

type Requirement =
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'absent' };

/** Splits on commas outside parentheses: "a in (x,y),b" -> ["a in (x,y)", "b"] */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  terms.push(current);
  return terms.map(t => t.trim()).filter(Boolean);
}

function parseTerm(term: string): Requirement {
  let m = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (m) {
    const values = m[3]
      .split(',')
      .map(v => v.trim())
      .filter(Boolean);
    return { key: m[1], op: m[2] as 'in' | 'notin', values };
  }
  m = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
  if (m) return { key: m[1], op: m[2] === '!=' ? 'neq' : 'eq', value: m[3] };
  m = /^!\s*(\S+)$/.exec(term);
  if (m) return { key: m[1], op: 'absent' };
  if (/^\S+$/.test(term)) return { key: term, op: 'exists' };
  throw new Error(`unable to parse requirement "${term}"`);
}

/** Parses a label selector in the equality- and set-based forms; throws on bad syntax. */
export function parseSelector(selector: string | undefined): Requirement[] {
  return selector ? splitTerms(selector).map(parseTerm) : [];
}

function matches(
  requirements: Requirement[],
  lookup: (key: string) => string | undefined,
): boolean {
  return requirements.every(r => {
    const actual = lookup(r.key);
    switch (r.op) {
      case 'eq':
        return actual === r.value;
      case 'neq':
        return actual !== r.value;
      case 'in':
        return actual !== undefined && r.values.includes(actual);
      case 'notin':
        return actual === undefined || !r.values.includes(actual);
      case 'exists':
        return actual !== undefined;
      default:
        return actual === undefined;
    }
  });
}

/** Whether an object's labels satisfy a label selector. */
export function matchesLabelSelector(
  object: KubeObject,
  selector: string | undefined,
): boolean {
  const labels = object.metadata.labels ?? {};
  return matches(parseSelector(selector), key => labels[key]);
}

/** Whether an object satisfies a field selector such as "metadata.name=x,spec.nodeName!=y". */
export function matchesFieldSelector(
  object: KubeObject,
  selector: string | undefined,
): boolean {
  return matches(parseSelector(selector), path => {
    let value: unknown = object;
    for (const part of path.split('.')) {
      value =
        value && typeof value === 'object'
          ? (value as Record<string, unknown>)[part]
          : undefined;
    }
    return value === undefined || value === null ? undefined : String(value);
  });
}
