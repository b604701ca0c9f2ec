import { describeGet } from './describe';
import { ObjectStore } from './objectStore';
import { countByPaging } from './paging';
import { readTable } from './tables';
import {
  ClusterReader,
  KubeObject,
  ListOptions,
  ListPage,
  ReadFailure,
  ReaderStats,
  ResourceType,
  ServedGroups,
} from './types';

/**
 * Reads a cluster dump held in memory. Discovery is the API groups of the
 * dump's objects and of the CustomResourceDefinitions it contains, plus the
 * groups every API server serves.
 * @public
 */
export class SnapshotReader implements ClusterReader {
  private readonly store: ObjectStore;
  private reads = 0;

  /** `objects` must carry `kind` and `apiVersion` (see loadSnapshot). */
  constructor(objects: KubeObject[]) {
    this.store = new ObjectStore(objects);
  }

  async discoverGroups(): Promise<ServedGroups> {
    this.reads++;
    return this.store.servedGroups();
  }

  async list(type: ResourceType, options: ListOptions = {}): Promise<ListPage> {
    this.reads++;
    const {
      items,
      continue: token,
      remainingItemCount,
    } = this.store.list(type.group, type.kind, options);
    if (options.metadataOnly === 'table') {
      // The Table an API server would send (includeObject=None), read back the way a live one is.
      const table = readTable({
        kind: 'Table',
        apiVersion: 'meta.k8s.io/v1',
        metadata: {},
        ...this.store.table(type.kind, items, 'None'),
      });
      return { items: [], table, continue: token, remainingItemCount };
    }
    return { items, continue: token, remainingItemCount };
  }

  async get(
    type: ResourceType,
    name: string,
    namespace?: string,
  ): Promise<KubeObject> {
    this.reads++;
    const found = this.store.get(
      type.group,
      type.kind,
      name,
      type.namespaced ? namespace : undefined,
    );
    if (!found) {
      throw new ReadFailure('not-found', describeGet(type, name, namespace));
    }
    return found;
  }

  count(type: ResourceType, options: ListOptions = {}): Promise<number> {
    return countByPaging((t, o) => this.list(t, o), type, options);
  }

  /** Reads a live scan would have made; a dump costs no network bytes. */
  stats(): ReaderStats {
    return { requests: this.reads, bytes: 0 };
  }
}
