import {
  Entity,
  RELATION_DEPENDS_ON,
  parseEntityRef,
} from '@backstage/catalog-model';

/** The annotation that names the cluster a Component runs on (the Kubernetes plugin's). @public */
export const CLUSTER_ANNOTATION = 'backstage.io/kubernetes-cluster';

/** True for a `Resource` of `spec.type: kubernetes-cluster`. @public */
export function isClusterResource(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === 'kubernetes-cluster'
  );
}

/** The name of a `resource:` ref; refs without an explicit kind are not Resources. */
function resourceName(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  try {
    const target = parseEntityRef(ref);
    return target.kind.toLocaleLowerCase('en-US') === 'resource'
      ? target.name
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The names of the clusters an entity may run on, as far as the entity
 * itself says: itself when it is a cluster Resource, the Resources it
 * depends on (relations and spec.dependsOn, so that it counts before the
 * catalog has computed relations), and the cluster annotation. Which of them
 * are clusters only the cluster list knows: the backend keeps the known
 * ones; the frontend shows the scorecard when there is any candidate, and
 * hides its card when the backend finds none.
 * @public
 */
export function clusterCandidatesOfEntity(entity: Entity): string[] {
  const names = new Set<string>();
  if (isClusterResource(entity)) names.add(entity.metadata.name);
  const dependsOn = [
    ...(entity.relations ?? [])
      .filter(r => r.type === RELATION_DEPENDS_ON)
      .map(r => r.targetRef),
    ...(Array.isArray(entity.spec?.dependsOn) ? entity.spec.dependsOn : []),
  ];
  for (const ref of dependsOn) {
    const name = resourceName(ref);
    if (name) names.add(name);
  }
  const annotated = entity.metadata.annotations?.[CLUSTER_ANNOTATION];
  if (annotated) names.add(annotated);
  return [...names];
}

/** The clusters an entity runs on: its candidates that are known clusters. @public */
export function clustersOfEntity(
  entity: Entity,
  knownClusters: ReadonlySet<string>,
): string[] {
  return clusterCandidatesOfEntity(entity).filter(name =>
    knownClusters.has(name),
  );
}
