import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
} from '@backstage/plugin-kubernetes-common';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { ClusterAuth } from './authStrategies';
import { ClusterSource, ClusterTarget } from './types';

const METHODS = 'kubernetes.clusterLocatorMethods';

/** What the `catalog` cluster locator allows, read from its own block. */
export interface CatalogLocatorOptions {
  dangerouslyAllowClusterUrls: string[];
  dangerouslyAllowSkipTLSVerify: boolean;
}

/**
 * The Kubernetes plugin's own cluster list (`kubernetes.clusterLocatorMethods`)
 * read with its semantics, so a portal that already shows Kubernetes needs no
 * second list: `config` clusters (authProvider required, authMetadata, title,
 * dashboard links, duplicate names refused), `localKubectlProxy`, and the
 * options of the `catalog` locator (its clusters come through
 * {@link CatalogClusterSource}).
 */
export class KubernetesConfigClusterSource implements ClusterSource {
  readonly source = 'kubernetes' as const;

  static fromConfig(
    config: Config,
    auth: ClusterAuth,
    logger: LoggerService,
  ): KubernetesConfigClusterSource {
    const targets: ClusterTarget[] = [];
    let catalog: CatalogLocatorOptions | undefined;
    const seen = new Set<string>();
    const add = (target: ClusterTarget, at: string) => {
      if (seen.has(target.name))
        throw new Error(`${at}: duplicate cluster name '${target.name}'`);
      seen.add(target.name);
      targets.push(target);
    };
    (config.getOptionalConfigArray(METHODS) ?? []).forEach((method, m) => {
      const type = method.getString('type');
      const at = `${METHODS}[${m}]`;
      if (type === 'config') {
        method.getConfigArray('clusters').forEach((cluster, c) => {
          const where = `${at}.clusters[${c}]`;
          add(readCluster(cluster, where, auth, logger), where);
        });
      } else if (type === 'localKubectlProxy') {
        add(
          {
            name: 'local',
            source: 'kubernetes',
            cluster: {
              name: 'local',
              url: 'http://localhost:8001',
              authMetadata: {
                [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: 'localKubectlProxy',
              },
            },
          },
          at,
        );
      } else if (type === 'catalog') {
        catalog = {
          dangerouslyAllowClusterUrls:
            method.getOptionalStringArray('dangerouslyAllowClusterUrls') ?? [],
          dangerouslyAllowSkipTLSVerify:
            method.getOptionalBoolean('dangerouslyAllowSkipTLSVerify') ?? false,
        };
      } else {
        logger.warn(
          `${at}: cluster locator type '${type}' is not supported by Network Scorecard; its clusters are not scanned`,
        );
      }
    });
    return new KubernetesConfigClusterSource(targets, catalog);
  }

  constructor(
    private readonly targets: ClusterTarget[],
    /** set when the Kubernetes plugin also locates clusters in the catalog */
    readonly catalogLocator?: CatalogLocatorOptions,
  ) {}

  async listClusters(): Promise<ClusterTarget[]> {
    return this.targets;
  }
}

function readCluster(
  cluster: Config,
  where: string,
  auth: ClusterAuth,
  logger: LoggerService,
): ClusterTarget {
  const name = cluster.getString('name');
  const block = cluster.getOptional<Record<string, string>>('authMetadata');
  const authProvider =
    block?.[ANNOTATION_KUBERNETES_AUTH_PROVIDER] ??
    cluster.getOptionalString('authProvider');
  if (!authProvider) {
    throw new Error(
      `${where}: cluster '${name}' has no auth provider configured; set 'authProvider' or 'authMetadata.${ANNOTATION_KUBERNETES_AUTH_PROVIDER}'`,
    );
  }
  const optional = (key: string) => cluster.getOptionalString(key);
  const details: ClusterDetails = {
    name,
    url: cluster.getString('url'),
    skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
    caData: optional('caData'),
    caFile: optional('caFile'),
    authMetadata: {
      [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: authProvider,
      ...defined({
        serviceAccountToken: optional('serviceAccountToken'),
        [ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE]: optional('assumeRole'),
        [ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID]: optional('externalId'),
        [ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER]:
          optional('oidcTokenProvider'),
      }),
      ...block,
    },
    ...defined({
      title: optional('title'),
      dashboardUrl: optional('dashboardUrl'),
      dashboardApp: optional('dashboardApp'),
    }),
  };
  if (details.skipTLSVerify) {
    logger.warn(
      `${where}: cluster '${name}' has skipTLSVerify: true; Network Scorecard does not verify its API server's certificate, so its credential can be intercepted`,
    );
  }
  const unsupported = auth.unsupported(authProvider);
  if (unsupported) return { name, source: 'kubernetes', unsupported };
  const problems = auth.validate(details);
  if (problems.length > 0)
    throw new Error(
      `${where}: invalid cluster '${name}': ${problems.join(', ')}`,
    );
  return { name, source: 'kubernetes', cluster: details };
}

function defined<T extends Record<string, string | undefined>>(
  values: T,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}
