import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_DEPENDS_ON,
  parseEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The catalog annotation that names a Component's cluster directly. */
export const CLUSTER_ANNOTATION = 'backstage.io/kubernetes-cluster';
/** The catalog annotation that names a Component's namespace. */
export const NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';

/** What the catalog says about the clusters, read once per scan cycle. */
export interface CatalogClusterView {
  /** cluster Resource entities by metadata.name */
  clusters: Map<string, Entity>;
  /** how many Components/Systems run on each cluster */
  serviceCounts: Map<string, number>;
}

/** Names of the clusters an entity runs on (dependsOn a cluster Resource, or the cluster annotation). */
export function clustersOfEntity(
  entity: Entity,
  knownClusters: Set<string>,
): string[] {
  const names = new Set<string>();
  if (isClusterResource(entity)) names.add(entity.metadata.name);
  const dependsOn = [
    ...(entity.relations ?? [])
      .filter(r => r.type === RELATION_DEPENDS_ON)
      .map(r => r.targetRef),
    // spec.dependsOn too, so an entity is related before the catalog has computed its relations
    ...(Array.isArray(entity.spec?.dependsOn) ? entity.spec.dependsOn : []),
  ];
  for (const ref of dependsOn) {
    if (typeof ref !== 'string') continue;
    const target = parseEntityRef(ref, {
      defaultKind: 'resource',
      defaultNamespace: 'default',
    });
    if (
      target.kind.toLocaleLowerCase('en-US') === 'resource' &&
      knownClusters.has(target.name)
    ) {
      names.add(target.name);
    }
  }
  const annotated = entity.metadata.annotations?.[CLUSTER_ANNOTATION];
  if (annotated) names.add(annotated);
  return [...names];
}

/** True for a `Resource` of `spec.type: kubernetes-cluster`. */
export function isClusterResource(entity: Entity): boolean {
  return (
    entity.kind === 'Resource' && entity.spec?.type === 'kubernetes-cluster'
  );
}

/** Reads cluster entities and the services related to them from the catalog. */
export class CatalogClusters {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async read(): Promise<CatalogClusterView> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const { items: clusterEntities } = await this.catalog.getEntities(
      { filter: { kind: 'Resource', 'spec.type': 'kubernetes-cluster' } },
      { credentials },
    );
    const clusters = new Map(clusterEntities.map(e => [e.metadata.name, e]));
    const { items: services } = await this.catalog.getEntities(
      {
        filter: { kind: ['Component', 'System'] },
        fields: ['kind', 'metadata', 'spec.dependsOn', 'relations'],
      },
      { credentials },
    );
    const known = new Set(clusters.keys());
    const serviceCounts = new Map<string, number>();
    for (const entity of services) {
      for (const name of clustersOfEntity(entity, known)) {
        serviceCounts.set(name, (serviceCounts.get(name) ?? 0) + 1);
      }
    }
    return { clusters, serviceCounts };
  }
}
