/**
 * The one interface every detector reads a cluster through. A live API server
 * and a dump implement it, so both sources share one detection code path.
 */

/** @public */
export interface KubeObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

/** A Kubernetes object as read from the API server or a dump. @public */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: KubeObjectMeta;
  [field: string]: unknown;
}

/** Where a resource type is served. @public */
export interface ResourceType {
  kind: string;
  /** '' for the core group */
  group: string;
  version: string;
  /** the URL path segment, e.g. "daemonsets" */
  plural: string;
  namespaced: boolean;
}

/** @public */
export interface ListOptions {
  /** only this namespace; all namespaces when absent */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  /**
   * Ask for less than whole objects; servers may ignore it and send them whole.
   * `true`: metadata only (PartialObjectMetadataList). `'table'`: only the
   * columns the server prints for the type (a Table without objects), see
   * {@link ListPage.table}.
   */
  metadataOnly?: boolean | 'table';
}

/** A Table list page as read: the column names and each row's cells by column name. @public */
export interface PrintedTable {
  columns: string[];
  rows: Record<string, unknown>[];
}

/** One page of a list. @public */
export interface ListPage {
  items: KubeObject[];
  continue?: string;
  remainingItemCount?: number;
  /** set when asked for `metadataOnly: 'table'` and the server answered with a Table; `items` is then empty */
  table?: PrintedTable;
}

/** API groups the cluster serves: group name ('' = core) to versions, preferred first. @public */
export type ServedGroups = Record<string, string[]>;

/** @public */
export interface ReaderStats {
  requests: number;
  /** response bytes received */
  bytes: number;
}

/**
 * Read-only access to one cluster.
 * Failures are thrown as {@link ReadFailure}.
 * @public
 */
export interface ClusterReader {
  /** which API groups and versions are served (discovery) */
  discoverGroups(): Promise<ServedGroups>;
  /** one page of a list */
  list(type: ResourceType, options?: ListOptions): Promise<ListPage>;
  /** one object by name; a missing object throws a ReadFailure of kind 'not-found' */
  get(
    type: ResourceType,
    name: string,
    namespace?: string,
  ): Promise<KubeObject>;
  /** how many objects exist, without listing them all */
  count(type: ResourceType, options?: ListOptions): Promise<number>;
  stats(): ReaderStats;
}

/** @public */
export type ReadFailureKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'timeout'
  | 'error';

/**
 * A read that did not succeed. `reason` is the text a fact carries,
 * e.g. "forbidden: list DaemonSets in all namespaces".
 * @public
 */
export class ReadFailure extends Error {
  readonly kind: ReadFailureKind;
  readonly reason: string;
  /** connection-level faults (TLS, refused, bad credentials) that every later request would repeat */
  readonly fatal: boolean;

  constructor(kind: ReadFailureKind, detail: string, fatal = false) {
    const prefix = kind === 'not-found' ? 'not found' : kind;
    const reason = `${prefix}: ${detail}`;
    super(reason);
    this.name = 'ReadFailure';
    this.kind = kind;
    this.reason = reason;
    this.fatal = fatal;
  }
}
