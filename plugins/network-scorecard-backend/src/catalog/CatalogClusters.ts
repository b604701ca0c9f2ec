import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { clustersOfEntity } from '@network-scorecard/common';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The catalog annotation that names a Component's namespace. */
export const NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';

/** What the catalog says about the clusters, read once per scan cycle. */
export interface CatalogClusterView {
  /** cluster Resource entities by metadata.name */
  clusters: Map<string, Entity>;
  /** how many Components/Systems run on each cluster */
  serviceCounts: Map<string, number>;
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
