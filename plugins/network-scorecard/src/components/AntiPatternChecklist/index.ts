export { AntiPatternChecklist } from './AntiPatternChecklist';
export type { AntiPatternChecklistProps } from './AntiPatternChecklist';
