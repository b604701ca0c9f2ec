export { observabilityHubble } from './hubble';
export { observabilityMetrics } from './metrics';
export { observabilityDashboards } from './dashboards';
export { observabilityL7Targeted } from './l7Targeted';
export { observabilityAppTracing } from './appTracing';
