/**
 * Selector matching with three answers: true (every pod the lookup stands
 * for is selected), false (none is), undefined (it depends on labels the
 * collector does not read, such as pod labels). Coverage only ever counts
 * `true`, so a selector we cannot decide never covers a namespace.
 */
export type Tri = boolean | undefined;

/** A label's value; null when the label is known to be absent, undefined when it cannot be known. */
export type Lookup = (key: string) => string | null | undefined;

export function all(values: Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.every(v => v === true) ? true : undefined;
}

export function any(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.every(v => v === false) ? false : undefined;
}

function not(value: Tri): Tri {
  return value === undefined ? undefined : !value;
}

interface Requirement {
  key?: unknown;
  operator?: unknown;
  values?: unknown;
}

/** A Kubernetes LabelSelector ({} selects everything). */
export function matchLabelSelector(selector: unknown, lookup: Lookup): Tri {
  if (!selector || typeof selector !== 'object') return true;
  const { matchLabels, matchExpressions } = selector as {
    matchLabels?: Record<string, unknown>;
    matchExpressions?: Requirement[];
  };
  const terms: Tri[] = Object.entries(matchLabels ?? {}).map(([k, v]) => {
    const actual = lookup(k);
    return actual === undefined ? undefined : actual === String(v);
  });
  for (const r of Array.isArray(matchExpressions) ? matchExpressions : []) {
    const actual = lookup(String(r.key));
    const values = Array.isArray(r.values) ? r.values.map(String) : [];
    if (actual === undefined) {
      terms.push(undefined);
      continue;
    }
    switch (r.operator) {
      case 'In':
        terms.push(actual !== null && values.includes(actual));
        break;
      case 'NotIn':
        terms.push(actual === null || !values.includes(actual));
        break;
      case 'Exists':
        terms.push(actual !== null);
        break;
      case 'DoesNotExist':
        terms.push(actual === null);
        break;
      default:
        terms.push(undefined);
    }
  }
  return all(terms);
}

/** True when a LabelSelector has no term at all. */
export function isEmptySelector(selector: unknown): boolean {
  if (!selector || typeof selector !== 'object') return false;
  const { matchLabels, matchExpressions } = selector as {
    matchLabels?: object;
    matchExpressions?: unknown[];
  };
  return (
    Object.keys(matchLabels ?? {}).length === 0 &&
    !(Array.isArray(matchExpressions) && matchExpressions.length)
  );
}

// Calico's selector language: all(), global(), has(k), k == "v", k != "v",
// k in {..}, k not in {..}, contains / starts with / ends with, !, &&, ||, ().
const TOKEN =
  /\s*(\|\||&&|==|!=|!|\(|\)|\{|\}|,|"[^"]*"|'[^']*'|[A-Za-z0-9_.\/-]+)/y;

function tokenize(text: string): string[] | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    tokens.push(m[1]);
  }
  return tokens;
}

class CalicoParser {
  private i = 0;
  constructor(private readonly t: string[], private readonly lookup: Lookup) {}

  parse(): Tri {
    const value = this.or();
    if (this.i !== this.t.length) throw new Error('trailing tokens');
    return value;
  }

  private peek(offset = 0): string | undefined {
    return this.t[this.i + offset];
  }

  private take(expected?: string): string {
    const token = this.t[this.i++];
    if (token === undefined || (expected && token !== expected))
      throw new Error(`expected ${expected ?? 'a token'}`);
    return token;
  }

  private or(): Tri {
    const terms = [this.and()];
    while (this.peek() === '||') {
      this.take();
      terms.push(this.and());
    }
    return terms.length === 1 ? terms[0] : any(terms);
  }

  private and(): Tri {
    const terms = [this.unary()];
    while (this.peek() === '&&') {
      this.take();
      terms.push(this.unary());
    }
    return terms.length === 1 ? terms[0] : all(terms);
  }

  private unary(): Tri {
    if (this.peek() === '!') {
      this.take();
      return not(this.unary());
    }
    return this.primary();
  }

  private string(): string {
    const token = this.take();
    if (!/^["']/.test(token)) throw new Error('expected a string');
    return token.slice(1, -1);
  }

  private set(): string[] {
    this.take('{');
    const values: string[] = [];
    while (this.peek() !== '}') {
      values.push(this.string());
      if (this.peek() === ',') this.take();
    }
    this.take('}');
    return values;
  }

  private primary(): Tri {
    const token = this.take();
    if (token === '(') {
      const inner = this.or();
      this.take(')');
      return inner;
    }
    if ((token === 'all' || token === 'global') && this.peek() === '(') {
      this.take('(');
      this.take(')');
      // global() selects non-namespaced endpoints (hosts, network sets), never pods
      return token === 'all';
    }
    if (token === 'has' && this.peek() === '(') {
      this.take('(');
      const key = this.take();
      this.take(')');
      const v = this.lookup(key);
      return v === undefined ? undefined : v !== null;
    }
    const actual = this.lookup(token);
    const op = this.take();
    const known = (test: (v: string | null) => boolean): Tri =>
      actual === undefined ? undefined : test(actual);
    switch (op) {
      case '==': {
        const s = this.string();
        return known(v => v === s);
      }
      case '!=': {
        const s = this.string();
        return known(v => v !== s);
      }
      case 'in': {
        const s = this.set();
        return known(v => v !== null && s.includes(v));
      }
      case 'not': {
        this.take('in');
        const s = this.set();
        return known(v => v === null || !s.includes(v));
      }
      case 'contains': {
        const s = this.string();
        return known(v => v !== null && v.includes(s));
      }
      case 'starts':
      case 'ends': {
        this.take('with');
        const s = this.string();
        return known(
          v =>
            v !== null && (op === 'starts' ? v.startsWith(s) : v.endsWith(s)),
        );
      }
      default:
        throw new Error(`unknown operator ${op}`);
    }
  }
}

/** A Calico selector expression; empty means all(). Unparseable is undefined (never coverage). */
export function matchCalicoSelector(expression: unknown, lookup: Lookup): Tri {
  if (expression === undefined || expression === null) return true;
  if (typeof expression !== 'string') return undefined;
  if (!expression.trim()) return true;
  const tokens = tokenize(expression);
  if (!tokens) return undefined;
  try {
    return new CalicoParser(tokens, lookup).parse();
  } catch {
    return undefined;
  }
}
