import {
  CniAddon,
  CniName,
  ClusterFacts,
  Distribution,
} from '@network-scorecard/common';
import { ClusterReader, KubeObject } from '../reader/types';
import { calicoDataplane } from './support/calico';
import { ciliumConfig, findCilium } from './support/cilium';
import {
  Detector,
  failureReason,
  guarded,
  known,
  notApplicable,
  unknownFact,
} from './support/facts';
import { NodeView, readNodes } from './support/nodeList';
import {
  containers,
  dig,
  imageVersion,
  labels,
  mainContainer,
  ref,
  withoutDigest,
} from './support/objects';
import {
  AKS_EBPF_LABEL,
  distributionOf,
  platformFact,
  podLabels,
} from './support/platform';
import { daemonSets } from './support/workloads';

/** DaemonSets of CNIs we do not score in detail. */
const OTHER_CNIS = [
  'aws-node',
  'azure-cns',
  'weave-net',
  'kube-router',
  'antrea-agent',
  'kindnet',
  'ovnkube-node',
  'kube-ovn-cni',
];

/** Calico's node agent: the manifest, Canal, and RKE2's Canal chart. */
const CALICO_NODES = ['calico-node', 'canal', 'rke2-canal'];

const PRIORITY: CniName[] = ['cilium', 'calico', 'flannel', 'other'];

interface Sighting {
  cni: CniName;
  ds: KubeObject;
  version: string | null;
  image?: string;
  evidence: string;
  /** nodes it is scheduled on; -1 when the object carries no status (e.g. a manifest) */
  scheduled: number;
}

function sighting(cni: CniName, ds: KubeObject, container?: string): Sighting {
  const image = mainContainer(ds, container)?.image;
  const scheduled = dig(ds, 'status', 'desiredNumberScheduled');
  return {
    cni,
    ds,
    image,
    version: imageVersion(image),
    evidence: `${ref(ds, 'DaemonSet')}: image ${
      image ? withoutDigest(image) : '(none)'
    }`,
    scheduled: typeof scheduled === 'number' ? scheduled : -1,
  };
}

