import { createBackendModule } from '@backstage/backend-plugin-api';
import { networkScorecardRulesExtensionPoint } from '@network-scorecard/node';
import { acmeProductionEncryption } from './rules/productionEncryption';

/**
 * An organisation's own Network Scorecard rules, added through the rules
 * extension point: here, ACME's "production clusters encrypt pod traffic".
 * @public
 */
export const networkScorecardModuleExampleRules = createBackendModule({
  pluginId: 'network-scorecard',
  moduleId: 'example-rules',
  register(env) {
    env.registerInit({
      deps: { rules: networkScorecardRulesExtensionPoint },
      async init({ rules }) {
        rules.addChecks(acmeProductionEncryption);
      },
    });
  },
});
