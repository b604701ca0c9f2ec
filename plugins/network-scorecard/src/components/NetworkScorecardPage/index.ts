export { NetworkScorecardPage } from './NetworkScorecardPage';
export { NetworkScorecardPageContent } from './NetworkScorecardPageContent';
