export * from './types';
export * from './access';
