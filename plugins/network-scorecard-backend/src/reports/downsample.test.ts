import { reportFor } from '../__testUtils__/reports';
import { scanPoint } from '../database/scanPoint';
import { downsample } from './downsample';

const flannel = {
  cni: {
    value: 'flannel' as const,
    evidence: ['DaemonSet kube-flannel/kube-flannel-ds'],
  },
};
const cilium = {
  cni: { value: 'cilium' as const, evidence: ['DaemonSet kube-system/cilium'] },
};

/** A year of 30-minute scans: flannel, then cilium from `switchAt`; one ruleset change. */
function year(switchAt: number) {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const before = scanPoint(
    reportFor('prod-eu-1', '2026-01-01T00:00:00.000Z', flannel),
  );
  const after = scanPoint(
    reportFor('prod-eu-1', '2026-01-01T00:00:00.000Z', cilium),
  );
  return Array.from({ length: 17_520 }, (_, i) => {
    const base = i < switchAt ? before : after;
    return {
      ...base,
      scannedAt: new Date(start + i * 1_800_000).toISOString(),
      rulesetVersion: i < 9000 ? '2026.6.0' : base.rulesetVersion,
    };
  });
}

describe('downsample', () => {
  it('keeps a short history whole', () => {
    const points = year(100).slice(0, 400);
    expect(downsample(points, 500)).toBe(points);
  });

  it('thins a year of 30-minute scans to 500 points spread over the year, keeping every change', () => {
    const points = year(5000);
    const kept = downsample(points, 500);
    expect(kept.length).toBeLessThanOrEqual(500);
    expect(kept.length).toBeGreaterThan(450);
    expect(kept[0]).toBe(points[0]);
    expect(kept[kept.length - 1]).toBe(points[points.length - 1]);
    // the CNI change and the ruleset change, with the point before each
    for (const i of [4999, 5000, 8999, 9000]) expect(kept).toContain(points[i]);
    // evenly spread: no gap longer than four slices of the year
    const gaps = kept
      .slice(1)
      .map((p, i) => Date.parse(p.scannedAt) - Date.parse(kept[i].scannedAt));
    expect(Math.max(...gaps)).toBeLessThan((4 * 365 * 86_400_000) / 500);
    // oldest first, no point twice
    expect(new Set(kept).size).toBe(kept.length);
    expect(kept.map(p => p.scannedAt)).toEqual(
      [...kept.map(p => p.scannedAt)].sort(),
    );
  });
});
