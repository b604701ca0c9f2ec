import { ClusterFacts, PlatformFact } from '../../facts';
import { factValue } from '../../facts/access';

/** The platform fact, or null (unknown): advice then stays generic. */
export function platformOf(facts: ClusterFacts): PlatformFact | null {
  return factValue(facts, 'platform');
}

const PROVIDER: Record<string, string> = {
  gke: 'GKE',
  aks: 'AKS',
  eks: 'EKS',
  rke2: 'RKE2',
  k3s: 'k3s',
};

/** "AKS", "GKE"…, or null for a cluster built by its owners. */
export function providerName(facts: ClusterFacts): string | null {
  const d = platformOf(facts)?.distribution;
  return d ? PROVIDER[d] : null;
}

/** How to get 5.10+ kernels onto the nodes, the way the platform does it. */
export function nodeImageAdvice(facts: ClusterFacts): string {
  switch (platformOf(facts)?.distribution) {
    case 'aks':
      return 'upgrade the node pools to a current node image (az aks nodepool upgrade --node-image-only)';
    case 'eks':
      return 'move the node groups to an AMI with a 5.10+ kernel (Amazon Linux 2023, or the AL2 5.10 kernel)';
    case 'gke':
      return 'let GKE upgrade the node pools to a current Container-Optimized OS image';
    default:
      return 'move the node image to a 5.10+ kernel (RHEL 8.10 counts: Cilium accepts its 4.18 as equivalent)';
  }
}

/**
 * Where a managed CNI's settings are changed: editing its ConfigMap or
 * DaemonSet by hand is reverted by the platform.
 */
export function managedConfigAdvice(facts: ClusterFacts): string | null {
  switch (platformOf(facts)?.cniAddon) {
    case 'gke-dataplane-v2':
      return "GKE manages anetd and its cilium-config (edits are reverted); change Dataplane V2 through the cluster's GKE settings or ask Google support";
    case 'aks-cilium':
      return 'AKS manages the Cilium of Azure CNI powered by Cilium and its cilium-config (edits are reverted); change it through az aks update / Advanced Container Networking Services, or raise it with Azure support';
    case 'aks-azure-cni':
      return 'AKS manages Azure CNI (edits are reverted); change it through az aks update';
    case 'eks-vpc-cni':
      return 'the VPC CNI is an EKS add-on; change it through the add-on configuration (aws eks update-addon --configuration-values), or an add-on update reverts it';
    case 'rke2-canal':
    case 'rke2-cilium':
    case 'rke2-calico':
      return `RKE2's helm-controller owns the ${
        platformOf(facts)?.cniAddon
      } chart; set values in a HelmChartConfig named ${
        platformOf(facts)?.cniAddon
      } in kube-system, or RKE2 reverts them`;
    case 'k3s-flannel':
      return "k3s's Flannel is configured by the k3s server flags (--flannel-backend, --flannel-ipv6-masq…), not through the API";
    default:
      return null;
  }
}
