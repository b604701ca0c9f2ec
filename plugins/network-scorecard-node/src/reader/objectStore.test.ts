import { object } from '../__testUtils__/fixtures';
import { ObjectStore } from './objectStore';
import { matchesLabelSelector, parseSelector } from './selectors';

describe('ObjectStore', () => {
  const store = new ObjectStore([
    object('cilium.io/v2', 'CiliumNetworkPolicy', 'no-namespace'),
    object('v1', 'Service', 'b', 'y'),
    object('v1', 'Service', 'a', 'y'),
    object('v1', 'Service', 'z', 'x'),
    object(
      'apiextensions.k8s.io/v1',
      'CustomResourceDefinition',
      'bgppeers.crd.projectcalico.org',
      undefined,
      {
        spec: {
          group: 'crd.projectcalico.org',
          names: { kind: 'BGPPeer', plural: 'bgppeers' },
          scope: 'Cluster',
          versions: [{ name: 'v1', served: true }],
        },
      },
    ),
  ]);

  it('serves the groups of objects and CRDs beside the built-in ones', () => {
    const groups = store.servedGroups();
    expect(groups['cilium.io']).toEqual(['v2']);
    expect(groups['crd.projectcalico.org']).toEqual(['v1']);
    expect(groups.apps).toEqual(['v1']);
  });

  it('sorts by namespace and name, pages with remainingItemCount', () => {
    const first = store.list('', 'Service', { limit: 2 });
    expect(
      first.items.map(i => `${i.metadata.namespace}/${i.metadata.name}`),
    ).toEqual(['x/z', 'y/a']);
    expect(first.remainingItemCount).toBe(1);
    const rest = store.list('', 'Service', {
      limit: 2,
      continue: first.continue,
    });
    expect(rest.items.map(i => i.metadata.name)).toEqual(['b']);
    expect(rest.continue).toBeUndefined();
  });

  it('puts namespaced objects without a namespace in "default", as kubectl apply would', () => {
    expect(
      store.get('cilium.io', 'CiliumNetworkPolicy', 'no-namespace')?.metadata
        .namespace,
    ).toBe('default');
  });
});

describe('label selectors', () => {
  const o = object('v1', 'Pod', 'p', 'n', {
    metadata: { name: 'p', labels: { app: 'web', tier: 'front' } },
  });
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app=web,tier=back', false],
    ['tier in (front, back)', true],
    ['tier notin (front)', false],
    ['app', true],
    ['!app', false],
    ['missing', false],
    ['', true],
  ])('%s -> %s', (selector, expected) => {
    expect(matchesLabelSelector(o, selector)).toBe(expected);
  });

  it('rejects nonsense', () => {
    expect(() => parseSelector('a b c')).toThrow('unable to parse requirement');
  });
});
