import { ScanPoint } from '../database/ScanStore';

/**
 * What a reader of history must never miss: the method or the verdicts
 * changed. Both are part of the report's content, so equal content hashes
 * mean neither changed (and cost nothing to compare).
 */
function changeKey(point: ScanPoint): string {
  return `${point.rulesetVersion} ${point.contentHash}`;
}

/**
 * At most `max` points of a time-ordered history, spread evenly over time.
 * The first and last point and every point whose ruleset or statuses differ
 * from the point before are always kept, even beyond `max`: a change is
 * never sampled away.
 */
export function downsample(points: ScanPoint[], max: number): ScanPoint[] {
  if (points.length <= max) return points;
  const keep = new Set<number>([0, points.length - 1]);
  const keys = points.map(changeKey);
  for (let i = 1; i < points.length; i++) {
    if (keys[i] !== keys[i - 1]) {
      keep.add(i - 1);
      keep.add(i);
    }
  }
  const room = max - keep.size;
  if (room > 0) {
    // one point per equal slice of time, the last in its slice
    const first = Date.parse(points[0].scannedAt);
    const span = Date.parse(points[points.length - 1].scannedAt) - first || 1;
    const slices = new Map<number, number>();
    points.forEach((point, i) => {
      const slice = Math.min(
        room - 1,
        Math.floor(((Date.parse(point.scannedAt) - first) / span) * room),
      );
      slices.set(slice, i);
    });
    for (const i of slices.values()) {
      if (keep.size >= max) break;
      keep.add(i);
    }
  }
  return [...keep].sort((a, b) => a - b).map(i => points[i]);
}
