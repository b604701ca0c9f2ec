/**
 * Test utilities of Network Scorecard (private, never a runtime dependency): a Kubernetes API server that
 * serves a dump over HTTPS, with RBAC and fault injection, and synthetic
 * clusters. Not part of the runtime API.
 */
export { startKubeApiServer } from './KubeApiServer';
export type {
  Fault,
  KubeApiServer,
  KubeApiServerOptions,
  RecordedRequest,
} from './KubeApiServer';
export { createTestCertificates } from './certificates';
export type { TestCertificates } from './certificates';
export { clusterRoleRules, isAllowed } from './rbac';
export type { PolicyRule, RequestAttributes } from './rbac';
export { syntheticCluster } from './syntheticCluster';
export type { SyntheticClusterOptions } from './syntheticCluster';
export { naiveCollect } from './naiveCollector';
export { reportSchemaValidator } from './reportSchema';
export { startConnectProxy } from './ConnectProxy';
export type {
  ConnectProxy,
  ConnectProxyMode,
  ConnectProxyOptions,
  TunnelRecord,
} from './ConnectProxy';
export { object } from './objects';
