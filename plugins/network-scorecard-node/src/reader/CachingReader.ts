import {
  ClusterReader,
  KubeObject,
  ListOptions,
  ListPage,
  ReaderStats,
  ResourceType,
  ServedGroups,
} from './types';

function typeKey(t: ResourceType): string {
  return `${t.group}/${t.version}/${t.plural}`;
}

function optionsKey(o: ListOptions): string {
  return JSON.stringify([
    o.namespace,
    o.labelSelector,
    o.fieldSelector,
    o.limit,
    o.continue,
    o.metadataOnly,
  ]);
}

/**
 * Shares reads between detectors running at the same time: the same request
 * is made once per scan, whichever detector asks first. Failures are shared too.
 */
export class CachingReader implements ClusterReader {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(private readonly inner: ClusterReader) {}

  private memo<T>(key: string, read: () => Promise<T>): Promise<T> {
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = read();
      // Failures are kept (and handled by whoever awaits); avoid unhandled rejections here.
      hit.catch(() => undefined);
      this.cache.set(key, hit);
    }
    return hit;
  }

  discoverGroups(): Promise<ServedGroups> {
    return this.memo('discovery', () => this.inner.discoverGroups());
  }

  list(type: ResourceType, options: ListOptions = {}): Promise<ListPage> {
    return this.memo(`list ${typeKey(type)} ${optionsKey(options)}`, () =>
      this.inner.list(type, options),
    );
  }

  get(
    type: ResourceType,
    name: string,
    namespace?: string,
  ): Promise<KubeObject> {
    return this.memo(`get ${typeKey(type)} ${namespace ?? ''}/${name}`, () =>
      this.inner.get(type, name, namespace),
    );
  }

  count(type: ResourceType, options: ListOptions = {}): Promise<number> {
    return this.memo(`count ${typeKey(type)} ${optionsKey(options)}`, () =>
      this.inner.count(type, options),
    );
  }

  stats(): ReaderStats {
    return this.inner.stats();
  }
}
