export type {
  FleetState,
  InsertOutcome,
  LatestPoints,
  ScanAttempt,
  ScanPoint,
  ScanStore,
} from './ScanStore';
export { DatabaseScanStore } from './DatabaseScanStore';
export { headVersion } from './versions';
export type { HistoryHead } from './historyPoints';
export { scanPoint } from './scanPoint';
