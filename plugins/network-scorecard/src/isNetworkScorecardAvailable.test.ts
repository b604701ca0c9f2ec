import { Entity } from '@backstage/catalog-model';
import { clustersOfEntity } from '@network-scorecard/common';
import { isNetworkScorecardAvailable } from './isNetworkScorecardAvailable';

function entity(
  kind: string,
  spec: Entity['spec'],
  annotations?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x', annotations },
    spec,
  };
}

describe('isNetworkScorecardAvailable', () => {
  it('is true for a cluster Resource', () => {
    expect(
      isNetworkScorecardAvailable(
        entity('Resource', { type: 'kubernetes-cluster' }),
      ),
    ).toBe(true);
  });

  it('is true for an entity that depends on a resource', () => {
    expect(
      isNetworkScorecardAvailable(
        entity('Component', {
          dependsOn: ['component:a', 'resource:default/prod-eu-1'],
        }),
      ),
    ).toBe(true);
  });

  it('is true with the backstage.io/kubernetes-cluster annotation', () => {
    expect(
      isNetworkScorecardAvailable(
        entity(
          'Component',
          { type: 'service' },
          { 'backstage.io/kubernetes-cluster': 'prod-eu-1' },
        ),
      ),
    ).toBe(true);
  });

  it('is false otherwise', () => {
    expect(
      isNetworkScorecardAvailable(entity('Resource', { type: 'database' })),
    ).toBe(false);
    expect(
      isNetworkScorecardAvailable(
        entity('Component', { dependsOn: ['component:a'] }),
      ),
    ).toBe(false);
    expect(
      isNetworkScorecardAvailable(
        entity('Component', { dependsOn: 'resource:x' }),
      ),
    ).toBe(false);
    // a ref without a kind is not a Resource, for the backend neither
    expect(
      isNetworkScorecardAvailable(
        entity('Component', { dependsOn: ['prod-eu-1'] }),
      ),
    ).toBe(false);
  });

  it('agrees with the backend: available exactly when the entity names a cluster candidate', () => {
    const component = entity('Component', { type: 'service' });
    component.relations = [
      { type: 'dependsOn', targetRef: 'resource:default/prod-eu-1' },
    ];
    expect(isNetworkScorecardAvailable(component)).toBe(true);
    expect(clustersOfEntity(component, new Set(['prod-eu-1']))).toEqual([
      'prod-eu-1',
    ]);
    expect(clustersOfEntity(component, new Set(['dc-fra-1']))).toEqual([]);
  });
});
