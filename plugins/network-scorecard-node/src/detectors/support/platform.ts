import {
  CniAddon,
  Distribution,
  Fact,
  PlatformFact,
} from '@network-scorecard/common';
import { KubeObject } from '../../reader/types';
import { known } from './facts';
import { NodeView } from './nodeList';
import { asArray, dig, labels, podNodeSelector, ref } from './objects';

/** kubeletVersion suffixes of the distributions that build their own kubelet. */
const KUBELET: [RegExp, Distribution][] = [
  [/\+k3s\d*$/, 'k3s'],
  [/\+rke2r\d+$/, 'rke2'],
  [/-gke\.\d+/, 'gke'],
  [/-eks-/, 'eks'],
];

/** The node label AKS puts on every node; its own add-ons only schedule where it is set. */
const AKS_NODE_LABEL = 'kubernetes.azure.com/cluster';
export const AKS_EBPF_LABEL = 'kubernetes.azure.com/ebpf-dataplane';

/** Node-affinity and nodeSelector keys of a workload's pod template. */
function nodeKeys(ds: KubeObject): string[] {
  const terms = asArray(
    dig(
      ds,
      'spec',
      'template',
      'spec',
      'affinity',
      'nodeAffinity',
      'requiredDuringSchedulingIgnoredDuringExecution',
      'nodeSelectorTerms',
    ),
  );
  return [
    ...Object.keys(podNodeSelector(ds)),
    ...terms.flatMap(t =>
      asArray(dig(t, 'matchExpressions')).map(e => String(dig(e, 'key'))),
    ),
  ];
}

export function podLabels(ds: KubeObject): Record<string, string> {
  return (
    (dig(ds, 'spec', 'template', 'metadata', 'labels') as Record<
      string,
      string
    >) ?? {}
  );
}

function inKubeSystem(all: KubeObject[], name: string): KubeObject | undefined {
  return all.find(
    ds => ds.metadata.name === name && ds.metadata.namespace === 'kube-system',
  );
}

/** The distribution, from the kubelet builds first, then from the provider's own DaemonSets. */
export function distributionOf(
  daemonSets: KubeObject[],
  nodes: NodeView[] | null,
): { distribution: Distribution | null; evidence: string[] } {
  for (const node of nodes ?? []) {
    const found = KUBELET.find(([re]) => re.test(node.kubelet ?? ''));
    if (found)
      return {
        distribution: found[1],
        evidence: [
          `Node ${node.name}: nodeInfo.kubeletVersion ${node.kubelet}`,
        ],
      };
  }
  const anetd = inKubeSystem(daemonSets, 'anetd');
  if (anetd)
    return {
      distribution: 'gke',
      evidence: [`${ref(anetd, 'DaemonSet')}: GKE Dataplane V2 agent`],
    };
  const aks = daemonSets.find(
    ds =>
      nodeKeys(ds).includes(AKS_NODE_LABEL) ||
      Object.keys(podLabels(ds)).includes(AKS_EBPF_LABEL),
  );
  if (aks)
    return {
      distribution: 'aks',
      evidence: [
        `${ref(
          aks,
          'DaemonSet',
        )}: scheduled on nodes labelled ${AKS_NODE_LABEL} (AKS)`,
      ],
    };
  const eks = daemonSets.find(
    ds =>
      (ds.metadata.name === 'aws-node' &&
        ds.metadata.namespace === 'kube-system') ||
      labels(ds)['eks.amazonaws.com/component'] !== undefined,
  );
  if (eks)
    return {
      distribution: 'eks',
      evidence: [`${ref(eks, 'DaemonSet')}: an EKS add-on`],
    };
  return { distribution: null, evidence: [] };
}

/** What changing a managed CNI goes through, by add-on (for evidence). */
const MANAGED_BY: Record<CniAddon, string> = {
  'gke-dataplane-v2': 'GKE (cluster networking settings)',
  'aks-cilium': 'AKS (az aks network settings)',
  'aks-azure-cni': 'AKS (az aks network settings)',
  'eks-vpc-cni': 'the EKS vpc-cni add-on configuration',
  'rke2-canal': "RKE2's HelmChartConfig rke2-canal",
  'rke2-cilium': "RKE2's HelmChartConfig rke2-cilium",
  'rke2-calico': "RKE2's HelmChartConfig rke2-calico",
  'k3s-flannel': 'the k3s server flags (--flannel-backend)',
};

export function platformFact(
  distribution: Distribution | null,
  distributionEvidence: string[],
  cniAddon: CniAddon | null,
  addonEvidence: string[],
): Fact<PlatformFact> {
  const evidence = [...distributionEvidence, ...addonEvidence];
  if (cniAddon)
    evidence.push(
      `CNI ${cniAddon}: its settings are owned by ${MANAGED_BY[cniAddon]}`,
    );
  if (!distribution && !cniAddon)
    evidence.push(
      'no distribution or managed CNI recognised (kubelet builds, provider DaemonSets)',
    );
  return known<PlatformFact>(
    { distribution, cniAddon, cniManaged: cniAddon !== null },
    [...new Set(evidence)],
  );
}
