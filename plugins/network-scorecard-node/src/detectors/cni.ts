import { CniName } from '@network-scorecard/common';
import { ClusterReader, KubeObject } from '../reader/types';
import { calicoDataplane } from './support/calico';
import { ciliumConfig, findCilium } from './support/cilium';
import {
  Detector,
  guarded,
  known,
  notApplicable,
  unknownFact,
} from './support/facts';
import {
  dig,
  imageVersion,
  labels,
  mainContainer,
  ref,
  withoutDigest,
} from './support/objects';
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

function isFlannel(ds: KubeObject): boolean {
  return ds.metadata.name === 'kube-flannel-ds' || labels(ds).app === 'flannel';
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
  const cilium = await findCilium(reader);
  if (cilium) sightings.push(sighting('cilium', cilium, 'cilium-agent'));
  for (const ds of all) {
    if (ds.metadata.name === 'calico-node' || ds.metadata.name === 'canal') {
      sightings.push(sighting('calico', ds, 'calico-node'));
    }
    if (ds.metadata.name === 'canal')
      sightings.push(sighting('flannel', ds, 'kube-flannel'));
    if (isFlannel(ds)) sightings.push(sighting('flannel', ds, 'kube-flannel'));
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

/** Facts cni, cni.all, cni.version and calico.dataplane. */
export const detectCni: Detector = async reader => {
  const [found, dataplane] = await Promise.all([
    guarded(async () => known(await cniSightings(reader), [])),
    guarded(() => calicoDataplane(reader)),
  ]);
  if (found.value === null) {
    const reason = found.reason ?? 'unknown';
    return {
      cni: unknownFact(reason),
      'cni.all': unknownFact(reason),
      'cni.version': unknownFact(reason),
      'calico.dataplane': dataplane,
    };
  }
  const { sightings, notes } = found.value;
  if (sightings.length === 0) {
    const evidence = [
      'DaemonSets: no agent of Cilium, Calico, Flannel or another known CNI',
    ];
    return {
      cni: known<CniName>('none', evidence),
      'cni.all': known<CniName[]>([], evidence),
      'cni.version': notApplicable('no CNI found', evidence),
      'calico.dataplane': dataplane,
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
  };
};
