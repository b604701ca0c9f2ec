import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Network Scorecard: scores every Kubernetes cluster's networking stack. */
  networkScorecard?: {
    /**
     * Cluster dumps on disk (`kubectl get … -A -o json` output, a `List`, JSON or YAML).
     * Read at startup and on every scan.
     */
    snapshots?: Array<{
      /** cluster name; matches the catalog Resource entity of the cluster */
      name: string;
      /** path to the dump, relative to the backend's working directory */
      file: string;
    }>;
    /**
     * Service account tokens for clusters found in the catalog
     * (`Resource` entities with `kubernetes.io/api-server`). Tokens never come
     * from the catalog. Clusters of `kubernetes.clusterLocatorMethods` use their own.
     */
    catalogClusters?: Array<{
      /** the cluster's catalog entity name */
      name: string;
      /** @visibility secret */
      serviceAccountToken: string;
    }>;
    /** When to scan every cluster. Defaults to every 30 minutes, first one 5 seconds after start. */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** How scans reach clusters. */
    scan?: {
      /** clusters scanned at once; default 4 */
      concurrency?: number;
      /** timeout of one Kubernetes API request in milliseconds; default 10000 */
      requestTimeoutMs?: number;
    };
    /** How long scan history is kept. */
    retention?: {
      /** scans older than this many days are deleted; default 400 */
      maxAgeDays?: number;
    };
  };
}
