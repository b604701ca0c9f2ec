import {
  ClusterReader,
  KubeObject,
  ListOptions,
  ListPage,
  ResourceType,
} from './types';

/** Page size for every list; Nodes and policies stay within one page on most clusters. */
export const PAGE_SIZE = 500;

/** Every object of a list, following `continue` tokens. */
export async function listAll(
  reader: ClusterReader,
  type: ResourceType,
  options: ListOptions = {},
): Promise<KubeObject[]> {
  const items: KubeObject[] = [];
  let token: string | undefined;
  do {
    const page = await reader.list(type, {
      ...options,
      limit: PAGE_SIZE,
      continue: token,
    });
    items.push(...page.items);
    token = page.continue || undefined;
  } while (token);
  return items;
}

/**
 * Counts objects with one `limit=1` request: the page's items plus
 * `metadata.remainingItemCount`. Servers that leave the field out (older
 * versions, or lists with selectors) are paged through, metadata only.
 * Never sets resourceVersion=0, which could serve a stale cache.
 */
export async function countByPaging(
  list: (type: ResourceType, options: ListOptions) => Promise<ListPage>,
  type: ResourceType,
  options: ListOptions = {},
): Promise<number> {
  const first = await list(type, { ...options, limit: 1, continue: undefined });
  if (!first.continue) return first.items.length;
  if (typeof first.remainingItemCount === 'number') {
    return first.items.length + first.remainingItemCount;
  }
  let total = first.items.length;
  let token: string | undefined = first.continue;
  while (token) {
    const page = await list(type, {
      ...options,
      limit: PAGE_SIZE,
      continue: token,
      metadataOnly: true,
    });
    total += page.items.length;
    token = page.continue || undefined;
  }
  return total;
}
