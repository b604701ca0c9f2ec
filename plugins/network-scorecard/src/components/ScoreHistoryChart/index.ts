export { ScoreHistoryChart } from './ScoreHistoryChart';
export { HistoryRangeButtons } from './HistoryRangeButtons';
export type { HistoryRangeButtonsProps } from './HistoryRangeButtons';
export {
  DEFAULT_HISTORY_RANGE,
  HISTORY_RANGES,
  historyBounds,
  historyRangeOf,
  isHistoryRangeId,
} from './ranges';
export type { HistoryRangeId } from './ranges';
