export { FleetFilters } from './FleetFilters';
export type { FleetFiltersProps } from './FleetFilters';
export { filterRows } from './filterRows';
export { parseFilters, withFilters, NO_FILTERS } from './filters';
export type { FleetFilterValues } from './filters';
export { useGroupTree } from './useGroupTree';
