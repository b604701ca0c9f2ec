import { createHash } from 'node:crypto';
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

/** A hex string derived from a seed, for uids and image digests. */
function hex(seed: string, length: number): string {
  let out = '';
  for (let round = 0; out.length < length; round++)
    out += createHash('sha256').update(`${seed}/${round}`).digest('hex');
  return out.slice(0, length);
}

function uuid(seed: string): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(
    16,
    20,
  )}-${h.slice(20)}`;
}

const IMAGE_REPOSITORIES = [
  '602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni',
  '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/kube-proxy',
  '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/pause',
  '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/aws-ebs-csi-driver',
  '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/csi-node-driver-registrar',
  'quay.io/cilium/cilium',
  'quay.io/cilium/cilium-envoy',
  'quay.io/prometheus/node-exporter',
  'registry.k8s.io/coredns/coredns',
  'docker.io/grafana/promtail',
  'public.ecr.aws/aws-observability/aws-for-fluent-bit',
];

/** The image cache of a worker: system images plus application images of its past Pods. */
function images(i: number) {
  return Array.from({ length: 50 }, (_, j) => {
    const image = (i * 7 + j * 13) % 400;
    const repository =
      j < IMAGE_REPOSITORIES.length
        ? IMAGE_REPOSITORIES[j]
        : `123456789012.dkr.ecr.eu-west-1.amazonaws.com/team-${
            image % 20
          }/service-${image}`;
    const tag = `v1.${image % 30}.${image % 7}-build.${1000 + image}`;
    return {
      names: [
        `${repository}@sha256:${hex(`${repository}:${tag}`, 64)}`,
        `${repository}:${tag}`,
      ],
      sizeBytes: 20_000_000 + ((image * 7_919_113) % 900_000_000),
    };
  });
}

const condition = (
  type: string,
  status: string,
  reason: string,
  message: string,
) => ({
  type,
  status,
  lastHeartbeatTime: '2026-01-20T10:14:15Z',
  lastTransitionTime: '2026-01-01T00:01:10Z',
  reason,
  message,
});

const RESOURCES_OF_NODE = {
  cpu: '8',
  'ephemeral-storage': '104845292Ki',
  'hugepages-1Gi': '0',
  'hugepages-2Mi': '0',
  memory: '32114324Ki',
  pods: '110',
};

/** A worker as an EKS kubelet registers it (shape of fixtures/upstream/nodes/nodes.json), 10–20 KB. */
function node(i: number): KubeObject {
  const name = `worker-${String(i).padStart(3, '0')}`;
  const ip = `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  const zone = `eu-west-1${'abc'[i % 3]}`;
  const dns = `ip-${ip.replace(/\./g, '-')}.eu-west-1.compute.internal`;
  const instance = `i-0${hex(`instance-${i}`, 16)}`;
  const labels = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/instance-type': 'm6i.2xlarge',
    'beta.kubernetes.io/os': 'linux',
    'eks.amazonaws.com/capacityType': 'ON_DEMAND',
    'eks.amazonaws.com/nodegroup': 'workers',
    'eks.amazonaws.com/nodegroup-image': 'ami-0a1b2c3d4e5f67890',
    'failure-domain.beta.kubernetes.io/region': 'eu-west-1',
    'failure-domain.beta.kubernetes.io/zone': zone,
    'k8s.io/cloud-provider-aws': hex('cloud-provider', 32),
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': 'm6i.2xlarge',
    'topology.ebs.csi.aws.com/zone': zone,
    'topology.kubernetes.io/region': 'eu-west-1',
    'topology.kubernetes.io/zone': zone,
  };
  const annotations = {
    'alpha.kubernetes.io/provided-node-ip': ip,
    'csi.volume.kubernetes.io/nodeid': JSON.stringify({
      'ebs.csi.aws.com': instance,
    }),
    'node.alpha.kubernetes.io/ttl': '0',
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  };
  const owned = (keys: object) =>
    Object.fromEntries(Object.keys(keys).map(k => [`f:${k}`, {}]));
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      ...meta(name, undefined, labels),
      uid: uuid(`node-${i}`),
      resourceVersion: String(100_000 + i),
      annotations,
      managedFields: [
        {
          manager: 'kubelet',
          operation: 'Update',
          apiVersion: 'v1',
          time: '2026-01-01T00:00:30Z',
          fieldsType: 'FieldsV1',
          fieldsV1: {
            'f:metadata': {
              'f:annotations': { '.': {}, ...owned(annotations) },
              'f:labels': { '.': {}, ...owned(labels) },
            },
            'f:spec': { 'f:providerID': {} },
          },
        },
        {
          manager: 'kubelet',
          operation: 'Update',
          apiVersion: 'v1',
          time: '2026-01-20T10:14:15Z',
          fieldsType: 'FieldsV1',
          fieldsV1: {
            'f:status': {
              'f:conditions': Object.fromEntries(
                ['DiskPressure', 'MemoryPressure', 'PIDPressure', 'Ready'].map(
                  t => [`k:{"type":"${t}"}`, { 'f:lastHeartbeatTime': {} }],
                ),
              ),
              'f:images': {},
              'f:nodeInfo': { 'f:bootID': {} },
            },
          },
          subresource: 'status',
        },
      ],
    },
    spec: {
      podCIDR: `10.0.${i % 250}.0/24`,
      podCIDRs: [`10.0.${i % 250}.0/24`],
      providerID: `aws:///${zone}/${instance}`,
    },
    status: {
      capacity: { ...RESOURCES_OF_NODE, 'attachable-volumes-aws-ebs': '25' },
      allocatable: {
        ...RESOURCES_OF_NODE,
        cpu: '7910m',
        'ephemeral-storage': '95551679124',
        memory: '31097492Ki',
      },
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition(
          'DiskPressure',
          'False',
          'KubeletHasNoDiskPressure',
          'kubelet has no disk pressure',
        ),
        condition(
          'PIDPressure',
          'False',
          'KubeletHasSufficientPID',
          'kubelet has sufficient PID available',
        ),
        condition(
          'Ready',
          'True',
          'KubeletReady',
          'kubelet is posting ready status',
        ),
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'InternalDNS', address: dns },
        { type: 'Hostname', address: dns },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hex(`machine-${i}`, 32),
        systemUUID: uuid(`system-${i}`),
        bootID: uuid(`boot-${i}`),
        kernelVersion: '6.1.112-124.190.amzn2023.x86_64',
        osImage: 'Amazon Linux 2023.6.20241031',
        containerRuntimeVersion: 'containerd://1.7.22',
        kubeletVersion: 'v1.31.2-eks-94953ac',
        kubeProxyVersion: 'v1.31.2-eks-94953ac',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: images(i),
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
