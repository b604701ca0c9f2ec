/** Evidence lines the fixture clusters carry, spelled out once for exact expectations. */
export const EV = {
  ciliumCharm:
    'DaemonSet kube-system/cilium: image quay.io/cilium/cilium:v1.16.10',
  ciliumAks:
    'DaemonSet kube-system/cilium: image $CILIUM_IMAGE_REGISTRY/cilium/cilium-distroless:$CILIUM_VERSION_TAG',
  ciliumV19: 'DaemonSet kube-system/cilium: image quay.io/cilium/cilium:latest',
  calico:
    'DaemonSet kube-system/calico-node: image quay.io/calico/node:v3.32.1',
  calicoIptables:
    'DaemonSet kube-system/calico-node: FELIX_BPFENABLED not set (iptables dataplane)',
  calicoBpf: 'Installation default: spec.calicoNetwork.linuxDataplane=BPF',
  flannel:
    'DaemonSet kube-flannel/kube-flannel-ds: image ghcr.io/flannel-io/flannel:v0.28.9',
  eksNodes: [
    'Node duckboat-01: kernelVersion=5.4.129-63.229.amzn2.aarch64',
    'Node duckboat-02: kernelVersion=5.4.129-63.229.amzn2.aarch64',
  ],
  minikubeNode: 'Node datagen-1-35: kernelVersion=6.12.54-linuxkit',
  kubeProxyDs: (nodes: number) =>
    `DaemonSet kube-system/kube-proxy: image 602401143452.dkr.ecr.ap-northeast-2.amazonaws.com/eks/kube-proxy:v1.25.6-minimal-eksbuild.1, desiredNumberScheduled=${nodes}`,
  kubeProxyMode:
    'ConfigMap kube-system/kube-proxy: config.conf mode="" (iptables, the Linux default)',
  kpr: (value: string) =>
    `ConfigMap kube-system/cilium-config: kube-proxy-replacement=${value}`,
  production: 'catalog: spec.lifecycle=production',
};
