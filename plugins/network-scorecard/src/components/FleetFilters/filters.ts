import { ReadinessStatus } from '@network-scorecard/common';

/** A readiness item in one status, e.g. kube-proxy replacement: blocked. */
export interface ReadinessCondition {
  id: string;
  status: ReadinessStatus;
}

/**
 * What the fleet table shows. Within one filter any chosen value matches;
 * across filters all must match (readiness: all chosen items, any chosen
 * status of each). Empty lists do not filter.
 */
export interface FleetFilterValues {
  /** grades, and `none` for clusters not scanned yet */
  grade: string[];
  cni: string[];
  mesh: string[];
  lifecycle: string[];
  /** group refs; a group matches the clusters of its sub-groups too */
  owner: string[];
  readiness: ReadinessCondition[];
  /** detected, unacknowledged anti-pattern ids */
  antiPattern: string[];
  /** words that must all appear in the name, title, owner, CNI, mesh or lifecycle */
  q: string;
}

/** The grade filter's value for clusters without a finished scan. */
export const NOT_SCANNED = 'none';

export const NO_FILTERS: FleetFilterValues = {
  grade: [],
  cni: [],
  mesh: [],
  lifecycle: [],
  owner: [],
  readiness: [],
  antiPattern: [],
  q: '',
};

type ListFilter =
  | 'grade'
  | 'cni'
  | 'mesh'
  | 'lifecycle'
  | 'owner'
  | 'antiPattern';

const LIST_FILTERS: ListFilter[] = [
  'grade',
  'cni',
  'mesh',
  'lifecycle',
  'owner',
  'antiPattern',
];

const READINESS_STATUSES: readonly string[] = [
  'ready',
  'blocked',
  'unknown',
  'not-applicable',
] satisfies ReadinessStatus[];

function isReadinessStatus(value: string): value is ReadinessStatus {
  return READINESS_STATUSES.includes(value);
}

/** `readiness.kube-proxy-replacement:blocked` → the condition; anything else → null. */
export function parseReadinessCondition(
  value: string,
): ReadinessCondition | null {
  const at = value.lastIndexOf(':');
  if (at <= 0) return null;
  const status = value.slice(at + 1);
  return isReadinessStatus(status) ? { id: value.slice(0, at), status } : null;
}

export function formatReadinessCondition(
  condition: ReadinessCondition,
): string {
  return `${condition.id}:${condition.status}`;
}

const unique = (values: string[]) => [...new Set(values.filter(Boolean))];

/** The filters of a URL query: repeated keys for lists (`?grade=D&grade=F&owner=group:default/infra&q=eu`). */
export function parseFilters(params: URLSearchParams): FleetFilterValues {
  const filters: FleetFilterValues = { ...NO_FILTERS };
  for (const key of LIST_FILTERS) filters[key] = unique(params.getAll(key));
  const conditions = unique(params.getAll('readiness'))
    .map(parseReadinessCondition)
    .filter((condition): condition is ReadinessCondition => condition !== null);
  filters.readiness = conditions;
  filters.q = params.get('q') ?? '';
  return filters;
}

/** Writes the filters into a copy of `params`, keeping its other keys (sorting, for one). */
export function withFilters(
  params: URLSearchParams,
  filters: FleetFilterValues,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of [...LIST_FILTERS, 'readiness', 'q']) next.delete(key);
  for (const key of LIST_FILTERS) {
    for (const value of filters[key]) next.append(key, value);
  }
  for (const condition of filters.readiness) {
    next.append('readiness', formatReadinessCondition(condition));
  }
  if (filters.q !== '') next.set('q', filters.q);
  return next;
}

export function hasFilters(filters: FleetFilterValues): boolean {
  return (
    LIST_FILTERS.some(key => filters[key].length > 0) ||
    filters.readiness.length > 0 ||
    filters.q.trim() !== ''
  );
}
