import { Entity } from '@backstage/catalog-model';

const KUBERNETES_CLUSTER_ANNOTATION = 'backstage.io/kubernetes-cluster';

function dependsOnResource(entity: Entity): boolean {
  const dependsOn = entity.spec?.dependsOn;
  return (
    Array.isArray(dependsOn) &&
    dependsOn.some(
      ref =>
        typeof ref === 'string' && ref.toLowerCase().startsWith('resource:'),
    )
  );
}

/**
 * Whether the scorecard has something to show for an entity: a cluster
 * Resource itself, or an entity related to a cluster the way the Kubernetes
 * plugin relates them (`spec.dependsOn: resource:…` or the
 * `backstage.io/kubernetes-cluster` annotation).
 * @public
 */
export function isNetworkScorecardAvailable(entity: Entity): boolean {
  if (
    entity.kind.toLowerCase() === 'resource' &&
    entity.spec?.type === 'kubernetes-cluster'
  ) {
    return true;
  }
  if (entity.metadata.annotations?.[KUBERNETES_CLUSTER_ANNOTATION]) {
    return true;
  }
  return dependsOnResource(entity);
}
