import { KubeObject } from '@network-scorecard/node';

/** @public */
export interface SyntheticClusterOptions {
  nodes: number;
  services: number;
  /** application Deployments (default: one per Service) */
  deployments?: number;
  /** namespaces the applications are spread over (default 20) */
  namespaces?: number;
}

const meta = (
  name: string,
  namespace?: string,
  labels?: Record<string, string>,
) => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: `${namespace ?? 'cluster'}-${name}`,
  resourceVersion: '1',
  creationTimestamp: '2026-01-01T00:00:00Z',
  ...(labels ? { labels } : {}),
});

function node(i: number): KubeObject {
  const name = `worker-${String(i).padStart(3, '0')}`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, undefined, {
      'kubernetes.io/os': 'linux',
      'kubernetes.io/hostname': name,
    }),
    spec: {
      podCIDR: `10.0.${i}.0/24`,
      providerID: `aws:///eu-west-1a/i-0${i}`,
    },
    status: {
      nodeInfo: {
        kernelVersion: '6.1.112-124.190.amzn2023.x86_64',
        osImage: 'Amazon Linux 2023',
        operatingSystem: 'linux',
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://1.7.22',
        kubeletVersion: 'v1.31.2',
      },
      addresses: [{ type: 'InternalIP', address: `10.1.0.${i}` }],
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      images: Array.from({ length: 8 }, (_, j) => ({
        names: [`registry.example.com/team/app-${j}:1.${j}.0`],
        sizeBytes: 50_000_000 + j,
      })),
    },
  };
}

function workload(
  kind: 'Deployment' | 'DaemonSet',
  name: string,
  namespace: string,
  image: string,
  labels: Record<string, string>,
  extra: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: meta(name, namespace, labels),
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name,
              image,
              ports: [{ containerPort: 8080, protocol: 'TCP' }],
              resources: { requests: { cpu: '100m', memory: '128Mi' } },
              ...extra,
            },
          ],
        },
      },
    },
    status:
      kind === 'DaemonSet'
        ? { desiredNumberScheduled: 10, numberReady: 10 }
        : { replicas: 2, readyReplicas: 2 },
  };
}

/**
 * A Cilium cluster (kube-proxy replaced, Hubble with relay and UI) with the
 * given numbers of nodes, Services and application Deployments, for the
 * request-budget test and the benchmark.
 * @public
 */
export function syntheticCluster(
  options: SyntheticClusterOptions,
): KubeObject[] {
  const appNamespaces = options.namespaces ?? 20;
  const objects: KubeObject[] = [];
  for (const ns of [
    'default',
    'kube-system',
    ...Array.from({ length: appNamespaces }, (_, i) => `team-${i}`),
  ]) {
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: meta(ns) });
  }
  for (let i = 0; i < options.nodes; i++) objects.push(node(i));
  objects.push(
    workload(
      'DaemonSet',
      'cilium',
      'kube-system',
      'quay.io/cilium/cilium:v1.18.2',
      { 'k8s-app': 'cilium' },
    ),
    workload(
      'DaemonSet',
      'cilium-envoy',
      'kube-system',
      'quay.io/cilium/cilium-envoy:v1.34.7',
      { 'k8s-app': 'cilium-envoy' },
    ),
    workload(
      'Deployment',
      'cilium-operator',
      'kube-system',
      'quay.io/cilium/operator-generic:v1.18.2',
      { 'io.cilium/app': 'operator' },
    ),
    workload(
      'Deployment',
      'hubble-relay',
      'kube-system',
      'quay.io/cilium/hubble-relay:v1.18.2',
      { 'k8s-app': 'hubble-relay' },
    ),
    workload(
      'Deployment',
      'hubble-ui',
      'kube-system',
      'quay.io/cilium/hubble-ui:v0.13.3',
      { 'k8s-app': 'hubble-ui' },
    ),
    workload(
      'Deployment',
      'coredns',
      'kube-system',
      'registry.k8s.io/coredns/coredns:v1.11.3',
      { 'k8s-app': 'kube-dns' },
    ),
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta('cilium-config', 'kube-system'),
      data: {
        'kube-proxy-replacement': 'true',
        'routing-mode': 'native',
        'enable-hubble': 'true',
        'hubble-metrics-server': ':9965',
        'hubble-metrics': 'dns drop tcp flow httpV2:exemplars=true',
        'enable-wireguard': 'true',
        'enable-l7-proxy': 'true',
        'external-envoy-proxy': 'true',
      },
    },
  );
  for (const [kind, plural, scope] of [
    ['CiliumNetworkPolicy', 'ciliumnetworkpolicies', 'Namespaced'],
    [
      'CiliumClusterwideNetworkPolicy',
      'ciliumclusterwidenetworkpolicies',
      'Cluster',
    ],
  ]) {
    objects.push({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: meta(`${plural}.cilium.io`),
      spec: {
        group: 'cilium.io',
        names: {
          kind,
          plural,
          listKind: `${kind}List`,
          singular: kind.toLowerCase(),
        },
        scope,
        versions: [{ name: 'v2', served: true, storage: true }],
      },
    });
  }
  objects.push({
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumNetworkPolicy',
    metadata: meta('allow-dns', 'team-0'),
    spec: {
      endpointSelector: {},
      egress: [
        {
          toEndpoints: [
            {
              matchLabels: {
                'k8s:io.kubernetes.pod.namespace': 'kube-system',
                'k8s:k8s-app': 'kube-dns',
              },
            },
          ],
          toPorts: [
            {
              ports: [{ port: '53', protocol: 'ANY' }],
              rules: { dns: [{ matchPattern: '*' }] },
            },
          ],
        },
      ],
    },
  });
  const deployments = options.deployments ?? options.services;
  for (let i = 0; i < options.services; i++) {
    const namespace = `team-${i % appNamespaces}`;
    const name = `svc-${i}`;
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(name, namespace, { app: name }),
      spec: {
        type: 'ClusterIP',
        clusterIP: `10.96.${Math.floor(i / 250)}.${i % 250}`,
        ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }],
        selector: { app: name },
      },
    });
  }
  for (let i = 0; i < deployments; i++) {
    const namespace = `team-${i % appNamespaces}`;
    objects.push(
      workload(
        'Deployment',
        `svc-${i}`,
        namespace,
        `registry.example.com/${namespace}/svc-${i}:1.0.${i}`,
        { app: `svc-${i}` },
      ),
    );
  }
  return objects;
}
