export * from './requirements';
export * from './types';
