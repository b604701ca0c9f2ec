import { summaries, neverScanned } from '../../__fixtures__/reports';
import { fleetOf, groups } from '../../__fixtures__/fleet';
import { toFleetRow } from '../FleetTable/rows';
import { filterRows } from './filterRows';
import { FleetFilterValues, NO_FILTERS } from './filters';
import { buildGroupTree } from './groupTree';

const rows = [...Object.values(summaries), neverScanned].map(toFleetRow);
const tree = buildGroupTree(groups);

const names = (filters: Partial<FleetFilterValues>, groupTree = tree) =>
  filterRows(rows, { ...NO_FILTERS, ...filters }, groupTree).map(
    row => row.name,
  );

describe('filterRows', () => {
  it('lets every row through without filters, in order', () => {
    expect(names({})).toEqual(rows.map(row => row.name));
  });

  it('matches any chosen grade, "none" meaning not scanned yet', () => {
    expect(names({ grade: ['F'] })).toEqual(['prod-us-1', 'staging-calico']);
    expect(names({ grade: ['A', '?'] })).toEqual(['prod-eu-1', 'lab-edge']);
    expect(names({ grade: ['none'] })).toEqual(['prod-ap-1']);
  });

  it('matches CNI, mesh and lifecycle, and all filters together', () => {
    expect(names({ cni: ['cilium'] })).toEqual(['prod-eu-1', 'prod-us-1']);
    expect(names({ mesh: ['cilium'] })).toEqual(['prod-eu-1']);
    expect(names({ lifecycle: ['staging', 'development'] })).toEqual([
      'dev-flannel',
      'staging-calico',
    ]);
    expect(names({ cni: ['cilium'], grade: ['F'] })).toEqual(['prod-us-1']);
  });

  it('matches an owner group with every group below it', () => {
    expect(names({ owner: ['group:default/team-platform'] })).toEqual([
      'prod-eu-1',
      'prod-us-1',
      'prod-ap-1',
    ]);
    // infrastructure → team-platform via spec.children
    expect(names({ owner: ['group:default/infrastructure'] })).toEqual([
      'prod-eu-1',
      'prod-us-1',
      'prod-ap-1',
    ]);
    // engineering → infrastructure via spec.parent, → team-dev-experience via parentOf
    expect(names({ owner: ['group:default/engineering'] })).toEqual([
      'prod-eu-1',
      'prod-us-1',
      'dev-flannel',
      'prod-ap-1',
    ]);
    expect(names({ owner: ['business'] })).toEqual(['staging-calico']);
  });

  it('matches owners exactly when the hierarchy is unknown', () => {
    expect(
      names({ owner: ['group:default/engineering'] }, buildGroupTree([])),
    ).toEqual([]);
    expect(
      names({ owner: ['group:default/team-payments'] }, buildGroupTree([])),
    ).toEqual(['staging-calico']);
  });

  it('matches readiness items in a status: any status of an item, every item', () => {
    expect(
      names({
        readiness: [
          { id: 'readiness.kube-proxy-replacement', status: 'blocked' },
        ],
      }),
    ).toEqual(['prod-us-1', 'dev-flannel']);
    expect(
      names({
        readiness: [
          { id: 'readiness.kube-proxy-replacement', status: 'blocked' },
          { id: 'readiness.kube-proxy-replacement', status: 'unknown' },
        ],
      }),
    ).toEqual(['prod-us-1', 'dev-flannel', 'staging-calico', 'lab-edge']);
    expect(
      names({
        readiness: [
          { id: 'readiness.kube-proxy-replacement', status: 'blocked' },
          { id: 'readiness.hubble', status: 'unknown' },
        ],
      }),
    ).toEqual(['prod-us-1']);
  });

  it('matches clusters where a chosen anti-pattern is detected and not acknowledged', () => {
    expect(names({ antiPattern: ['ap.standalone-cni-migration'] })).toEqual([
      'prod-us-1',
    ]);
    expect(names({ antiPattern: ['ap.mesh-too-early'] })).toEqual([]);
  });

  it('searches name, title, owner, CNI, mesh and lifecycle; every word must match', () => {
    expect(names({ q: 'PROD' })).toEqual([
      'prod-eu-1',
      'prod-us-1',
      'prod-ap-1',
    ]);
    expect(names({ q: 'payments' })).toEqual(['staging-calico']);
    expect(names({ q: 'prod  flannel' })).toEqual([]);
    expect(names({ q: 'cilium us' })).toEqual(['prod-us-1']);
    expect(names({ q: '   ' })).toEqual(rows.map(row => row.name));
  });

  it('filters a thousand clusters well within a frame budget', () => {
    const fleet = fleetOf(1000).map(toFleetRow);
    const filters: FleetFilterValues = {
      ...NO_FILTERS,
      grade: ['F', 'D'],
      owner: ['group:default/engineering'],
      readiness: [
        { id: 'readiness.kube-proxy-replacement', status: 'blocked' },
      ],
      q: 'prod',
    };
    // the best of a few runs, so that a busy machine does not decide
    const timings = Array.from({ length: 5 }, () => {
      const start = performance.now();
      filterRows(fleet, filters, tree);
      return performance.now() - start;
    });
    expect(Math.min(...timings)).toBeLessThan(20);
    // every copy of prod-us-1
    expect(filterRows(fleet, filters, tree)).toHaveLength(200);
  });
});
