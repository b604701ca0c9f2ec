import { capturedAgo } from './scanAge';

describe('capturedAgo', () => {
  const now = new Date('2026-11-20T12:00:00Z');

  it('says how old a dump is in days, or hours within the first day', () => {
    expect(capturedAgo('2026-10-11T09:00:00Z', now)).toBe(
      'captured 40 days ago',
    );
    expect(capturedAgo('2026-11-19T11:00:00Z', now)).toBe('captured 1 day ago');
    expect(capturedAgo('2026-11-20T07:30:00Z', now)).toBe(
      'captured 4 hours ago',
    );
    expect(capturedAgo('2026-11-20T11:59:00Z', now)).toBe('captured just now');
    expect(capturedAgo('garbage', now)).toBe('capture time unknown');
  });
});
