export { FleetSummaryRow } from './FleetSummaryRow';
