import { reportFor } from '../__testUtils__/reports';
import { scanPoint } from '../database/scanPoint';
import { isStale } from './summaries';

const cilium = {
  cni: { value: 'cilium' as const, evidence: ['DaemonSet kube-system/cilium'] },
};
// a dump captured months ago and read just now
const points = {
  latest: scanPoint(reportFor('lab-1', '2026-06-01T00:00:00.000Z', cilium)),
  previous: null,
};
const now = new Date('2026-12-01T12:00:00.000Z');
const HOUR = 3_600_000;

describe('isStale', () => {
  it('does not call an old dump stale when it was read on schedule', () => {
    const attempt = {
      cluster: 'lab-1',
      at: '2026-12-01T11:45:00.000Z',
      ok: true,
      message: null,
    };
    expect(isStale(points, attempt, now, 2 * HOUR)).toBe(false);
  });

  it('calls a report stale when the newest attempt failed', () => {
    const attempt = {
      cluster: 'lab-1',
      at: '2026-12-01T11:45:00.000Z',
      ok: false,
      message: 'connect ECONNREFUSED',
    };
    expect(isStale(points, attempt, now, 2 * HOUR)).toBe(true);
  });

  it('calls a report stale when scans stopped for longer than the schedule allows', () => {
    const attempt = {
      cluster: 'lab-1',
      at: '2026-12-01T08:00:00.000Z',
      ok: true,
      message: null,
    };
    expect(isStale(points, attempt, now, 2 * HOUR)).toBe(true);
    // a cron schedule gives no fixed interval to judge by
    expect(isStale(points, attempt, now, undefined)).toBe(false);
  });

  it('has nothing to call stale before the first scan', () => {
    expect(isStale(undefined, undefined, now, HOUR)).toBe(false);
  });
});
