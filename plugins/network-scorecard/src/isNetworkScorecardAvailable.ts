import { Entity } from '@backstage/catalog-model';
import { clusterCandidatesOfEntity } from '@network-scorecard/common';

/**
 * Whether the scorecard may have something to show for an entity: a
 * cluster Resource itself, or an entity related to one the way the backend
 * relates them (`clusterCandidatesOfEntity` of `@network-scorecard/common`:
 * `spec.dependsOn: resource:…`, its dependsOn relations, or the
 * `backstage.io/kubernetes-cluster` annotation). When none of the Resources
 * is a known cluster, the card shows nothing.
 * @public
 */
export function isNetworkScorecardAvailable(entity: Entity): boolean {
  return clusterCandidatesOfEntity(entity).length > 0;
}
