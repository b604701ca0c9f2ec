export { FleetTable } from './FleetTable';
export type { FleetTableProps } from './FleetTable';
export { toFleetRow } from './rows';
export type { FleetRow } from './rows';
export { parseSort, sortRows, withSort } from './sorting';
export type { FleetSort } from './sorting';
export { fleetCsv, fleetCsvFilename } from './fleetCsv';
