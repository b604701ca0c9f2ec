import { CheckRule, defaultRuleset } from '@network-scorecard/common';
import { validateCustomRule } from './validateCustomRule';

const check: CheckRule = {
  id: 'acme.encryption.production',
  area: 'encryption',
  weight: 2,
  title: 'Production clusters encrypt pod traffic',
  default: 'WireGuard on',
  switchWhen: 'never',
  rationale: 'Policy of ACME.',
  evaluate: () => ({ status: 'pass', evidence: [], recommendation: '' }),
};

describe('validateCustomRule', () => {
  it('accepts an id under the organisation prefix', () => {
    expect(validateCustomRule('check', check)).toEqual([]);
    expect(
      validateCustomRule('antiPattern', {
        id: 'acme.ap.public-load-balancer',
        title: 'Public load balancers',
        lesson: 'Keep them internal.',
        evaluate: () => ({ status: 'clear', evidence: [] }),
      }),
    ).toEqual([]);
  });

  it("refuses the framework's prefixes and taken ids", () => {
    expect(
      validateCustomRule('check', { ...check, id: 'encryption.production' }),
    ).toEqual([
      `Custom rule "encryption.production": "encryption." belongs to the framework's own rules; start the id with your organisation's prefix, e.g. "acme.encryption.production"`,
    ]);
    const taken = new Set(defaultRuleset.checks.map(r => r.id));
    expect(
      validateCustomRule('check', { ...check, id: 'mesh.need' }, taken),
    ).toContain('Custom rule "mesh.need": id is already taken');
  });

  it('refuses ids the report schema would reject, bad areas and weights', () => {
    const bad = {
      ...check,
      id: 'Acme_Rule',
      area: 'dns',
      weight: 0,
    } as unknown as CheckRule;
    expect(validateCustomRule('check', bad)).toEqual([
      'Custom rule "Acme_Rule": id must look like "acme.encryption.production" (lower-case segments separated by dots)',
      'Custom rule "Acme_Rule": area must be one of cni, kube-proxy, mesh, encryption, observability, policy',
      'Custom rule "Acme_Rule": weight must be a positive number',
    ]);
    expect(
      validateCustomRule('antiPattern', {
        id: 'acme.no-public-lb',
        title: 't',
        lesson: 'l',
        evaluate: () => ({ status: 'clear', evidence: [] }),
      }),
    ).toEqual([
      'Custom rule "acme.no-public-lb": id must look like "acme.ap.public-load-balancer" (lower-case segments separated by dots)',
    ]);
  });
});
