import { neverScanned, summaries } from '../../__fixtures__/reports';
import { toFleetRow } from './rows';
import { parseSort, sortRows, withSort } from './sorting';

const rows = [...Object.values(summaries), neverScanned].map(toFleetRow);
const names = (sorted: typeof rows) => sorted.map(row => row.name);

describe('fleet sorting', () => {
  it('sorts by grade, best first, not scanned last; descending reverses', () => {
    expect(names(sortRows(rows, { key: 'grade', direction: 'asc' }))).toEqual([
      'prod-eu-1',
      'dev-flannel',
      'prod-us-1',
      'staging-calico',
      'lab-edge',
      'prod-ap-1',
    ]);
    expect(names(sortRows(rows, { key: 'grade', direction: 'desc' }))).toEqual([
      'prod-ap-1',
      'lab-edge',
      'prod-us-1',
      'staging-calico',
      'dev-flannel',
      'prod-eu-1',
    ]);
  });

  it('leaves the order alone without a sort', () => {
    expect(sortRows(rows, null)).toBe(rows);
  });

  it('reads and writes the sort in the URL, ignoring unknown columns', () => {
    const params = withSort(new URLSearchParams('grade=F'), {
      key: 'score',
      direction: 'desc',
    });
    expect(params.toString()).toBe('grade=F&sort=score&dir=desc');
    expect(parseSort(params)).toEqual({ key: 'score', direction: 'desc' });
    expect(parseSort(new URLSearchParams('sort=bogus'))).toBeNull();
    expect(withSort(params, null).toString()).toBe('grade=F');
  });
});
