import { fixtures, object, patched } from '../../__testUtils__/fixtures';
import { KubeObject } from '../../reader/types';
import {
  KPR,
  calicoManifest,
  calicoOperatorBpf,
  charmCilium,
  eksAddons,
  eksNodes,
  kubeadmKubeProxy,
  linuxNodes,
  scheduledOn,
  services,
  windowsNodes,
} from './cniParts';
import { Variant } from './types';

const AKS_CILIUM = [
  'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
  'cilium/aks-acn-v1.18-cilium-config-hubble.yaml',
  'cilium/aks-acn-v1.18-cilium-operator-deployment.yaml',
];

/** AKS nodes: kubelet v1.31.x on Ubuntu 22.04 with the -azure kernel. */
const aksNode = (c: any) => {
  c.metadata.labels['kubernetes.azure.com/cluster'] = 'MC_rg_aks-1_westeurope';
  c.status.nodeInfo.kubeletVersion = 'v1.31.5';
  c.status.nodeInfo.kernelVersion = '5.15.0-1079-azure';
  c.status.nodeInfo.osImage = 'Ubuntu 22.04.5 LTS';
};

const rhel = (kernel: string) => (c: any) => {
  c.status.nodeInfo.kernelVersion = kernel;
  c.status.nodeInfo.osImage = 'Red Hat Enterprise Linux 8.10 (Ootpa)';
};

/** The manifest's calico-node and the charm's cilium agent, each on some of the nodes. */
function halfMigrated(): KubeObject[] {
  const cilium = charmCilium().map(o =>
    o.kind === 'DaemonSet' && o.metadata.name === 'cilium'
      ? scheduledOn(o, 2)
      : o,
  );
  const calico = calicoManifest().map(o =>
    o.kind === 'DaemonSet' && o.metadata.name === 'calico-node'
      ? scheduledOn(o, 3)
      : o,
  );
  return [...calico, ...cilium];
}

/** The Flannel manifest's DaemonSet as Talos and other distributions name it: kube-flannel in kube-system, k8s-app=flannel. */
function renamedFlannel(): KubeObject[] {
  return fixtures('flannel/kube-flannel.yml').map(o => {
    if (o.kind !== 'DaemonSet' && !(o.kind === 'ConfigMap')) return o;
    return patched(o, c => {
      c.metadata.namespace = 'kube-system';
      if (c.kind === 'DaemonSet') {
        c.metadata.name = 'kube-flannel';
        c.metadata.labels = { 'k8s-app': 'flannel' };
        c.spec.selector.matchLabels = { 'k8s-app': 'flannel' };
        c.spec.template.metadata.labels = { 'k8s-app': 'flannel' };
        c.spec.template.spec.containers[0].name = 'flannel';
      }
    });
  });
}

/**
 * Calico's docs BGPPeers as the manifest install stores them: the CRD group
 * crd.projectcalico.org/v1 (the docs write projectcalico.org/v3, the API
 * server's view of the same objects).
 */
function asStored(objects: KubeObject[]): KubeObject[] {
  return objects.map(o =>
    o.apiVersion === 'projectcalico.org/v3'
      ? patched(o, c => (c.apiVersion = 'crd.projectcalico.org/v1'))
      : o,
  );
}

function docsPeers(): KubeObject[] {
  return asStored(fixtures('calico/docs-bgp-peers.yaml'));
}

