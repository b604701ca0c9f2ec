import { HistoryPoint } from '@network-scorecard/common';

export const WIDTH = 600;
export const HEIGHT = 180;
export const PAD = { left: 36, right: 12, top: 10, bottom: 24 };

export interface PlottedPoint {
  x: number;
  /** null when the scan was not graded */
  y: number | null;
  point: HistoryPoint;
}

export interface ChartGeometry {
  points: PlottedPoint[];
  /** polylines of consecutive graded scans; an ungraded scan breaks the line */
  segments: string[];
  /** x positions where the ruleset version changed, with the new version */
  rulesetChanges: { x: number; version: string }[];
}

export function yFor(score: number): number {
  const plot = HEIGHT - PAD.top - PAD.bottom;
  return PAD.top + (1 - Math.max(0, Math.min(100, score)) / 100) * plot;
}

/** Oldest scan left, newest right, x proportional to time. */
export function chartGeometry(history: HistoryPoint[]): ChartGeometry {
  const sorted = [...history].sort(
    (a, b) => Date.parse(a.scannedAt) - Date.parse(b.scannedAt),
  );
  const first = sorted.length ? Date.parse(sorted[0].scannedAt) : 0;
  const last = sorted.length
    ? Date.parse(sorted[sorted.length - 1].scannedAt)
    : 0;
  const span = last - first;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const xFor = (at: string) =>
    span === 0
      ? PAD.left + plotWidth / 2
      : PAD.left + ((Date.parse(at) - first) / span) * plotWidth;

  const points = sorted.map(point => ({
    x: xFor(point.scannedAt),
    y: point.score === null ? null : yFor(point.score),
    point,
  }));

  const segments: string[] = [];
  let current: string[] = [];
  for (const p of points) {
    if (p.y === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else {
      current.push(`${p.x.toFixed(1)},${p.y.toFixed(1)}`);
    }
  }
  if (current.length) segments.push(current.join(' '));

  const rulesetChanges = points
    .filter(
      (p, i) =>
        i > 0 && p.point.rulesetVersion !== points[i - 1].point.rulesetVersion,
    )
    .map(p => ({ x: p.x, version: p.point.rulesetVersion }));

  return { points, segments, rulesetChanges };
}
