export { ScoreSparkline } from './ScoreSparkline';
export { SparklineHistoryProvider, SPARKLINE_SCANS } from './SparklineHistory';
