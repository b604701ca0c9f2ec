export * from './types';
export * from './evaluate';
export * from './ruleset';
export * from './cni';
