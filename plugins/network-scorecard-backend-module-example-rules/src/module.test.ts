import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { CheckRule, defaultRuleset } from '@network-scorecard/common';
import {
  networkScorecardRulesExtensionPoint,
  validateCustomRule,
} from '@network-scorecard/node';
import exampleRulesModule from './index';

describe('example-rules module', () => {
  it('adds acme.encryption.production through the rules extension point', async () => {
    const added: CheckRule[] = [];
    const host = createBackendPlugin({
      pluginId: 'network-scorecard',
      register(env) {
        env.registerExtensionPoint(networkScorecardRulesExtensionPoint, {
          addChecks: (...checks) => added.push(...checks),
          addAntiPatterns: () => {},
          addReadiness: () => {},
        });
        env.registerInit({ deps: {}, async init() {} });
      },
    });

    const backend = await startTestBackend({
      features: [host, exampleRulesModule],
    });
    try {
      expect(added.map(r => r.id)).toEqual(['acme.encryption.production']);
      const taken = new Set(defaultRuleset.checks.map(r => r.id));
      expect(validateCustomRule('check', added[0], taken)).toEqual([]);
    } finally {
      await backend.stop();
    }
  });
});
