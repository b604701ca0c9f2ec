export * from './score';
export * from './adjust';
