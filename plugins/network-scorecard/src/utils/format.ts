import { Area } from '@network-scorecard/common';

export function formatScore(score: number | null): string {
  return score === null ? '–' : `${Math.round(score)} / 100`;
}

/** 0.94 → "94 %" */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600 * 1000],
  ['month', 30 * 24 * 3600 * 1000],
  ['week', 7 * 24 * 3600 * 1000],
  ['day', 24 * 3600 * 1000],
  ['hour', 3600 * 1000],
  ['minute', 60 * 1000],
];

// Made once: a formatter per call was a visible part of rendering a page of rows.
const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
// what Date#toLocaleString() prints: the viewer's locale, date and time
const ABSOLUTE = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** "3 hours ago", "in 2 days", "just now" */
export function formatRelativeTime(
  iso: string,
  now: Date = new Date(),
): string {
  const diff = Date.parse(iso) - now.getTime();
  if (Number.isNaN(diff)) return 'unknown time';
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms)
      return RELATIVE.format(Math.round(diff / ms), unit);
  }
  return 'just now';
}

// Formatting a date is costly and a table shows the same scan times again on
// every filter change: each text is kept (a bounded number of them).
const absoluteTexts = new Map<string, string>();
const KEPT_ABSOLUTE_TEXTS = 5000;

/** Absolute time for tooltips, in the viewer's locale and with the ISO form for copying. */
export function formatAbsoluteTime(iso: string): string {
  const kept = absoluteTexts.get(iso);
  if (kept !== undefined) return kept;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = `${ABSOLUTE.format(date)} (${date.toISOString()})`;
  if (absoluteTexts.size >= KEPT_ABSOLUTE_TEXTS) absoluteTexts.clear();
  absoluteTexts.set(iso, text);
  return text;
}

export const AREA_LABELS: Record<Area, string> = {
  cni: 'CNI',
  'kube-proxy': 'kube-proxy',
  mesh: 'Service mesh',
  encryption: 'Encryption',
  observability: 'Observability',
  policy: 'Network policy',
};
