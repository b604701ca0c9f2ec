import { Config } from '@backstage/config';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
} from '@backstage/plugin-kubernetes-common';
import { CatalogClusterView } from '../catalog/CatalogClusters';
import { ClusterSource, ClusterTarget } from './types';

/**
 * Cluster Resources of the catalog that carry the Kubernetes plugin's
 * api-server annotation. Tokens only ever come from config
 * (`networkScorecard.catalogClusters`), never from the catalog.
 */
export class CatalogClusterSource implements ClusterSource {
  readonly source = 'catalog' as const;

  static fromConfig(
    config: Config,
    readCatalog: () => Promise<CatalogClusterView>,
  ): CatalogClusterSource {
    const tokens = new Map<string, string>();
    for (const entry of config.getOptionalConfigArray(
      'networkScorecard.catalogClusters',
    ) ?? []) {
      tokens.set(
        entry.getString('name'),
        entry.getString('serviceAccountToken'),
      );
    }
    return new CatalogClusterSource(tokens, readCatalog);
  }

  constructor(
    private readonly tokens: Map<string, string>,
    private readonly readCatalog: () => Promise<CatalogClusterView>,
  ) {}

  async listClusters(): Promise<ClusterTarget[]> {
    const { clusters } = await this.readCatalog();
    const targets: ClusterTarget[] = [];
    for (const [name, entity] of clusters) {
      const annotations = entity.metadata.annotations ?? {};
      const url = annotations[ANNOTATION_KUBERNETES_API_SERVER];
      if (!url) continue;
      const authProvider =
        annotations[ANNOTATION_KUBERNETES_AUTH_PROVIDER] ?? 'serviceAccount';
      const token = this.tokens.get(name);
      if (authProvider !== 'serviceAccount') {
        targets.push({
          name,
          source: 'catalog',
          unsupported: `${ANNOTATION_KUBERNETES_AUTH_PROVIDER} "${authProvider}" is not supported; use serviceAccount with a token in networkScorecard.catalogClusters`,
        });
      } else if (!token) {
        targets.push({
          name,
          source: 'catalog',
          unsupported: `no serviceAccountToken for catalog cluster "${name}": add it under networkScorecard.catalogClusters in app-config`,
        });
      } else {
        targets.push({
          name,
          source: 'catalog',
          connection: {
            name,
            url,
            authProvider,
            serviceAccountToken: token,
            caData: annotations[ANNOTATION_KUBERNETES_API_SERVER_CA],
          },
        });
      }
    }
    return targets;
  }
}
