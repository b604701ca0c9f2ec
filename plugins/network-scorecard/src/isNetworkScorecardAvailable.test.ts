import { Entity } from '@backstage/catalog-model';
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
  });
});
