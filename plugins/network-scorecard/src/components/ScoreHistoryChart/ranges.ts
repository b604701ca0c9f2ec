/** The history ranges the user can pick on the tab and the migrations view. */
export const HISTORY_RANGES = [
  { id: '30d', label: '30 d', title: 'last 30 days', days: 30 },
  { id: '90d', label: '90 d', title: 'last 90 days', days: 90 },
  { id: '1y', label: '1 y', title: 'last year', days: 365 },
] as const;

export type HistoryRangeId = (typeof HISTORY_RANGES)[number]['id'];

export const DEFAULT_HISTORY_RANGE: HistoryRangeId = '90d';

const DAY_MS = 24 * 3600 * 1000;

export function isHistoryRangeId(value: unknown): value is HistoryRangeId {
  return HISTORY_RANGES.some(range => range.id === value);
}

export function historyRangeOf(id: HistoryRangeId) {
  return HISTORY_RANGES.find(range => range.id === id) ?? HISTORY_RANGES[1];
}

/** ISO bounds of a range ending now, as `getClusterHistory` and `getFleetHistory` take them. */
export function historyBounds(
  id: HistoryRangeId,
  now: Date = new Date(),
): { from: string; to: string } {
  const { days } = historyRangeOf(id);
  return {
    from: new Date(now.getTime() - days * DAY_MS).toISOString(),
    to: now.toISOString(),
  };
}
