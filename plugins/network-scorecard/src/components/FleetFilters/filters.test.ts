import {
  FleetFilterValues,
  hasFilters,
  NO_FILTERS,
  parseFilters,
  parseReadinessCondition,
  withFilters,
} from './filters';

describe('fleet filters in the URL', () => {
  const filters: FleetFilterValues = {
    grade: ['D', 'F'],
    cni: ['calico'],
    mesh: [],
    lifecycle: ['production'],
    owner: ['group:default/infrastructure'],
    readiness: [{ id: 'readiness.kube-proxy-replacement', status: 'blocked' }],
    antiPattern: ['ap.mesh-too-early'],
    q: 'eu west',
  };

  it('round-trips through the query and keeps other keys', () => {
    const params = withFilters(
      new URLSearchParams('sort=score&dir=desc'),
      filters,
    );
    expect(params.toString()).toBe(
      'sort=score&dir=desc&grade=D&grade=F&cni=calico&lifecycle=production' +
        '&owner=group%3Adefault%2Finfrastructure&antiPattern=ap.mesh-too-early' +
        '&readiness=readiness.kube-proxy-replacement%3Ablocked&q=eu+west',
    );
    expect(parseFilters(params)).toEqual(filters);
  });

  it('clears every filter key and nothing else', () => {
    const params = withFilters(
      new URLSearchParams('grade=A&q=x&sort=name'),
      NO_FILTERS,
    );
    expect(params.toString()).toBe('sort=name');
    expect(hasFilters(parseFilters(params))).toBe(false);
    expect(hasFilters(filters)).toBe(true);
  });

  it('ignores readiness conditions it cannot read and repeated values', () => {
    const parsed = parseFilters(
      new URLSearchParams(
        'readiness=readiness.hubble&readiness=readiness.mesh:bogus&readiness=readiness.mesh:ready&grade=A&grade=A',
      ),
    );
    expect(parsed.readiness).toEqual([
      { id: 'readiness.mesh', status: 'ready' },
    ]);
    expect(parsed.grade).toEqual(['A']);
    expect(parseReadinessCondition(':ready')).toBeNull();
  });
});