/** Variants for the cni and kube-proxy rules (and their readiness and anti-pattern items). */
export const CNI_VARIANTS: Record<string, Variant> = {
  'cni-cilium-charm-old-kernels': {
    description:
      "Canonical's Cilium 1.16.10 charm render as shipped (kube-proxy-replacement=false, Hubble Relay, no UI) next to kubeadm's kube-proxy (iptables), on the two EKS arm64 nodes of nodes.json (kernel 5.4.129).",
    objects: () => [
      ...charmCilium(),
      ...kubeadmKubeProxy(),
      ...eksNodes(),
      ...services(4),
    ],
  },
  'cni-cilium-kpr': {
    description:
      'The Cilium 1.16.10 charm render with kube-proxy-replacement=true (as Helm kubeProxyReplacement=true renders it) and no kube-proxy DaemonSet, on three kernel-6.12 nodes (the nri-kubernetes minikube node, copied).',
    objects: () => [...charmCilium(KPR), ...linuxNodes(3), ...services(40)],
  },
  'cni-cilium-kpr-kube-proxy-left': {
    description:
      "As cni-cilium-kpr, but kubeadm's kube-proxy DaemonSet (iptables) still runs next to the replacement.",
    objects: () => [
      ...charmCilium(KPR),
      ...kubeadmKubeProxy(),
      ...linuxNodes(3),
      ...services(40),
    ],
  },
  'cni-cilium-rhel8': {
    description:
      'The Cilium 1.16.10 charm render with kube-proxy-replacement=true on three nodes whose kernel was changed to RHEL 8.10\'s 4.18.0-553.16.1.el8_10.x86_64 (osImage "Red Hat Enterprise Linux 8.10 (Ootpa)").',
    objects: () => [
      ...charmCilium(KPR),
      ...linuxNodes(3, rhel('4.18.0-553.16.1.el8_10.x86_64')),
      ...services(40),
    ],
  },
  'cni-cilium-unreadable-kernel': {
    description:
      'As cni-cilium-kpr, with one of the three nodes reporting an empty nodeInfo.kernelVersion (a node whose kubelet has not reported it yet).',
    objects: () => [
      ...charmCilium(KPR),
      ...linuxNodes(3, (c, i) => {
        if (i === 2) c.status.nodeInfo.kernelVersion = '';
      }),
      ...services(40),
    ],
  },
  'cni-cilium-probe': {
    description:
      'Cilium\'s v1.9 quick install (experimental-install.yaml: kube-proxy-replacement "probe", Hubble relay and UI) with no kube-proxy DaemonSet, on three kernel-6.12 nodes: kube-proxy may run as static pods, which the scanner does not read.',
    objects: () => [
      ...fixtures('cilium/experimental-install-v1.9-dev.yaml'),
      ...linuxNodes(3),
      ...services(10),
    ],
  },
  'cni-aks-cilium': {
    description:
      'AKS "Azure CNI powered by Cilium": Azure/azure-container-networking\'s v1.18 cilium DaemonSet (pod label kubernetes.azure.com/ebpf-dataplane=cilium), cilium-config with Hubble and kube-proxy-replacement=true and the operator Deployment, azure-cns (delegated IPAM), on three Linux nodes relabelled as AKS nodes (kubernetes.azure.com/cluster, kubelet v1.31.5, kernel 5.15.0-1079-azure); no kube-proxy DaemonSet (AKS drops it with the Cilium dataplane, which runs no Windows node pools).',
    objects: () => [
      ...fixtures(...AKS_CILIUM, 'azure/azure-cns-daemonset-linux.yaml'),
      ...linuxNodes(3, aksNode),
      ...services(60),
    ],
  },
  'cni-aks-azure-cni': {
    description:
      "AKS with Azure CNI (no Cilium): Azure/azure-container-networking's azure-cns DaemonSet and kubeadm's kube-proxy (iptables), on three Linux and two Windows Server 2022 nodes relabelled as AKS nodes.",
    objects: () => [
      ...fixtures('azure/azure-cns-daemonset-linux.yaml'),
      ...kubeadmKubeProxy(),
      ...linuxNodes(3, aksNode),
      ...windowsNodes(2).map(n =>
        patched(n, c => {
          c.metadata.labels['kubernetes.azure.com/cluster'] =
            'MC_rg_aks-1_westeurope';
        }),
      ),
      ...services(60),
    ],
  },
  'cni-eks-vpc-cni': {
    description:
      "EKS with the AWS VPC CNI: eksctl's export of a real EKS 1.25 cluster (aws-node v1.12.2-eksbuild.1, kube-proxy, CoreDNS) plus the kube-proxy-config ConfigMap its kube-proxy mounts (kubeadm's KubeProxyConfiguration, mode iptables), on the EKS arm64 nodes of nodes.json (kernel 5.4).",
    objects: () => [...eksAddons(), ...eksNodes(), ...services(30)],
  },
  'cni-gke-dpv2': {
    description:
      "GKE Dataplane V2 stood in: GKE's anetd DaemonSet is not published, so the Cilium 1.16.10 charm render's agent DaemonSet is renamed anetd (labels kept, k8s-app=cilium as on GKE) with its cilium-config; no kube-proxy DaemonSet; three nodes with a GKE kubelet build (v1.31.5-gke.1023000) and COS kernel 6.6.72+.",
    objects: () => [
      ...charmCilium().map(o =>
        o.kind === 'DaemonSet' && o.metadata.name === 'cilium'
          ? patched(o, c => (c.metadata.name = 'anetd'))
          : o,
      ),
      ...linuxNodes(3, c => {
        c.status.nodeInfo.kubeletVersion = 'v1.31.5-gke.1023000';
        c.status.nodeInfo.kernelVersion = '6.6.72+';
        c.status.nodeInfo.osImage = 'Container-Optimized OS from Google';
      }),
      ...services(60),
    ],
  },
  'cni-calico-iptables': {
    description:
      "Calico's manifest install (calico.yaml v3.32.1: iptables dataplane, BGP node mesh, no BGPPeer) with kubeadm's kube-proxy (iptables), three kernel-6.12 nodes and 1,250 Services.",
    objects: () => [
      ...calicoManifest(),
      ...kubeadmKubeProxy(),
      ...linuxNodes(3),
      ...services(1250),
    ],
  },
  'cni-calico-old-kernels': {
    description:
      "Calico's manifest install with kubeadm's kube-proxy on the EKS arm64 nodes of nodes.json (kernel 5.4) and a Calico GlobalNetworkPolicy from Calico's docs (deny-blue, stored as crd.projectcalico.org/v1) to translate.",
    objects: () => [
      ...calicoManifest(),
      ...kubeadmKubeProxy(),
      ...eksNodes(),
      ...asStored(fixtures('calico/docs-calico-network-policy.yaml')).filter(
        o => o.kind === 'GlobalNetworkPolicy',
      ),
      ...services(12),
    ],
  },
  'cni-calico-bpf': {
    description:
      'Calico by the Tigera operator on its eBPF dataplane (custom-resources-bpf.yaml, linuxDataplane BPF), calico-node in calico-system, kube-proxy switched off by the operator (nodeSelector operator.tigera.io/disable-kube-proxy=true, 0 pods), three kernel-6.12 nodes.',
    objects: () => [...calicoOperatorBpf(), ...linuxNodes(3), ...services(30)],
  },
  'cni-calico-bgp-tor': {
    description:
      "A stable Calico peering with the physical network: the manifest install with kubeadm's kube-proxy, Calico's docs BGPPeers my-global-peer and rack1-tor (192.20.30.40, not a node; stored as crd.projectcalico.org/v1), three kernel-6.12 nodes.",
    objects: () => [
      ...calicoManifest(),
      ...kubeadmKubeProxy(),
      ...docsPeers().filter(
        o => o.metadata.name !== 'peer-with-route-reflectors',
      ),
      ...linuxNodes(3),
      ...services(30),
    ],
  },
  'cni-calico-route-reflectors': {
    description:
      "Calico with in-cluster route reflectors only: the manifest install with kubeadm's kube-proxy, BGPConfiguration default with nodeToNodeMeshEnabled=false, Calico's docs BGPPeer peer-with-route-reflectors (peerSelector route-reflector == 'true') and its docs peer my-global-peer re-addressed to node worker-1's InternalIP 10.0.0.11; three kernel-6.12 nodes.",
    objects: () => {
      const [global, , reflectors] = docsPeers();
      return [
        ...calicoManifest(),
        ...kubeadmKubeProxy(),
        object(
          'crd.projectcalico.org/v1',
          'BGPConfiguration',
          'default',
          undefined,
          {
            spec: { nodeToNodeMeshEnabled: false, asNumber: 64512 },
          },
        ),
        reflectors,
        patched(global, c => {
          c.metadata.name = 'to-rr-worker-1';
          c.spec.peerIP = '10.0.0.11';
        }),
        ...linuxNodes(3),
        ...services(30),
      ];
    },
  },
  'cni-calico-windows': {
    description:
      "Calico's manifest install with kubeadm's kube-proxy on three Linux (kernel 6.12) and two Windows Server 2022 nodes.",
    objects: () => [
      ...calicoManifest(),
      ...kubeadmKubeProxy(),
      ...linuxNodes(3),
      ...windowsNodes(2),
      ...services(30),
    ],
  },
  'cni-cilium-windows': {
    description:
      'The Cilium 1.16.10 charm render with kube-proxy-replacement=true on three Linux (kernel 6.12) and two Windows Server 2022 nodes.',
    objects: () => [
      ...charmCilium(KPR),
      ...linuxNodes(3),
      ...windowsNodes(2),
      ...services(30),
    ],
  },
  'cni-migrating': {
    description:
      "Calico to Cilium half-way: the manifest's calico-node scheduled on 3 nodes and the Cilium 1.16.10 charm agent on 2 (status.desiredNumberScheduled set), kubeadm's kube-proxy, five kernel-6.12 nodes.",
    objects: () => [
      ...halfMigrated(),
      ...kubeadmKubeProxy(),
      ...linuxNodes(5),
      ...services(30),
    ],
  },
  'cni-flannel': {
    description:
      "Flannel's manifest (kube-flannel.yml v0.28.9, DaemonSet kube-flannel/kube-flannel-ds) with kubeadm's kube-proxy on two kernel-6.12 nodes.",
    objects: () => [
      ...fixtures('flannel/kube-flannel.yml'),
      ...kubeadmKubeProxy(),
      ...linuxNodes(2),
      ...services(3),
    ],
  },
  'cni-flannel-renamed': {
    description:
      "Flannel deployed under another name: kube-flannel.yml's DaemonSet and ConfigMap moved to kube-system, the DaemonSet renamed kube-flannel, labelled k8s-app=flannel instead of app=flannel, its container renamed flannel (as Talos and other distributions ship it); kubeadm's kube-proxy, two kernel-6.12 nodes.",
    objects: () => [
      ...renamedFlannel(),
      ...kubeadmKubeProxy(),
      ...linuxNodes(2),
      ...services(3),
    ],
  },
  'cni-rke2-canal': {
    description:
      "RKE2's default CNI: the rke2-canal DaemonSet hand-rendered from rancher/rke2-charts (calico-node with CALICO_NETWORKING_BACKEND=none plus kube-flannel), no kube-proxy DaemonSet (RKE2 runs it as a static pod), three kernel-6.12 nodes with an RKE2 kubelet build (v1.31.4+rke2r1).",
    objects: () => [
      ...fixtures('rke2/rke2-canal-daemonset.yaml'),
      ...linuxNodes(3, c => {
        c.status.nodeInfo.kubeletVersion = 'v1.31.4+rke2r1';
      }),
      ...services(20),
    ],
  },
  'cni-k3s': {
    description:
      'k3s with its built-in Flannel: no CNI or kube-proxy DaemonSet at all, the retyped k3s v1.25.6+k3s1 server node (flannel.alpha.coreos.com annotations, instance-type k3s) and two copies of it as agents.',
    objects: () => {
      const [server] = fixtures('k3s/k3s-master-01-node.yaml');
      const agent = (name: string, ip: string) =>
        patched(server, c => {
          c.metadata.name = name;
          c.status.addresses[0].address = ip;
        });
      return [
        server,
        agent('k3s-agent-1', '90.156.226.74'),
        agent('k3s-agent-2', '90.156.226.75'),
        ...services(8),
      ];
    },
  },
  'cni-unrecognised': {
    description:
      "A CNI the scanner does not know: kubeadm's kube-proxy and three Ready kernel-6.12 nodes, and no agent DaemonSet of Cilium, Calico, Flannel or a listed CNI.",
    objects: () => [...kubeadmKubeProxy(), ...linuxNodes(3), ...services(10)],
  },
};
