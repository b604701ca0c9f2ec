export { FleetTrendChart } from './FleetTrendChart';
