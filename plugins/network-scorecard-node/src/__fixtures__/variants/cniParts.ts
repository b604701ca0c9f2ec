import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  UPSTREAM,
  find,
  fixtures,
  object,
  patched,
} from '../../__testUtils__/fixtures';
import { KubeObject } from '../../reader/types';

/** The minikube node of nri-kubernetes (kernel 6.12, Ready), renamed, with its own InternalIP. */
export function linuxNode(
  name: string,
  ip: string,
  change: (copy: any) => void = () => undefined,
): KubeObject {
  const [modern] = fixtures('nodes/nri-kubernetes-1_35-nodes.yaml');
  return patched(modern, c => {
    c.metadata.name = name;
    c.metadata.labels['kubernetes.io/hostname'] = name;
    c.status.addresses = [
      { address: ip, type: 'InternalIP' },
      { address: name, type: 'Hostname' },
    ];
    change(c);
  });
}

/** `count` Linux nodes 10.0.0.11… on kernel 6.12 unless `change` says otherwise. */
export function linuxNodes(
  count: number,
  change: (copy: any, i: number) => void = () => undefined,
  prefix = 'worker',
): KubeObject[] {
  return Array.from({ length: count }, (_, i) =>
    linuxNode(`${prefix}-${i + 1}`, `10.0.0.${11 + i}`, c => change(c, i)),
  );
}

/** Windows Server 2022 nodes, as the kubelet reports them (OS label, nodeInfo, build kernel). */
export function windowsNodes(count: number): KubeObject[] {
  return Array.from({ length: count }, (_, i) =>
    linuxNode(`win-${i + 1}`, `10.0.1.${11 + i}`, c => {
      c.metadata.labels['kubernetes.io/os'] = 'windows';
      c.metadata.labels['beta.kubernetes.io/os'] = 'windows';
      c.status.nodeInfo.operatingSystem = 'windows';
      c.status.nodeInfo.osImage = 'Windows Server 2022 Datacenter';
      c.status.nodeInfo.kernelVersion = '10.0.20348.2700';
    }),
  );
}

/** The EKS arm64 nodes of nodes.json (kernel 5.4). */
export function eksNodes(): KubeObject[] {
  return fixtures('nodes/nodes.json');
}

function kubeadmKubeProxyConfiguration(mode?: string): string {
  const text = readFileSync(
    resolve(UPSTREAM, 'kube-proxy/kubeadm-defaulted-controlplane.yaml'),
    'utf8',
  );
  const conf = text
    .split(/^---$/m)
    .find(doc => /^kind: KubeProxyConfiguration$/m.test(doc))!
    .trimStart();
  return mode === undefined ? conf : conf.replace('mode: ""', `mode: ${mode}`);
}

/**
 * kube-proxy as kubeadm deploys it: the EKS-exported DaemonSet without its
 * EKS label and EKS config volume, mounting kubeadm's ConfigMap kube-proxy
 * (key config.conf, the defaulted KubeProxyConfiguration).
 */
export function kubeadmKubeProxy(mode?: string): KubeObject[] {
  const ds = patched(
    find(
      fixtures('kube-proxy/eksctl-sample-1.25-default-addons.json'),
      'DaemonSet',
      'kube-proxy',
    ),
    c => {
      delete c.metadata.labels['eks.amazonaws.com/component'];
      c.spec.template.spec.volumes = c.spec.template.spec.volumes.filter(
        (v: any) => v.name !== 'config',
      );
    },
  );
  return [
    ds,
    object('v1', 'ConfigMap', 'kube-proxy', 'kube-system', {
      data: { 'config.conf': kubeadmKubeProxyConfiguration(mode) },
    }),
  ];
}

/** The eksctl export of a real EKS 1.25 cluster (aws-node, kube-proxy, CoreDNS) with the kube-proxy-config it mounts. */
export function eksAddons(): KubeObject[] {
  return [
    ...fixtures('kube-proxy/eksctl-sample-1.25-default-addons.json'),
    object('v1', 'ConfigMap', 'kube-proxy-config', 'kube-system', {
      data: { config: kubeadmKubeProxyConfiguration('iptables') },
    }),
  ];
}

/** `count` ClusterIP Services in namespace shop. */
export function services(count: number): KubeObject[] {
  return Array.from({ length: count }, (_, i) =>
    object('v1', 'Service', `svc-${i + 1}`, 'shop', {
      spec: { type: 'ClusterIP', ports: [{ port: 80 }] },
    }),
  );
}

/** Canonical's Cilium 1.16.10 charm render; `data` sets cilium-config keys as Helm renders them. */
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

/** Cilium's kube-proxy replacement as Helm kubeProxyReplacement=true renders it. */
export const KPR = { 'kube-proxy-replacement': 'true' };

/** A DaemonSet with the number of nodes its pods are scheduled on. */
export function scheduledOn(ds: KubeObject, nodes: number): KubeObject {
  return patched(ds, c => {
    c.status = {
      desiredNumberScheduled: nodes,
      currentNumberScheduled: nodes,
      numberReady: nodes,
    };
  });
}

/** Calico's manifest install (calico.yaml v3.32.1: iptables, BGP via bird). */
export function calicoManifest(): KubeObject[] {
  return fixtures('calico/calico.yaml');
}

/**
 * Calico by the Tigera operator in eBPF mode (custom-resources-bpf.yaml, the
 * manifest's calico-node moved to calico-system) with kube-proxy switched
 * off the way the operator does it (nodeSelector disable-kube-proxy, no pods).
 */
export function calicoOperatorBpf(): KubeObject[] {
  const [kubeProxy, config] = kubeadmKubeProxy();
  return [
    ...fixtures('calico/custom-resources-bpf.yaml'),
    patched(find(calicoManifest(), 'DaemonSet', 'calico-node'), c => {
      c.metadata.namespace = 'calico-system';
    }),
    patched(kubeProxy, c => {
      c.spec.template.spec.nodeSelector = {
        'kubernetes.io/os': 'linux',
        'operator.tigera.io/disable-kube-proxy': 'true',
      };
      c.status = { desiredNumberScheduled: 0 };
    }),
    config,
  ];
}
