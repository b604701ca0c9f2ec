export * from './score';
export { scoreAreas } from './areaSums';
export type { AreaSummary } from './areaSums';
export * from './adjust';
