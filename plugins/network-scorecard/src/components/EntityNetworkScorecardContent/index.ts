export { EntityNetworkScorecardContent } from './EntityNetworkScorecardContent';
