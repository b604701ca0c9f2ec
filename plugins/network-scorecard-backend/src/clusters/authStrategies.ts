import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AnonymousStrategy,
  AwsIamStrategy,
  AzureIdentityStrategy,
  GoogleServiceAccountStrategy,
  ServiceAccountStrategy,
} from '@backstage/plugin-kubernetes-backend';
import { ANNOTATION_KUBERNETES_AUTH_PROVIDER } from '@backstage/plugin-kubernetes-common';
import type { KubernetesRequestAuth } from '@backstage/plugin-kubernetes-common';
import type {
  AuthMetadata,
  AuthenticationStrategy,
  ClusterDetails,
} from '@backstage/plugin-kubernetes-node';
import { KubernetesConnection } from '@network-scorecard/node';

/**
 * Providers of the Kubernetes plugin that only work with the signed-in user's
 * own token, sent by the Backstage frontend. Scheduled scans have no user.
 */
const USER_TOKEN_PROVIDERS = ['google', 'oidc', 'aks'];

/**
 * The Kubernetes plugin's ServiceAccountStrategy, answering a configured token
 * without first importing `@kubernetes/client-node` dynamically (which it does
 * even when the token is in config, and which fails under jest); the
 * in-cluster token is still its job.
 */
class ConfiguredServiceAccountStrategy implements AuthenticationStrategy {
  private readonly inCluster = new ServiceAccountStrategy();

  async getCredential(cluster: ClusterDetails, _auth: KubernetesRequestAuth) {
    const token = cluster.authMetadata.serviceAccountToken;
    if (token) return { type: 'bearer token' as const, token };
    return this.inCluster.getCredential(cluster);
  }

  validateCluster(_authMetadata: AuthMetadata) {
    return this.inCluster.validateCluster();
  }

  presentAuthMetadata(authMetadata: AuthMetadata) {
    return this.inCluster.presentAuthMetadata(authMetadata);
  }
}

/** The Kubernetes plugin's server-side strategies, by `authProvider` name. */
export function defaultAuthStrategies(
  config: Config,
  logger: LoggerService,
): Map<string, AuthenticationStrategy> {
  return new Map<string, AuthenticationStrategy>([
    ['serviceAccount', new ConfiguredServiceAccountStrategy()],
    ['aws', new AwsIamStrategy({ config })],
    ['azure', new AzureIdentityStrategy(logger)],
    ['googleServiceAccount', new GoogleServiceAccountStrategy({ config })],
    ['localKubectlProxy', new AnonymousStrategy()],
  ]);
}

/** The one place that decides which auth provider a scan can use, and turns it into a credential. */
export class ClusterAuth {
  constructor(
    private readonly strategies: Map<string, AuthenticationStrategy>,
  ) {}

  static providerOf(cluster: ClusterDetails): string | undefined {
    return cluster.authMetadata[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
  }

  /** Why scheduled scans cannot use this provider, or undefined when they can. */
  unsupported(provider: string): string | undefined {
    if (this.strategies.has(provider)) return undefined;
    if (USER_TOKEN_PROVIDERS.includes(provider))
      return `authProvider "${provider}" needs the signed-in user's own token, which scheduled scans do not have; use one of ${this.names()} for Network Scorecard`;
    return `authProvider "${provider}" is not known to Network Scorecard; use one of ${this.names()}, or add a strategy with networkScorecardAuthStrategyExtensionPoint`;
  }

  /** Problems the strategy finds in a cluster's settings (as the Kubernetes plugin checks them at startup). */
  validate(cluster: ClusterDetails): string[] {
    const provider = ClusterAuth.providerOf(cluster);
    const strategy = provider ? this.strategies.get(provider) : undefined;
    return strategy
      ? strategy.validateCluster(cluster.authMetadata).map(e => e.message)
      : [];
  }

  /** The cluster with its credential resolved, for the collector. */
  async connect(cluster: ClusterDetails): Promise<KubernetesConnection> {
    const provider = ClusterAuth.providerOf(cluster) ?? '';
    const strategy = this.strategies.get(provider);
    if (!strategy) throw new Error(this.unsupported(provider));
    const credential = await strategy.getCredential(cluster, {});
    return {
      name: cluster.name,
      url: cluster.url,
      caData: cluster.caData,
      caFile: cluster.caFile,
      skipTLSVerify: cluster.skipTLSVerify,
      ...(credential.type === 'bearer token'
        ? { serviceAccountToken: credential.token }
        : {}),
      ...(credential.type === 'x509 client certificate'
        ? {
            clientCertificate: {
              certData: credential.cert,
              keyData: credential.key,
            },
          }
        : {}),
    };
  }

  private names(): string {
    return [...this.strategies.keys()].join(', ');
  }
}
