import { CheckRule, defaultRuleset } from '@network-scorecard/common';
import { customRuleset } from './customRuleset';

const productionEncryption: CheckRule = {
  id: 'acme.encryption.production',
  area: 'encryption',
  weight: 3,
  title: 'Production encrypts pod traffic',
  default: 'WireGuard or IPsec on production',
  switchWhen: 'never',
  rationale: 'Our auditors ask for it.',
  evaluate: () => ({ status: 'pass', evidence: [], recommendation: 'keep it' }),
};

const noExtras = { checks: [], antiPatterns: [], readiness: [] };

describe('customRuleset', () => {
  it('is the framework ruleset unchanged when no module adds rules', () => {
    expect(customRuleset(defaultRuleset, noExtras)).toBe(defaultRuleset);
  });

  it('appends an organisation rule and marks the ruleset version', () => {
    const ruleset = customRuleset(defaultRuleset, {
      ...noExtras,
      checks: [productionEncryption],
    });
    expect(ruleset.checks.map(c => c.id)).toContain(
      'acme.encryption.production',
    );
    expect(ruleset.version).toBe(
      `${defaultRuleset.version}+custom.acme.encryption.production`,
    );
  });

  it('refuses a custom rule that takes a framework id, naming it', () => {
    expect(() =>
      customRuleset(defaultRuleset, {
        ...noExtras,
        checks: [{ ...productionEncryption, id: 'encryption.transparent' }],
      }),
    ).toThrow(/"encryption\.transparent"/);
  });
});
