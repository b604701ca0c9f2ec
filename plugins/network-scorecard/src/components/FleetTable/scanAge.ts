import { plural } from '../../utils/format';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A dump's age is a fact about the file, not a failure: "captured 12 days
 * ago". Whole days past the first, hours within it.
 */
export function capturedAgo(iso: string, now: Date = new Date()): string {
  const age = now.getTime() - Date.parse(iso);
  if (Number.isNaN(age)) return 'capture time unknown';
  if (age >= DAY_MS)
    return `captured ${plural(Math.floor(age / DAY_MS), 'day')} ago`;
  if (age >= HOUR_MS) {
    return `captured ${plural(Math.floor(age / HOUR_MS), 'hour')} ago`;
  }
  return 'captured just now';
}
