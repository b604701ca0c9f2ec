import { readFileSync } from 'node:fs';
import { CLUSTER_ROLE, demoClusters } from '../__testUtils__/demoClusters';
import { fixtures, object } from '../__testUtils__/fixtures';
import { loadSnapshotFile } from '../snapshot/loadSnapshot';
import {
  clusterRoleRules,
  createTestCertificates,
  startKubeApiServer,
  syntheticCluster,
  TestCertificates,
} from '@internal/network-scorecard-test-utils';
import { KubeObject } from '../reader/types';
import { collectFromKubernetes } from './collectFromKubernetes';

const role = readFileSync(CLUSTER_ROLE, 'utf8');
let certificates: TestCertificates;
beforeAll(() => {
  certificates = createTestCertificates();
});

async function scanUnderRole(objects: KubeObject[], clusterRole = role) {
  const server = await startKubeApiServer({
    objects,
    certificates,
    clusterRole,
  });
  try {
    const result = await collectFromKubernetes(server.connection());
    return { ...result, requests: [...server.requests] };
  } finally {
    await server.close();
  }
}

/** Every kind of stack the detectors know, so every read path runs once. */
function everything(): KubeObject[] {
  return [
    ...fixtures(
      'cilium/charm-cilium-1.16.10-rendered.yaml',
      'cilium/charm-hubble-relay-1.16.10-rendered.yaml',
      'calico/calico.yaml',
      'calico/custom-resources-bpf.yaml',
      'flannel/kube-flannel.yml',
      'kube-proxy/eksctl-sample-1.25-default-addons.json',
      'istio/pilot_default.golden.yaml',
      'istio/ztunnel.golden.yaml',
      'istio/peer-authn-strict-root-permissive-workload-in.yaml',
      'istio/telemetry-mesh-logging.yaml',
      'linkerd/install_default.golden',
      'opentelemetry/build_collector_base.yaml',
      'nodes/nodes.json',
    ),
    object('v1', 'Namespace', 'istio-system'),
    object('v1', 'ConfigMap', 'kube-proxy-config', 'kube-system', {
      data: { config: 'kind: KubeProxyConfiguration\nmode: ipvs\n' },
    }),
    object('gateway.networking.k8s.io/v1', 'Gateway', 'w', 'default', {
      spec: { gatewayClassName: 'istio-waypoint' },
    }),
    object(
      'opentelemetry.io/v1beta1',
      'OpenTelemetryCollector',
      'otel',
      'observability',
      { spec: {} },
    ),
    object(
      'crd.projectcalico.org/v1',
      'FelixConfiguration',
      'default',
      undefined,
      { spec: {} },
    ),
    object('crd.projectcalico.org/v1', 'BGPPeer', 'tor', undefined, {
      spec: {},
    }),
    object(
      'crd.projectcalico.org/v1',
      'GlobalNetworkPolicy',
      'deny',
      undefined,
      { spec: {} },
    ),
    object(
      'cilium.io/v2',
      'CiliumClusterwideNetworkPolicy',
      'ccnp',
      undefined,
      { spec: {} },
    ),
    object('cilium.io/v2alpha1', 'CiliumBGPPeeringPolicy', 'bgp', undefined, {
      spec: {},
    }),
    object('cilium.io/v2', 'CiliumBGPClusterConfig', 'bgp', undefined, {
      spec: {},
    }),
    // calico.yaml serves ClusterNetworkPolicy (v1alpha2); the v1alpha1 admin kinds come from these
    ...fixtures('network-policy-api/anp1.yaml', 'network-policy-api/banp.yaml'),
  ].map(o => {
    if (o.kind === 'ConfigMap' && o.metadata.name === 'cilium-config') {
      return {
        ...o,
        data: { ...(o.data as object), 'enable-bgp-control-plane': 'true' },
      };
    }
    // Calico on most nodes, so that its encryption (FelixConfiguration) is read too.
    if (o.kind === 'DaemonSet' && o.metadata.name === 'calico-node')
      return { ...o, status: { desiredNumberScheduled: 5 } };
    return o;
  });
}

describe('least privilege: deploy/clusterrole.yaml', () => {
  it('grants only get/list, never Secrets, and ConfigMaps only by name', () => {
    const rules = clusterRoleRules(role);
    expect(rules.length).toBeGreaterThan(0);
    expect(
      rules.flatMap(r => r.verbs).filter(v => v !== 'get' && v !== 'list'),
    ).toEqual([]);
    const resources = rules.flatMap(r => r.resources ?? []);
    expect(resources).not.toContain('secrets');
    expect(resources).not.toContain('*');
    expect(rules.flatMap(r => r.apiGroups ?? [])).not.toContain('*');
    expect(rules.filter(r => r.resources?.includes('configmaps'))).toEqual([
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: [
          'cilium-config',
          'cilium-dynamic-metrics-config',
          'kube-proxy',
          'kube-proxy-config',
          'calico-config',
          'kube-flannel-cfg',
          'istio',
          'istio-asm-1-24',
          'istio-asm-1-25',
          'istio-asm-1-26',
          'istio-asm-1-27',
          'istio-asm-1-28',
        ],
        verbs: ['get'],
      },
    ]);
  });

  it.each([
    ...demoClusters().map(c => ({
      name: c.name,
      load: async () => (await loadSnapshotFile(c.file)).items,
    })),
    { name: 'every detector path', load: async () => everything() },
    {
      name: 'synthetic Cilium cluster',
      load: async () => syntheticCluster({ nodes: 10, services: 50 }),
    },
  ])('$name: the collector gets no 403 under the role', async ({ load }) => {
    const { requests, errors } = await scanUnderRole(await load());
    expect(requests.filter(r => r.status === 403).map(r => r.path)).toEqual([]);
    expect(errors.filter(e => e.reason.startsWith('forbidden'))).toEqual([]);
  });

  it('the every-path cluster really reads every kind the role grants', async () => {
    const { requests } = await scanUnderRole(everything());
    const read = new Set(requests.map(r => r.path.split('/').slice(-1)[0]));
    for (const resource of clusterRoleRules(role).flatMap(
      r => r.resources ?? [],
    )) {
      if (resource === 'configmaps') continue;
      expect({ resource, read: read.has(resource) }).toEqual({
        resource,
        read: true,
      });
    }
  });

  it('a narrower role shows up as forbidden facts, not as a failed scan', async () => {
    const narrow = role.replace(
      /resources: \[daemonsets, deployments\]/,
      'resources: [deployments]',
    );
    const { facts, requests } = await scanUnderRole(
      syntheticCluster({ nodes: 2, services: 5 }),
      narrow,
    );
    expect(requests.filter(r => r.status === 403).map(r => r.path)).toEqual([
      '/apis/apps/v1/daemonsets',
    ]);
    expect(facts.cni?.reason).toBe(
      'forbidden: list DaemonSets in all namespaces (daemonsets.apps is forbidden: User "system:serviceaccount:network-scorecard:network-scorecard" cannot list resource "daemonsets" in API group "apps" at the cluster scope)',
    );
    expect(facts.nodes?.value?.total).toBe(2);
  });
});
