export { ScanTime } from './ScanTime';
