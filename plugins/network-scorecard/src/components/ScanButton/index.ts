export { ScanButton } from './ScanButton';
export type { ScanButtonProps } from './ScanButton';
