export type { ClusterSource, ClusterTarget } from './types';
export { SnapshotClusterSource } from './SnapshotClusterSource';
export { KubernetesConfigClusterSource } from './KubernetesConfigClusterSource';
export { CatalogClusterSource } from './CatalogClusterSource';
export { ClusterRegistry } from './ClusterRegistry';
export { ClusterAuth, defaultAuthStrategies } from './authStrategies';
export type { CatalogLocatorOptions } from './KubernetesConfigClusterSource';
