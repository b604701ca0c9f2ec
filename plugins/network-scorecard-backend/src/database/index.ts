export type {
  FleetState,
  InsertOutcome,
  LatestPoints,
  ScanAttempt,
  ScanPoint,
  ScanStore,
} from './ScanStore';
export { DatabaseScanStore } from './DatabaseScanStore';
export { scanPoint } from './scanPoint';
