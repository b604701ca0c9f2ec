import { readFileSync } from 'node:fs';
import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_DASHBOARD_APP,
  ANNOTATION_KUBERNETES_DASHBOARD_URL,
  ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY,
} from '@backstage/plugin-kubernetes-common';
import { CatalogClusterView } from '../catalog/CatalogClusters';
import { ClusterAuth } from './authStrategies';
import { catalogUrlProblem, normalizeClusterUrl } from './clusterUrls';
import { CatalogLocatorOptions } from './KubernetesConfigClusterSource';
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

const entityOf = (name: string) => `the catalog entity of cluster "${name}"`;

/**
 * Cluster Resources of the catalog that carry the Kubernetes plugin's
 * api-server annotation. A catalog entity can be changed by anyone who can
 * edit the repository it comes from, so it never decides where a credential
 * from config goes: a token in `networkScorecard.catalogClusters` is bound to
 * the URL and CA named beside it, and an entity that names another is refused
 * before anything is sent. Entities without such an entry are scanned only
 * when the Kubernetes plugin's `catalog` locator is configured, with its rules:
 * a server-side auth provider other than serviceAccount, and a public https URL.
 */
export class CatalogClusterSource implements ClusterSource {
  readonly source = 'catalog' as const;

  static fromConfig(
    config: Config,
    readCatalog: () => Promise<CatalogClusterView>,
    auth: ClusterAuth,
    catalogLocator: CatalogLocatorOptions | undefined,
  ): CatalogClusterSource {
    return new CatalogClusterSource(
      readCredentials(config),
      readCatalog,
      auth,
      catalogLocator,
    );
  }

  constructor(
    private readonly credentials: Map<string, CatalogClusterCredentials>,
    private readonly readCatalog: () => Promise<CatalogClusterView>,
    private readonly auth: ClusterAuth,
    private readonly catalogLocator: CatalogLocatorOptions | undefined,
  ) {}

  async listClusters(): Promise<ClusterTarget[]> {
    const { clusters } = await this.readCatalog();
    const targets: ClusterTarget[] = [];
    for (const [name, entity] of clusters) {
      const url =
        entity.metadata.annotations?.[ANNOTATION_KUBERNETES_API_SERVER];
      if (!url) continue;
      const configured = this.credentials.get(name);
      targets.push(
        configured
          ? bound(name, entity, url, configured)
          : await this.located(name, entity, url),
      );
    }
    return targets;
  }

  /** A catalog-only cluster, under the rules of the Kubernetes plugin's catalog locator. */
  private async located(
    name: string,
    entity: Entity,
    url: string,
  ): Promise<ClusterTarget> {
    const annotations = entity.metadata.annotations ?? {};
    const locator = this.catalogLocator;
    const problem = await catalogUrlProblem(
      url,
      locator?.dangerouslyAllowClusterUrls ?? [],
    );
    const refuse = (why: string): ClusterTarget => ({
      name,
      source: 'catalog',
      refused: `${why}; nothing was sent`,
    });
    if (problem)
      return refuse(
        `refused the ${ANNOTATION_KUBERNETES_API_SERVER} of ${entityOf(
          name,
        )}: ${problem}`,
      );
    const provider = annotations[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
    if (!locator || provider === undefined || provider === 'serviceAccount') {
      return refuse(
        `no credentials for catalog cluster "${name}": bind a token to its URL with { name, url, serviceAccountToken, caData } under ${KEY}${
          locator
            ? `, or give it a ${ANNOTATION_KUBERNETES_AUTH_PROVIDER} other than serviceAccount (the catalog locator never uses service account credentials)`
            : ''
        }`,
      );
    }
    const unsupported = this.auth.unsupported(provider);
    if (unsupported) return { name, source: 'catalog', unsupported };
    const authMetadata = Object.fromEntries(
      Object.entries(annotations).filter(
        ([key]) =>
          key.startsWith('kubernetes.io/') && key !== 'serviceAccountToken',
      ),
    );
    return {
      name,
      source: 'catalog',
      cluster: {
        name,
        title: entity.metadata.title,
        url,
        authMetadata,
        caData: annotations[ANNOTATION_KUBERNETES_API_SERVER_CA],
        skipTLSVerify:
          locator.dangerouslyAllowSkipTLSVerify &&
          annotations[ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY] === 'true',
        dashboardUrl: annotations[ANNOTATION_KUBERNETES_DASHBOARD_URL],
        dashboardApp: annotations[ANNOTATION_KUBERNETES_DASHBOARD_APP],
      },
    };
  }
}

/** A catalog cluster with a token from config: only the URL and CA config names are ever used. */
function bound(
  name: string,
  entity: Entity,
  catalogUrl: string,
  configured: CatalogClusterCredentials,
): ClusterTarget {
  const catalogCa =
    entity.metadata.annotations?.[ANNOTATION_KUBERNETES_API_SERVER_CA];
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
      refused: `${entityOf(
        name,
      )} names API server ${catalogUrl}, but ${KEY} binds its token to ${
        configured.url
      }; the token was not sent (fix the entity or the config)`,
    };
  }
  if (catalogCa && pem(catalogCa) !== configuredPem(configured)) {
    return {
      name,
      source: 'catalog',
      refused: `${entityOf(
        name,
      )} names a certificate authority (${ANNOTATION_KUBERNETES_API_SERVER_CA}) that ${KEY} does not; only the CA in config is trusted, and the token was not sent`,
    };
  }
  return {
    name,
    source: 'catalog',
    cluster: {
      name,
      title: entity.metadata.title,
      url: configured.url,
      caData: configured.caData,
      caFile: configured.caFile,
      authMetadata: {
        [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: 'serviceAccount',
        serviceAccountToken: configured.serviceAccountToken,
      },
    },
  };
}
