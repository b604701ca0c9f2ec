export { networkScorecardApiRef } from './NetworkScorecardApi';
export type { NetworkScorecardApi } from './NetworkScorecardApi';
export { NetworkScorecardClient } from './NetworkScorecardClient';
