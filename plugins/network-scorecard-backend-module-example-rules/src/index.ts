/**
 * Example Network Scorecard backend module: one organisation rule
 * (`acme.encryption.production`) added through the rules extension point.
 *
 * @packageDocumentation
 */
export { networkScorecardModuleExampleRules as default } from './module';
export { acmeProductionEncryption } from './rules/productionEncryption';
