import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  UPSTREAM,
  fixtures,
  object,
  patched,
} from '../../__testUtils__/fixtures';
import { KubeObject } from '../../reader/types';

/** A Namespace as `kubectl create namespace` makes it, with the labels and annotations a mesh reads. */
export function namespace(
  name: string,
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
): KubeObject {
  return patched(object('v1', 'Namespace', name), c => {
    c.metadata.labels = { 'kubernetes.io/metadata.name': name, ...labels };
    if (Object.keys(annotations).length) c.metadata.annotations = annotations;
  });
}

/** The namespaces every cluster has. */
export function systemNamespaces(): KubeObject[] {
  return ['kube-system', 'kube-public', 'kube-node-lease'].map(n =>
    namespace(n),
  );
}

/**
 * kube-proxy and CoreDNS as eksctl exports them, without the AWS VPC CNI, and
 * kubeadm's defaulted KubeProxyConfiguration (mode "": iptables) in the
 * ConfigMap that DaemonSet mounts (kube-system/kube-proxy-config, key config).
 */
export function kubeProxyAddons(): KubeObject[] {
  const kubeadm = readFileSync(
    resolve(UPSTREAM, 'kube-proxy/kubeadm-defaulted-controlplane.yaml'),
    'utf8',
  )
    .split(/^---$/m)
    .find(doc => /^kind: KubeProxyConfiguration$/m.test(doc));
  return [
    ...fixtures('kube-proxy/eksctl-sample-1.25-default-addons.json').filter(
      o =>
        o.metadata.name !== 'aws-node' &&
        o.metadata.name !== 'eniconfigs.crd.k8s.amazonaws.com',
    ),
    object('v1', 'ConfigMap', 'kube-proxy-config', 'kube-system', {
      data: { config: (kubeadm ?? '').trimStart() },
    }),
  ];
}

/** The Linux nodes of a recent cluster (kernel 6.12). */
export function nodes(): KubeObject[] {
  return fixtures('nodes/nri-kubernetes-1_35-nodes.yaml');
}

/**
 * Canonical's Cilium 1.16.10 charm render with Hubble Relay; `data` sets
 * cilium-config keys the way the Helm values behind them render.
 */
export function charmCilium(data: Record<string, string> = {}): KubeObject[] {
  return fixtures(
    'cilium/charm-cilium-1.16.10-rendered.yaml',
    'cilium/charm-hubble-relay-1.16.10-rendered.yaml',
  ).map(o =>
    o.kind === 'ConfigMap' && o.metadata.name === 'cilium-config'
      ? patched(o, c => Object.assign(c.data, data))
      : o,
  );
}

/** A Cilium charm cluster on recent kernels, kube-proxy kept (the charm's default). */
export function ciliumCluster(data: Record<string, string> = {}) {
  return [
    ...systemNamespaces(),
    ...charmCilium(data),
    ...kubeProxyAddons(),
    ...nodes(),
  ];
}

/** Calico's upstream manifest (iptables dataplane) with kube-proxy, on recent kernels. */
export function calicoCluster(): KubeObject[] {
  return [
    ...systemNamespaces(),
    ...fixtures('calico/calico.yaml'),
    ...kubeProxyAddons(),
    ...nodes(),
  ];
}

/** Helm values authentication.mutual.spire.enabled=true render these cilium-config keys. */
export const MUTUAL_AUTH = {
  'mesh-auth-enabled': 'true',
  'mesh-auth-mutual-enabled': 'true',
};

/** cilium/cnp-with-mutual-auth.yaml in a namespace, optionally widened to every endpoint. */
export function mutualAuthPolicy(
  namespaceName: string,
  everyEndpoint = false,
): KubeObject {
  const [policy] = fixtures('cilium/cnp-with-mutual-auth.yaml');
  return patched(policy, c => {
    c.metadata.namespace = namespaceName;
    if (everyEndpoint) c.spec.endpointSelector = {};
  });
}
