export { EntityNetworkScorecardCard } from './EntityNetworkScorecardCard';
export type { EntityNetworkScorecardCardProps } from './EntityNetworkScorecardCard';
