/**
 * Network Scorecard frontend: the fleet page, the entity card and the entity tab.
 *
 * @packageDocumentation
 */
export {
  networkScorecardPlugin,
  NetworkScorecardPage,
  EntityNetworkScorecardCard,
  EntityNetworkScorecardContent,
  EntityGroupNetworkScorecardCard,
  isNetworkScorecardAvailable,
} from './plugin';
export { networkScorecardApiRef, NetworkScorecardClient } from './api';
export type { NetworkScorecardApi } from './api';
export type { EntityNetworkScorecardCardProps } from './components/EntityNetworkScorecardCard';
export type { EntityGroupNetworkScorecardCardProps } from './components/EntityGroupNetworkScorecardCard';
export {
  rootRouteRef as networkScorecardRouteRef,
  migrationsRouteRef as networkScorecardMigrationsRouteRef,
} from './routes';
