import { Entity } from '@backstage/catalog-model';
import {
  clusterCandidatesOfEntity,
  clustersOfEntity,
} from './clustersOfEntity';

const component = (
  spec: Entity['spec'],
  extra: Partial<Entity> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec,
  ...extra,
});

describe('clustersOfEntity', () => {
  it('takes the Resources an entity depends on, from relations and spec, and the cluster annotation', () => {
    const entity = component(
      { dependsOn: ['resource:default/prod-us-1', 'component:default/db'] },
      {
        metadata: {
          name: 'checkout',
          annotations: { 'backstage.io/kubernetes-cluster': 'edge-1' },
        },
        relations: [
          { type: 'dependsOn', targetRef: 'resource:default/orders-db' },
          { type: 'ownedBy', targetRef: 'resource:default/not-this' },
        ],
      },
    );
    expect(clusterCandidatesOfEntity(entity).sort()).toEqual([
      'edge-1',
      'orders-db',
      'prod-us-1',
    ]);
    // only known clusters count: a database Resource is not one
    expect(
      clustersOfEntity(entity, new Set(['prod-us-1', 'edge-1'])).sort(),
    ).toEqual(['edge-1', 'prod-us-1']);
  });

  it('is the cluster itself for a cluster Resource, and nothing for a ref without a kind', () => {
    const cluster: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'prod-eu-1' },
      spec: { type: 'kubernetes-cluster' },
    };
    expect(clusterCandidatesOfEntity(cluster)).toEqual(['prod-eu-1']);
    expect(
      clusterCandidatesOfEntity(component({ dependsOn: ['prod-eu-1'] })),
    ).toEqual([]);
  });
});
