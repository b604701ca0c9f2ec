export { ReadinessList } from './ReadinessList';
export {
  READINESS_STATUSES,
  READINESS_STATUS_LABELS,
  readinessStatusOf,
  useReadinessColours,
} from './readinessStatus';
