import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { ClusterAuth } from './authStrategies';
import { KubernetesConfigClusterSource } from './KubernetesConfigClusterSource';

const strategy = (errors: string[] = []): AuthenticationStrategy => ({
  getCredential: async () => ({ type: 'anonymous' }),
  validateCluster: () => errors.map(e => new Error(e)),
  presentAuthMetadata: () => ({}),
});
const auth = new ClusterAuth(
  new Map([
    ['serviceAccount', strategy()],
    ['aws', strategy()],
    ['strict', strategy(['role is required'])],
  ]),
);

function read(methods: object[]) {
  const logger = mockServices.logger.mock();
  const source = KubernetesConfigClusterSource.fromConfig(
    new ConfigReader({ kubernetes: { clusterLocatorMethods: methods } }),
    auth,
    logger,
  );
  return { source, logger };
}

const cluster = (extra: object) => ({
  name: 'prod-eu-1',
  url: 'https://prod-eu-1.example.com',
  ...extra,
});

describe('KubernetesConfigClusterSource', () => {
  it('reads the Kubernetes plugin’s config clusters with their auth metadata, title and dashboard', async () => {
    const { source } = read([
      {
        type: 'config',
        clusters: [
          cluster({
            authProvider: 'aws',
            assumeRole: 'arn:aws:iam::123456789012:role/scorecard',
            externalId: 'ext-1',
            title: 'Production EU',
            dashboardUrl: 'https://console.aws.amazon.com/eks',
            dashboardApp: 'eks',
            authMetadata: { 'kubernetes.io/x-k8s-aws-id': 'prod-eu-1-eks' },
          }),
        ],
      },
    ]);
    expect(await source.listClusters()).toEqual([
      {
        name: 'prod-eu-1',
        source: 'kubernetes',
        cluster: {
          name: 'prod-eu-1',
          url: 'https://prod-eu-1.example.com',
          skipTLSVerify: false,
          caData: undefined,
          caFile: undefined,
          title: 'Production EU',
          dashboardUrl: 'https://console.aws.amazon.com/eks',
          dashboardApp: 'eks',
          authMetadata: {
            'kubernetes.io/auth-provider': 'aws',
            'kubernetes.io/aws-assume-role':
              'arn:aws:iam::123456789012:role/scorecard',
            'kubernetes.io/aws-external-id': 'ext-1',
            'kubernetes.io/x-k8s-aws-id': 'prod-eu-1-eks',
          },
        },
      },
    ]);
  });

  it('takes the auth provider from authMetadata as the Kubernetes plugin does', async () => {
    const { source } = read([
      {
        type: 'config',
        clusters: [
          cluster({ authMetadata: { 'kubernetes.io/auth-provider': 'aws' } }),
        ],
      },
    ]);
    const [target] = await source.listClusters();
    expect('cluster' in target && target.cluster.authMetadata).toEqual({
      'kubernetes.io/auth-provider': 'aws',
    });
  });

  it('refuses to start without an auth provider, naming the cluster and the key', () => {
    expect(() => read([{ type: 'config', clusters: [cluster({})] }])).toThrow(
      "kubernetes.clusterLocatorMethods[0].clusters[0]: cluster 'prod-eu-1' has no auth provider configured; set 'authProvider' or 'authMetadata.kubernetes.io/auth-provider'",
    );
  });

  it('refuses duplicate cluster names, across locator methods too', () => {
    expect(() =>
      read([
        { type: 'config', clusters: [cluster({ authProvider: 'aws' })] },
        { type: 'config', clusters: [cluster({ authProvider: 'aws' })] },
      ]),
    ).toThrow(
      "kubernetes.clusterLocatorMethods[1].clusters[0]: duplicate cluster name 'prod-eu-1'",
    );
  });

  it('refuses a cluster its strategy finds invalid', () => {
    expect(() =>
      read([
        { type: 'config', clusters: [cluster({ authProvider: 'strict' })] },
      ]),
    ).toThrow(
      "kubernetes.clusterLocatorMethods[0].clusters[0]: invalid cluster 'prod-eu-1': role is required",
    );
  });

  it('warns at startup for every skipTLSVerify: true', () => {
    const { logger } = read([
      {
        type: 'config',
        clusters: [
          cluster({ authProvider: 'aws', skipTLSVerify: true }),
          cluster({ name: 'lab', authProvider: 'aws' }),
        ],
      },
    ]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      "kubernetes.clusterLocatorMethods[0].clusters[0]: cluster 'prod-eu-1' has skipTLSVerify: true; Network Scorecard does not verify its API server's certificate, so its credential can be intercepted",
    );
  });

  it('keeps a cluster whose provider needs a user token, saying why it cannot be scanned', async () => {
    const { source } = read([
      { type: 'config', clusters: [cluster({ authProvider: 'oidc' })] },
    ]);
    const [target] = await source.listClusters();
    expect(target).toEqual({
      name: 'prod-eu-1',
      source: 'kubernetes',
      unsupported: expect.stringContaining(
        'authProvider "oidc" needs the signed-in user\'s own token',
      ),
    });
  });

  it('adds the local kubectl proxy, reads the catalog locator’s options and warns about locators it cannot use', async () => {
    const { source, logger } = read([
      { type: 'localKubectlProxy' },
      { type: 'catalog', dangerouslyAllowClusterUrls: ['*.corp.example'] },
      { type: 'gke', projectId: 'p' },
    ]);
    expect((await source.listClusters()).map(t => t.name)).toEqual(['local']);
    expect(source.catalogLocator).toEqual({
      dangerouslyAllowClusterUrls: ['*.corp.example'],
      dangerouslyAllowSkipTLSVerify: false,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      "kubernetes.clusterLocatorMethods[2]: cluster locator type 'gke' is not supported by Network Scorecard; its clusters are not scanned",
    );
  });
});