/** "ghcr.io/flannel-io/flannel:v0.28.9" -> "flannel"; "rancher/hardened-flannel:…" -> "hardened-flannel" */
function imageName(image: string | undefined): string {
  const path = withoutDigest(image ?? '').replace(/:[^/:]*$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The container that runs flanneld, whatever the DaemonSet is called
 * (kube-flannel-ds, kube-flannel, canal's kube-flannel container); its CNI
 * plugin init container (flannel-cni-plugin) does not count.
 */
function flannelContainer(ds: KubeObject): string | undefined {
  const found = containers(ds).find(
    c => c.name === 'kube-flannel' || /flannel$/.test(imageName(c.image)),
  );
  if (found) return found.name;
  const l = labels(ds);
  if (l.app === 'flannel' || l['k8s-app'] === 'flannel')
    return mainContainer(ds)?.name;
  return undefined;
}

/**
 * Every CNI whose agent DaemonSet runs, the one on most nodes first (ties by
 * preference). A CNI that Cilium is chained to, or delegates IPAM to, is part
 * of Cilium's stack rather than a second CNI.
 */
export async function cniSightings(
  reader: ClusterReader,
): Promise<{ sightings: Sighting[]; notes: string[] }> {
  const all = await daemonSets(reader);
  const sightings: Sighting[] = [];
  // GKE Dataplane V2 runs Cilium as anetd
  const cilium =
    (await findCilium(reader)) ??
    all.find(
      ds =>
        ds.metadata.name === 'anetd' && ds.metadata.namespace === 'kube-system',
    );
  if (cilium) sightings.push(sighting('cilium', cilium, 'cilium-agent'));
  for (const ds of all) {
    if (ds === cilium) continue;
    if (CALICO_NODES.includes(ds.metadata.name))
      sightings.push(sighting('calico', ds, 'calico-node'));
    const flannel = flannelContainer(ds);
    if (flannel) sightings.push(sighting('flannel', ds, flannel));
    if (OTHER_CNIS.includes(ds.metadata.name))
      sightings.push(sighting('other', ds));
  }
  if (!sightings.some(s => s.cni === 'calico')) {
    const windows = all.find(ds => ds.metadata.name === 'calico-node-windows');
    if (windows) sightings.push(sighting('calico', windows, 'node'));
  }
  const notes: string[] = [];
  if (cilium && sightings.some(s => s.cni === 'other')) {
    const config = await ciliumConfig(reader);
    const chaining = config?.value('cni-chaining-mode');
    const ipam = config?.value('ipam');
    if ((chaining && chaining !== 'none') || ipam === 'delegated-plugin') {
      notes.push(
        config!.evidence(
          chaining && chaining !== 'none' ? 'cni-chaining-mode' : 'ipam',
        ),
      );
      sightings.splice(
        0,
        sightings.length,
        ...sightings.filter(s => s.cni !== 'other'),
      );
    }
  }
  sightings.sort(
    (a, b) =>
      b.scheduled - a.scheduled ||
      PRIORITY.indexOf(a.cni) - PRIORITY.indexOf(b.cni),
  );
  return { sightings, notes };
}

/** The CNI add-on of a distribution, from the agents seen. */
function addonOf(
  distribution: Distribution | null,
  sightings: Sighting[],
): { addon: CniAddon | null; evidence: string[] } {
  const by = (cni: CniName) => sightings.find(s => s.cni === cni);
  const cilium = by('cilium');
  const calico = by('calico');
  if (cilium?.ds.metadata.name === 'anetd')
    return { addon: 'gke-dataplane-v2', evidence: [cilium.evidence] };
  if (cilium && podLabels(cilium.ds)[AKS_EBPF_LABEL] === 'cilium')
    return {
      addon: 'aks-cilium',
      evidence: [
        `${ref(
          cilium.ds,
          'DaemonSet',
        )}: pod label ${AKS_EBPF_LABEL}=cilium (Azure CNI powered by Cilium)`,
      ],
    };
  const other = by('other');
  if (
    distribution === 'aks' &&
    !cilium &&
    (!other || other.ds.metadata.name === 'azure-cns')
  )
    return { addon: 'aks-azure-cni', evidence: other ? [other.evidence] : [] };
  if (other?.ds.metadata.name === 'aws-node')
    return { addon: 'eks-vpc-cni', evidence: [other.evidence] };
  if (calico?.ds.metadata.name === 'rke2-canal')
    return { addon: 'rke2-canal', evidence: [calico.evidence] };
  if (distribution === 'rke2' && cilium)
    return { addon: 'rke2-cilium', evidence: [cilium.evidence] };
  if (distribution === 'rke2' && calico)
    return { addon: 'rke2-calico', evidence: [calico.evidence] };
  if (distribution === 'k3s' && sightings.length === 0)
    return { addon: 'k3s-flannel', evidence: [] };
  return { addon: null, evidence: [] };
}

/**
 * No agent DaemonSet of a known CNI: k3s's built-in Flannel, AKS's node-image
 * CNI, `none` when every node says its network is not ready, otherwise a CNI
 * we do not recognise (unknown, never `none`).
 */
function withoutAgent(
  nodes: NodeView[],
  addon: CniAddon | null,
  addonEvidence: string[],
): ClusterFacts {
  const listed = `Nodes: ${nodes.length} listed, ${
    nodes.filter(n => n.ready).length
  } Ready`;
  const noAgent =
    'DaemonSets: no agent of Cilium, Calico, Flannel or another known CNI';
  if (addon === 'k3s-flannel') {
    const evidence = [
      ...addonEvidence,
      noAgent,
      'k3s runs Flannel inside its own process unless started with --flannel-backend=none',
    ];
    return {
      cni: known<CniName>('flannel', evidence),
      'cni.all': known<CniName[]>(['flannel'], evidence),
      'cni.version': notApplicable(
        'Flannel is built into k3s; its version is that of the k3s release',
        evidence,
      ),
    };
  }
  if (addon === 'aks-azure-cni') {
    const evidence = [
      ...addonEvidence,
      noAgent,
      'AKS: Azure CNI (node subnet) or kubenet runs from the node image',
    ];
    return {
      cni: known<CniName>('other', evidence),
      'cni.all': known<CniName[]>(['other'], evidence),
      'cni.version': notApplicable(
        'the CNI is part of the AKS node image',
        evidence,
      ),
    };
  }
  if (nodes.length > 0 && nodes.every(n => n.ready === false)) {
    const evidence = [noAgent, `${listed}: no node has a ready network`];
    return {
      cni: known<CniName>('none', evidence),
      'cni.all': known<CniName[]>([], evidence),
      'cni.version': notApplicable('no CNI found', evidence),
    };
  }
  const reason =
    nodes.length === 0
      ? 'not recognised: no agent of a known CNI and no Node listed, so whether a CNI runs cannot be told'
      : `not recognised: ${listed} (a node reports Ready only once a CNI is configured), but no agent of a known CNI runs`;
  const evidence = [noAgent, listed];
  return {
    cni: unknownFact(reason, evidence),
    'cni.all': unknownFact(reason, evidence),
    'cni.version': unknownFact(reason, evidence),
  };
}

/** Facts cni, cni.all, cni.version, calico.dataplane and platform. */
export const detectCni: Detector = async reader => {
  const [found, dataplane, all] = await Promise.all([
    guarded(async () => known(await cniSightings(reader), [])),
    guarded(() => calicoDataplane(reader)),
    daemonSets(reader).catch(() => [] as KubeObject[]),
  ]);
  let nodes: NodeView[] | null = null;
  let nodesFailure: string | undefined;
  try {
    nodes = await readNodes(reader);
  } catch (error) {
    nodesFailure = failureReason(error);
  }
  if (found.value === null) {
    const reason = found.reason ?? 'unknown';
    return {
      cni: unknownFact(reason),
      'cni.all': unknownFact(reason),
      'cni.version': unknownFact(reason),
      'calico.dataplane': dataplane,
      platform: unknownFact(reason),
    };
  }
  const { sightings, notes } = found.value;
  const dist = distributionOf(all, nodes);
  const { addon, evidence: addonEvidence } = addonOf(
    dist.distribution,
    sightings,
  );
  const platform =
    nodes === null && !dist.distribution && !addon
      ? unknownFact<never>(
          `${nodesFailure} (the distribution is read from the nodes' kubelet builds)`,
        )
      : platformFact(dist.distribution, dist.evidence, addon, addonEvidence);
  if (sightings.length === 0) {
    if (nodes === null) {
      const reason = `${nodesFailure}: without Nodes, a CNI that runs without an agent DaemonSet cannot be told from none`;
      return {
        cni: unknownFact(reason),
        'cni.all': unknownFact(reason),
        'cni.version': unknownFact(reason),
        'calico.dataplane': dataplane,
        platform,
      };
    }
    return {
      ...withoutAgent(nodes, addon, [...dist.evidence, ...addonEvidence]),
      'calico.dataplane': dataplane,
      platform,
    };
  }
  const primary = sightings[0];
  const names = [...new Set(sightings.map(s => s.cni))].sort(
    (a, b) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b),
  );
  const allEvidence = [
    ...new Set([...sightings.map(s => s.evidence), ...notes]),
  ];
  return {
    cni: known(primary.cni, [primary.evidence, ...notes]),
    'cni.all': known(names, allEvidence),
    'cni.version':
      primary.version !== null
        ? known(primary.version, [primary.evidence])
        : unknownFact(
            `not found: no version tag in the image of ${ref(
              primary.ds,
              'DaemonSet',
            )}`,
            [primary.evidence],
          ),
    'calico.dataplane': dataplane,
    platform,
  };
};
