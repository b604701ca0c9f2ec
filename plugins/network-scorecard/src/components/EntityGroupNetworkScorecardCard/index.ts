export { EntityGroupNetworkScorecardCard } from './EntityGroupNetworkScorecardCard';
export type { EntityGroupNetworkScorecardCardProps } from './EntityGroupNetworkScorecardCard';
