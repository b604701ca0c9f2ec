/**
 * Network Scorecard for apps on Backstage's new frontend system: the fleet
 * page, the entity card and the entity tab as extensions of one plugin.
 *
 * @packageDocumentation
 */
export { networkScorecardPlugin as default } from './alpha/plugin';
