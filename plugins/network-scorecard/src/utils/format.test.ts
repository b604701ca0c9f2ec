import { formatPercent, formatRelativeTime, formatScore } from './format';
import { grafanaUrl, hubbleNamespaceUrl } from './links';
import { gradeRank } from './grades';

describe('format', () => {
  const now = new Date('2026-11-20T12:00:00Z');

  it('gives every score its unit', () => {
    expect(formatScore(86.7)).toBe('87 / 100');
    expect(formatScore(null)).toBe('–');
    expect(formatPercent(0.941)).toBe('94 %');
  });

  it('says how long ago a scan ran', () => {
    expect(formatRelativeTime('2026-11-20T11:59:30Z', now)).toBe('just now');
    expect(formatRelativeTime('2026-11-20T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-11-18T12:00:00Z', now)).toBe('2 days ago');
    expect(formatRelativeTime('garbage', now)).toBe('unknown time');
  });

  it('sorts grades A first, then "?" and never scanned', () => {
    expect(gradeRank('A')).toBeLessThan(gradeRank('F'));
    expect(gradeRank('F')).toBeLessThan(gradeRank('?'));
    expect(gradeRank('?')).toBeLessThan(gradeRank(null));
  });
});

describe('hubbleNamespaceUrl', () => {
  it('appends /?namespace= to the Hubble UI base URL', () => {
    expect(
      hubbleNamespaceUrl('https://hubble.prod-eu.example.com', 'checkout'),
    ).toBe('https://hubble.prod-eu.example.com/?namespace=checkout');
    expect(hubbleNamespaceUrl('https://example.com/hubble/', 'a b')).toBe(
      'https://example.com/hubble/?namespace=a%20b',
    );
  });

  it('keeps an existing query and leaves the URL alone without a namespace', () => {
    expect(
      hubbleNamespaceUrl('https://h.example.com/?cluster=eu', 'shop'),
    ).toBe('https://h.example.com/?cluster=eu&namespace=shop');
    expect(hubbleNamespaceUrl('https://h.example.com', null)).toBe(
      'https://h.example.com',
    );
  });

  it('filters to dropped flows when asked', () => {
    expect(
      hubbleNamespaceUrl('https://h.example.com', 'checkout', 'DROPPED'),
    ).toBe('https://h.example.com/?namespace=checkout&verdict=DROPPED');
  });
});

describe('grafanaUrl', () => {
  it('opens the dashboard on the window of the traffic evidence', () => {
    expect(grafanaUrl('https://grafana.example.com/d/hubble', '1h')).toBe(
      'https://grafana.example.com/d/hubble?from=now-1h&to=now',
    );
    expect(grafanaUrl('https://grafana.example.com/d/x?orgId=1', '30m')).toBe(
      'https://grafana.example.com/d/x?orgId=1&from=now-30m&to=now',
    );
    expect(grafanaUrl('https://grafana.example.com/d/x', null)).toBe(
      'https://grafana.example.com/d/x',
    );
  });
});
