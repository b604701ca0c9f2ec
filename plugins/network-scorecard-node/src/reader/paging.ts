import {
  ClusterReader,
  KubeObject,
  ListOptions,
  ListPage,
  ResourceType,
} from './types';

/** Page size for every list; Nodes and policies stay within one page on most clusters. */
export const PAGE_SIZE = 500;

/** Every object of a list (from `options.continue` on, if set), following `continue` tokens. */
export async function listAll(
  reader: ClusterReader,
  type: ResourceType,
  options: ListOptions = {},
): Promise<KubeObject[]> {
  const items: KubeObject[] = [];
  let token: string | undefined = options.continue;
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

/** A list read as a Table: its rows, or its objects when the server sent those instead. */
export type TableListing =
  | { rows: Record<string, unknown>[]; items?: undefined }
  | { rows?: undefined; items: KubeObject[] };

/**
 * Every row of a list as a Table without objects (`metadataOnly: 'table'`),
 * each row's cells by column name. When the server sends objects instead
 * (it cannot print Tables) or prints without one of `columns`, the objects:
 * callers then read what they need from them.
 */
export async function listTable(
  reader: ClusterReader,
  type: ResourceType,
  columns: string[],
  options: ListOptions = {},
): Promise<TableListing> {
  const rows: Record<string, unknown>[] = [];
  let token: string | undefined;
  do {
    const page = await reader.list(type, {
      ...options,
      metadataOnly: 'table',
      limit: PAGE_SIZE,
      continue: token,
    });
    const table = page.table;
    if (!table && !token) {
      // Continue tokens do not depend on the form, so the objects already read are kept.
      const rest = page.continue
        ? await listAll(reader, type, { ...options, continue: page.continue })
        : [];
      return { items: [...page.items, ...rest] };
    }
    if (!table || !columns.every(c => table.columns.includes(c))) {
      return { items: await listAll(reader, type, options) };
    }
    rows.push(...table.rows);
    token = page.continue || undefined;
  } while (token);
  return { rows };
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
