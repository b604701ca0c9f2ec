export * from './types';
export * from './traffic';
export * from './access';
