/**
 * Network Scorecard for Node: the collector (Kubernetes API and cluster dumps
 * to facts), the catalog context of a cluster, extension points and the CLI.
 *
 * @packageDocumentation
 */
export * from './types';
export { collectFromSnapshotFile } from './collect/collectFromSnapshot';
export { collectFromKubernetes } from './collect/collectFromKubernetes';
export type { CollectOptions } from './collect/collectFromKubernetes';
export { COLLECTED_FACT_IDS } from './collect/collectFacts';
export {
  SnapshotError,
  CAPTURED_AT_ANNOTATION,
  loadSnapshotFile,
} from './snapshot/loadSnapshot';
export type { Snapshot } from './snapshot/loadSnapshot';
export { SnapshotReader } from './reader/SnapshotReader';
export { ObjectStore } from './reader/objectStore';
export type { StoredType } from './reader/objectStore';
export { BUILT_IN_GROUPS } from './reader/resources';
export { KubernetesApiReader } from './reader/KubernetesApiReader';
export type { KubernetesApiReaderOptions } from './reader/KubernetesApiReader';
export { ReadFailure } from './reader/types';
export type {
  ClusterReader,
  KubeObject,
  KubeObjectMeta,
  ListOptions,
  ListPage,
  PrintedTable,
  ReadFailureKind,
  ReaderStats,
  ResourceType,
  ServedGroups,
} from './reader/types';
export * from './extensions/rulesExtensionPoint';
export * from './extensions/authStrategyExtensionPoint';
export {
  contextFromEntity,
  SCORECARD_ANNOTATIONS,
} from './entity/contextFromEntity';
export type { EntityContext } from './entity/contextFromEntity';
export { scoreCluster } from './score/scoreCluster';
export type { ScoreClusterInput } from './score/scoreCluster';
export { runCli } from './cli';
export type { CliIo } from './cli';
export * from './prometheus';
