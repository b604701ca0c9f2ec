import { KubeObject, PrintedTable } from './types';

/** meta.k8s.io/v1 TableColumnDefinition. */
export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** meta.k8s.io/v1 TableRow; `object` is null when listed with includeObject=None. */
export interface TableRow {
  cells: unknown[];
  object: KubeObject | null;
}

/** The `includeObject` query parameter of a Table request. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** A response body as a Table: cells by column name, or undefined when it is not a well-formed Table. */
export function readTable(body: unknown): PrintedTable | undefined {
  const table = body as {
    kind?: unknown;
    apiVersion?: unknown;
    columnDefinitions?: unknown;
    rows?: unknown;
  };
  if (
    !table ||
    table.kind !== 'Table' ||
    table.apiVersion !== 'meta.k8s.io/v1' ||
    !Array.isArray(table.columnDefinitions) ||
    !Array.isArray(table.rows)
  ) {
    return undefined;
  }
  const columns = (table.columnDefinitions as { name?: unknown }[]).map(c =>
    typeof c?.name === 'string' ? c.name : '',
  );
  const rows: Record<string, unknown>[] = [];
  for (const row of table.rows as { cells?: unknown }[]) {
    const cells = row?.cells;
    if (!Array.isArray(cells) || cells.length !== columns.length)
      return undefined;
    rows.push(Object.fromEntries(columns.map((c, i) => [c, cells[i]])));
  }
  return { columns, rows };
}
