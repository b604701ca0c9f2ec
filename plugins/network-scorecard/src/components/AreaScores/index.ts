export { AreaScores } from './AreaScores';
export type { AreaScoresProps } from './AreaScores';
