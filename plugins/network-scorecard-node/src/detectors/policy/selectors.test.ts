import { Lookup, matchCalicoSelector, matchLabelSelector } from './selectors';

const ns: Record<string, string> = {
  'projectcalico.org/name': 'shop',
  team: 'web',
};
/** namespace labels known, everything else (pod labels) unknown */
const lookup: Lookup = key => {
  if (key in ns) return ns[key];
  return key.startsWith('projectcalico.org/') ? null : undefined;
};

describe('Calico selectors', () => {
  it.each([
    ['all()', true],
    ['', true],
    ['global()', false],
    ['has(projectcalico.org/name)', true],
    ['projectcalico.org/name == "shop"', true],
    ["projectcalico.org/name != 'shop'", false],
    ['projectcalico.org/name not in {"kube-system", "calico-system"}', true],
    ['projectcalico.org/name in {"kube-system"}', false],
    [
      'has(projectcalico.org/name) && projectcalico.org/name not in {"kube-system"}',
      true,
    ],
    ['team == "web" || app == "x"', true],
    ['team == "db" || app == "x"', undefined],
    ['team == "db" && app == "x"', false],
    ['!(team == "db")', true],
    ['team starts with "w" && team ends with "b" && team contains "e"', true],
    ["color == 'red'", undefined],
    ['this is not a selector', undefined],
  ])('%s -> %s', (expression, expected) => {
    expect(matchCalicoSelector(expression, lookup)).toBe(expected);
  });
});

describe('Kubernetes label selectors', () => {
  it.each([
    [{}, true],
    [{ matchLabels: { team: 'web' } }, true],
    [{ matchLabels: { team: 'db' } }, false],
    [{ matchLabels: { app: 'x' } }, undefined],
    [
      {
        matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['db'] }],
      },
      true,
    ],
    [
      {
        matchExpressions: [
          { key: 'projectcalico.org/x', operator: 'DoesNotExist' },
        ],
      },
      true,
    ],
    [
      {
        matchExpressions: [{ key: 'team', operator: 'Exists' }],
        matchLabels: { app: 'x' },
      },
      undefined,
    ],
  ])('%j -> %s', (selector, expected) => {
    expect(matchLabelSelector(selector, lookup)).toBe(expected);
  });
});
