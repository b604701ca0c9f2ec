import { compareNullable, FleetRow } from './rows';

/** The sortable columns, in URL form (`?sort=grade&dir=desc`). */
export const SORT_KEYS = [
  'name',
  'grade',
  'score',
  'cni',
  'mesh',
  'lifecycle',
  'owner',
  'antiPatterns',
  'blockers',
  'scannedAt',
] as const;

export type SortKey = (typeof SORT_KEYS)[number];

export interface FleetSort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

type Comparator = (a: FleetRow, b: FleetRow) => number;

const byText =
  (value: (row: FleetRow) => string | null): Comparator =>
  (a, b) =>
    compareNullable(value(a) || null, value(b) || null);

/** One comparator per column: the table sorts with it and the CSV export repeats it. */
export const COMPARATORS: Record<SortKey, Comparator> = {
  name: (a, b) => compareNullable(a.name, b.name),
  grade: (a, b) => a.gradeRank - b.gradeRank,
  score: (a, b) => compareNullable(a.score, b.score),
  cni: byText(row => row.cni),
  mesh: byText(row => row.mesh),
  lifecycle: byText(row => row.lifecycle),
  owner: byText(row => row.owner),
  antiPatterns: (a, b) => compareNullable(a.antiPatterns, b.antiPatterns),
  blockers: (a, b) => compareNullable(a.blockers, b.blockers),
  scannedAt: (a, b) => compareNullable(a.scannedAt, b.scannedAt),
};

function isSortKey(value: string | null): value is SortKey {
  return (SORT_KEYS as readonly (string | null)[]).includes(value);
}

export function parseSort(params: URLSearchParams): FleetSort | null {
  const key = params.get('sort');
  if (!isSortKey(key)) return null;
  return { key, direction: params.get('dir') === 'desc' ? 'desc' : 'asc' };
}

/** Writes the sort into a copy of `params`; null removes it. */
export function withSort(
  params: URLSearchParams,
  sort: FleetSort | null,
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('sort');
  next.delete('dir');
  if (sort) {
    next.set('sort', sort.key);
    if (sort.direction === 'desc') next.set('dir', 'desc');
  }
  return next;
}

/**
 * The rows in the order the table shows them. Descending swaps the arguments
 * rather than negating, as material-table does, so ties keep the same order.
 */
export function sortRows(rows: FleetRow[], sort: FleetSort | null): FleetRow[] {
  if (!sort) return rows;
  const compare = COMPARATORS[sort.key];
  return [...rows].sort(
    sort.direction === 'desc' ? (a, b) => compare(b, a) : compare,
  );
}
