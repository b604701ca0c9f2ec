export type { ScanStore } from './ScanStore';
export { DatabaseScanStore } from './DatabaseScanStore';
