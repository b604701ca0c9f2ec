import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

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
      /**
       * path to a dump, or to a folder whose `.json`/`.yaml`/`.yml` files are all dumps of this
       * cluster; relative to the backend's working directory
       */
      file?: string;
      /** several dumps of this cluster (e.g. archived monthly dumps), scanned oldest `captured-at` first */
      files?: string[];
    }>;
    /**
     * Credentials for clusters found in the catalog (`Resource` entities with
     * `kubernetes.io/api-server`). A token is bound to the URL (and CA) named
     * beside it: it is only ever sent there, and a catalog entity that names
     * another API server or CA is refused with nothing sent. Catalog clusters
     * without an entry are scanned only when `kubernetes.clusterLocatorMethods`
     * has a `catalog` locator, with its rules (server-side auth provider other
     * than serviceAccount; public https URL unless its
     * `dangerouslyAllowClusterUrls` names the host).
     */
    catalogClusters?: Array<{
      /** the cluster's catalog entity name */
      name: string;
      /** the API server this token may be sent to; must equal the entity's kubernetes.io/api-server */
      url: string;
      /** @visibility secret */
      serviceAccountToken: string;
      /** base64 PEM of the CA to trust for `url`; the catalog's CA annotation is never trusted on its own */
      caData?: string;
      /** path to a PEM file of the CA to trust for `url` */
      caFile?: string;
    }>;
    /**
     * Where each cluster's Hubble and Cilium agent metrics can be queried: a
     * Prometheus or Prometheus-compatible query API (Thanos, Mimir,
     * VictoriaMetrics). With an entry, scans add traffic facts (flows, drops,
     * policy verdicts, DNS errors, L7 reach, lost events, the agents' feature
     * gauges) and the checks that need them are judged on what the cluster
     * does; without one they say "connect Prometheus" and cost nothing.
     * Credentials are only ever sent to the `url` beside them; never read
     * from the catalog.
     */
    prometheus?: Array<{
      /** the cluster's name, as its source (Kubernetes config, catalog, snapshots) names it; a name no cluster has yet is accepted */
      cluster: string;
      /** base URL of the query API; `/api/v1/query` is appended (keep a path prefix such as `/prometheus`) */
      url: string;
      /** how to authenticate; none for an open endpoint */
      auth?:
        | {
            type: 'bearer';
            /** @visibility secret */
            token: string;
          }
        | {
            type: 'basic';
            username: string;
            /** @visibility secret */
            password: string;
          };
      /**
       * For a Prometheus shared by several clusters: the label that tells them
       * apart (e.g. `cluster`); every query is narrowed to it
       */
      clusterLabel?: string;
      /** the value of `clusterLabel` for this cluster; default its `cluster` name */
      clusterLabelValue?: string;
      /** deadline of one query; default `scan.requestTimeout` */
      timeout?: HumanDuration | string;
    }>;
    /**
     * Catalog lifecycles that count as production, matched case-insensitively.
     * Default: production, prod, deprecated (a deprecated cluster still serves).
     */
    productionLifecycles?: string[];
    /** When to scan every cluster. Defaults to every 30 minutes, first one 5 seconds after start. */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** How scans reach clusters. */
    scan?: {
      /** clusters scanned at once; default 4 */
      concurrency?: number;
      /** deadline of one Kubernetes API request (and of a credential lookup); default 10 seconds */
      requestTimeout?: HumanDuration | string;
      /** deadline of one cluster's whole scan, so slow clusters cannot hold every slot; default 2 minutes */
      clusterTimeout?: HumanDuration | string;
    };
    /** How the routes read the catalog (cluster entities, owners, the services on each cluster). */
    catalog?: {
      /**
       * How long one catalog read answers the routes before the next read
       * starts, in the background: a request never waits for it unless the
       * last read is ten times older. Scans always read the catalog afresh.
       * Default 30 seconds.
       */
      refresh?: HumanDuration | string;
    };
    /** How long scan history is kept; a daily task deletes older scans (each cluster keeps its newest). */
    retention?: {
      /** default 400 days */
      maxAge?: HumanDuration | string;
    };
    /** Notifications to a cluster's catalog owner when its scorecard gets worse. */
    notifications?: {
      /** default true; needs the notifications backend plugin installed */
      enabled?: boolean;
    };
  };
}
