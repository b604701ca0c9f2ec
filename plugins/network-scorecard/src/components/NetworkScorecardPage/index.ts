export { NetworkScorecardPage } from './NetworkScorecardPage';
