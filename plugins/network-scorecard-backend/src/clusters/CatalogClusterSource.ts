import { readFileSync } from 'node:fs';
import { Config } from '@backstage/config';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
} from '@backstage/plugin-kubernetes-common';
import { CatalogClusterView } from '../catalog/CatalogClusters';
import { catalogUrlProblem, normalizeClusterUrl } from './clusterUrls';
import { ClusterSource, ClusterTarget } from './types';

/** A catalog cluster's credentials, bound to the URL and CA config names beside them. */
export interface CatalogClusterCredentials {
  url: string;
  serviceAccountToken: string;
  caData?: string;
  caFile?: string;
}

const KEY = 'networkScorecard.catalogClusters';

function readCredentials(
  config: Config,
): Map<string, CatalogClusterCredentials> {
  const byName = new Map<string, CatalogClusterCredentials>();
  (config.getOptionalConfigArray(KEY) ?? []).forEach((entry, index) => {
    const at = `${KEY}[${index}]`;
    const name = entry.getString('name');
    const url = entry.getOptionalString('url');
    if (!url) {
      throw new Error(
        `${at}.url is required for catalog cluster "${name}": its token is only ever sent to the API server config names beside it`,
      );
    }
    try {
      normalizeClusterUrl(url);
    } catch {
      throw new Error(`${at}.url "${url}" is not a URL`);
    }
    if (byName.has(name))
      throw new Error(`${at}: catalog cluster "${name}" is listed twice`);
    byName.set(name, {
      url,
      serviceAccountToken: entry.getString('serviceAccountToken'),
      caData: entry.getOptionalString('caData'),
      caFile: entry.getOptionalString('caFile'),
    });
  });
  return byName;
}

const pem = (base64: string) =>
  Buffer.from(base64, 'base64').toString('utf8').trim();

function configuredPem(
  credentials: CatalogClusterCredentials,
): string | undefined {
  if (credentials.caData) return pem(credentials.caData);
  if (credentials.caFile)
    return readFileSync(credentials.caFile, 'utf8').trim();
  return undefined;
}

/**
 * Cluster Resources of the catalog that carry the Kubernetes plugin's
 * api-server annotation. A catalog entity can be changed by anyone who can
 * edit the repository it comes from, so it never decides where a credential
 * goes: the token, URL and CA all come from `networkScorecard.catalogClusters`,
 * and an entity that names another URL or CA is refused before anything is sent.
 */
export class CatalogClusterSource implements ClusterSource {
  readonly source = 'catalog' as const;

  static fromConfig(
    config: Config,
    readCatalog: () => Promise<CatalogClusterView>,
  ): CatalogClusterSource {
    return new CatalogClusterSource(
      readCredentials(config),
      config.getOptionalStringArray(
        'networkScorecard.dangerouslyAllowClusterUrls',
      ) ?? [],
      readCatalog,
    );
  }

  constructor(
    private readonly credentials: Map<string, CatalogClusterCredentials>,
    private readonly allowedUrls: readonly string[],
    private readonly readCatalog: () => Promise<CatalogClusterView>,
  ) {}

  async listClusters(): Promise<ClusterTarget[]> {
    const { clusters } = await this.readCatalog();
    const targets: ClusterTarget[] = [];
    for (const [name, entity] of clusters) {
      const annotations = entity.metadata.annotations ?? {};
      const url = annotations[ANNOTATION_KUBERNETES_API_SERVER];
      if (!url) continue;
      targets.push(
        await this.target(
          name,
          url,
          annotations[ANNOTATION_KUBERNETES_API_SERVER_CA],
          annotations[ANNOTATION_KUBERNETES_AUTH_PROVIDER] ?? 'serviceAccount',
        ),
      );
    }
    return targets;
  }

  private async target(
    name: string,
    catalogUrl: string,
    catalogCa: string | undefined,
    authProvider: string,
  ): Promise<ClusterTarget> {
    const entity = `catalog entity of cluster "${name}"`;
    const configured = this.credentials.get(name);
    if (!configured) {
      const problem = await catalogUrlProblem(catalogUrl, this.allowedUrls);
      return {
        name,
        source: 'catalog',
        refused: problem
          ? `refused the ${ANNOTATION_KUBERNETES_API_SERVER} of the ${entity}: ${problem}; nothing was sent`
          : `no credentials for catalog cluster "${name}": add { name, url, serviceAccountToken } under ${KEY} in app-config; nothing was sent`,
      };
    }
    if (authProvider !== 'serviceAccount') {
      return {
        name,
        source: 'catalog',
        unsupported: `${ANNOTATION_KUBERNETES_AUTH_PROVIDER} "${authProvider}" is not supported for catalog clusters; use serviceAccount with a token in ${KEY}`,
      };
    }
    let sameUrl = false;
    try {
      sameUrl =
        normalizeClusterUrl(catalogUrl) === normalizeClusterUrl(configured.url);
    } catch {
      sameUrl = false;
    }
    if (!sameUrl) {
      return {
        name,
        source: 'catalog',
        refused: `the ${entity} names API server ${catalogUrl}, but ${KEY} binds its token to ${configured.url}; the token was not sent (fix the entity or the config)`,
      };
    }
    if (catalogCa && pem(catalogCa) !== configuredPem(configured)) {
      return {
        name,
        source: 'catalog',
        refused: `the ${entity} names a certificate authority (${ANNOTATION_KUBERNETES_API_SERVER_CA}) that ${KEY} does not; only the CA in config is trusted, and the token was not sent`,
      };
    }
    return {
      name,
      source: 'catalog',
      connection: {
        name,
        url: configured.url,
        authProvider,
        serviceAccountToken: configured.serviceAccountToken,
        caData: configured.caData,
        caFile: configured.caFile,
      },
    };
  }
}
