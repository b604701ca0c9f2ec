export * from './types';
export * from './summarizeScan';
