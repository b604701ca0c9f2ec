/**
 * Network Scorecard backend plugin.
 *
 * @packageDocumentation
 */
export { networkScorecardPlugin as default } from './plugin';
