import { groups } from '../../__fixtures__/fleet';
import {
  buildGroupTree,
  normalizeOwnerRef,
  withParentGroups,
  withSubGroups,
} from './groupTree';

describe('group hierarchy', () => {
  const tree = buildGroupTree(groups);

  it('joins spec.parent, spec.children and relations into one tree', () => {
    expect([...withSubGroups(tree, ['group:default/engineering'])]).toEqual(
      expect.arrayContaining([
        'group:default/engineering',
        'group:default/infrastructure',
        'group:default/team-platform',
        'group:default/team-dev-experience',
      ]),
    );
    expect(withSubGroups(tree, ['engineering']).size).toBe(4);
    expect(
      [...withParentGroups(tree, ['group:default/team-platform'])].sort(),
    ).toEqual([
      'group:default/engineering',
      'group:default/infrastructure',
      'group:default/team-platform',
    ]);
  });

  it('resolves short refs in a spec against the group namespace', () => {
    const namespaced = buildGroupTree([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'ops', namespace: 'infra' },
        spec: { type: 'team', children: ['sre'] },
      },
    ]);
    expect([...withSubGroups(namespaced, ['group:infra/ops'])]).toEqual([
      'group:infra/ops',
      'group:infra/sre',
    ]);
  });

  it('survives a cycle', () => {
    const cyclic = buildGroupTree([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'a' },
        spec: { type: 'team', parent: 'b', children: ['b'] },
      },
    ]);
    expect(withSubGroups(cyclic, ['a']).size).toBe(2);
  });

  it('compares refs case-insensitively with the catalog defaults', () => {
    expect(normalizeOwnerRef('Team-A')).toBe('group:default/team-a');
    expect(normalizeOwnerRef('user:jane')).toBe('user:default/jane');
  });
});
