export { collectFromPrometheus } from './collectFromPrometheus';
export type { TrafficFacts } from './collectFromPrometheus';
export { PrometheusReader } from './PrometheusReader';
export type { VectorSample } from './PrometheusReader';
export type {
  PrometheusAuth,
  PrometheusConnection,
  PrometheusReadOptions,
} from './types';
