import { rankBlockers } from './rankBlockers';

describe('rankBlockers', () => {
  it('ranks blockers by the clusters they block', () => {
    const groups = rankBlockers([
      { name: 'a', blockers: ['Windows nodes', 'no refresh window'] },
      { name: 'b', blockers: ['no refresh window'] },
      { name: 'c', blockers: ['no refresh window'] },
    ]);
    expect(groups).toEqual([
      {
        text: 'no refresh window',
        numbersDiffer: false,
        clusters: ['a', 'b', 'c'],
      },
      { text: 'Windows nodes', numbersDiffer: false, clusters: ['a'] },
    ]);
  });

  it('groups texts that differ only in cluster-specific numbers and keeps the numbers they share', () => {
    const groups = rankBlockers([
      {
        name: 'prod-us-1',
        blockers: [
          '2 of 5 Linux nodes run a kernel below 5.10 (lowest 5.4.129-63.229.amzn2.aarch64)',
        ],
      },
      {
        name: 'dev-flannel',
        blockers: [
          '2 of 2 Linux nodes run a kernel below 5.10 (lowest 4.19.0-25-amd64)',
        ],
      },
    ]);
    expect(groups).toEqual([
      {
        text: '2 of n Linux nodes run a kernel below 5.10 (lowest n)',
        numbersDiffer: true,
        clusters: ['dev-flannel', 'prod-us-1'],
      },
    ]);
  });

  it('counts a cluster once when two of its texts fall into one group', () => {
    const [group] = rankBlockers([
      { name: 'a', blockers: ['3 Calico Tier(s)', '4 Calico Tier(s)'] },
    ]);
    expect(group.clusters).toEqual(['a']);
    expect(group.text).toBe('n Calico Tier(s)');
  });
});
