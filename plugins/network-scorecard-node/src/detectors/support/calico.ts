import { CalicoDataplane, Fact } from '@network-scorecard/common';
import { RESOURCES, builtIn } from '../../reader/resources';
import { ClusterReader, KubeObject } from '../../reader/types';
import { known, notApplicable } from './facts';
import {
  asString,
  dig,
  envValue,
  imageVersion,
  isTrue,
  mainContainer,
  ref,
  withoutDigest,
} from './objects';
import { customObjects, daemonSets } from './workloads';

export interface CalicoInstall {
  /** calico-node (or canal) for Linux */
  node?: KubeObject;
  windows?: KubeObject;
  /** installed by the Tigera operator (calico-system) rather than a manifest (kube-system) */
  operator: boolean;
}

/** Linux agents: the manifest's, Canal's, and RKE2's Canal chart (rke2-canal). */
const NODE_NAMES = ['calico-node', 'canal', 'rke2-canal'];

export async function findCalico(
  reader: ClusterReader,
): Promise<CalicoInstall | undefined> {
  const all = await daemonSets(reader);
  const node = all.find(ds => NODE_NAMES.includes(ds.metadata.name));
  const windows = all.find(ds => ds.metadata.name === 'calico-node-windows');
  if (!node && !windows) return undefined;
  const operator = [node, windows].some(
    ds => ds?.metadata.namespace === 'calico-system',
  );
  return { node, windows, operator };
}

/** The operator's Installation (normally named "default"), if the operator's API is served. */
export async function installation(
  reader: ClusterReader,
): Promise<KubeObject | undefined> {
  const all = await customObjects(reader, RESOURCES.Installation);
  return all.find(i => i.metadata.name === 'default') ?? all[0];
}

/** The cluster-wide FelixConfiguration "default", if Calico's API is served. */
export async function felixDefault(
  reader: ClusterReader,
): Promise<KubeObject | undefined> {
  return (await customObjects(reader, RESOURCES.FelixConfiguration)).find(
    f => f.metadata.name === 'default',
  );
}

const DATAPLANES: Record<string, CalicoDataplane> = {
  iptables: 'iptables',
  bpf: 'bpf',
  nftables: 'nftables',
  vpp: 'vpp',
};

function calicoNodeContainer(calico: CalicoInstall) {
  return calico.node ? mainContainer(calico.node, 'calico-node') : undefined;
}

/**
 * Operator installs: Installation spec.calicoNetwork.linuxDataplane (default
 * Iptables). Manifest installs: FELIX_BPFENABLED / FELIX_NFTABLESMODE on
 * calico-node, then FelixConfiguration default (bpfEnabled, nftablesMode).
 */
export async function calicoDataplane(
  reader: ClusterReader,
): Promise<Fact<CalicoDataplane>> {
  const calico = await findCalico(reader);
  if (!calico) return notApplicable('Calico is not installed');
  const inst = await installation(reader);
  if (inst) {
    const raw = asString(dig(inst, 'spec', 'calicoNetwork', 'linuxDataplane'));
    const where = `${ref(
      inst,
      'Installation',
    )}: spec.calicoNetwork.linuxDataplane`;
    if (!raw) return known('iptables', [`${where} absent (default Iptables)`]);
    const value = DATAPLANES[raw.toLowerCase()];
    if (value) return known(value, [`${where}=${raw}`]);
  }
  const container = calicoNodeContainer(calico);
  const nodeRef = calico.node ? ref(calico.node, 'DaemonSet') : undefined;
  const bpfEnv = envValue(container, 'FELIX_BPFENABLED');
  if (nodeRef && bpfEnv !== undefined && isTrue(bpfEnv)) {
    return known('bpf', [`${nodeRef}: env FELIX_BPFENABLED=${bpfEnv}`]);
  }
  const nftEnv = envValue(container, 'FELIX_NFTABLESMODE');
  if (nodeRef && nftEnv?.toLowerCase() === 'enabled') {
    return known('nftables', [`${nodeRef}: env FELIX_NFTABLESMODE=${nftEnv}`]);
  }
  const felix = await felixDefault(reader);
  if (felix) {
    const felixRef = ref(felix, 'FelixConfiguration');
    if (dig(felix, 'spec', 'bpfEnabled') === true) {
      return known('bpf', [`${felixRef}: spec.bpfEnabled=true`]);
    }
    if (
      asString(dig(felix, 'spec', 'nftablesMode'))?.toLowerCase() === 'enabled'
    ) {
      return known('nftables', [`${felixRef}: spec.nftablesMode=Enabled`]);
    }
  }
  const evidence = [
    nodeRef
      ? `${nodeRef}: env FELIX_BPFENABLED ${
          bpfEnv === undefined ? 'not set' : `=${bpfEnv}`
        }`
      : undefined,
    felix
      ? `${ref(felix, 'FelixConfiguration')}: spec.bpfEnabled not true`
      : 'no FelixConfiguration default',
  ].filter((e): e is string => !!e);
  return known('iptables', evidence);
}

/**
 * Whether Calico speaks BGP. Operator: Installation spec.calicoNetwork.bgp
 * (default Enabled). Manifest: CALICO_NETWORKING_BACKEND, usually from
 * ConfigMap calico-config key calico_backend; "bird" is BGP (and the default).
 */
export async function calicoBgp(
  reader: ClusterReader,
  calico: CalicoInstall,
): Promise<{ on: boolean; evidence: string }> {
  const inst = await installation(reader);
  if (inst) {
    const raw = asString(dig(inst, 'spec', 'calicoNetwork', 'bgp'));
    const where = `${ref(inst, 'Installation')}: spec.calicoNetwork.bgp`;
    return raw
      ? { on: raw === 'Enabled', evidence: `${where}=${raw}` }
      : { on: true, evidence: `${where} absent (default Enabled)` };
  }
  const container = calicoNodeContainer(calico);
  const env = container?.env?.find(e => e.name === 'CALICO_NETWORKING_BACKEND');
  const nodeRef = calico.node ? ref(calico.node, 'DaemonSet') : 'calico-node';
  if (env?.value !== undefined) {
    return {
      on: env.value === 'bird',
      evidence: `${nodeRef}: env CALICO_NETWORKING_BACKEND=${env.value}`,
    };
  }
  const cmName = asString(dig(env, 'valueFrom', 'configMapKeyRef', 'name'));
  const cmKey =
    asString(dig(env, 'valueFrom', 'configMapKeyRef', 'key')) ??
    'calico_backend';
  if (cmName === 'calico-config' && calico.node) {
    const cm = await reader.get(
      builtIn(RESOURCES.ConfigMap),
      cmName,
      calico.node.metadata.namespace,
    );
    const backend = asString(dig(cm, 'data', cmKey))?.trim() ?? 'bird';
    return {
      on: backend === 'bird',
      evidence: `${ref(cm, 'ConfigMap')}: ${cmKey}=${backend}`,
    };
  }
  return {
    on: true,
    evidence: `${nodeRef}: CALICO_NETWORKING_BACKEND not set (default bird)`,
  };
}

/** "3.32" of the calico-node image tag (major, minor), or undefined when the tag is not a version. */
export function calicoVersion(
  calico: CalicoInstall,
): { major: number; minor: number; evidence: string } | undefined {
  const ds = calico.node ?? calico.windows;
  if (!ds) return undefined;
  const image = mainContainer(ds, 'calico-node')?.image;
  const m = /^(\d+)\.(\d+)/.exec(imageVersion(image) ?? '');
  if (!m) return undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    evidence: `${ref(ds, 'DaemonSet')}: image ${
      image ? withoutDigest(image) : '(none)'
    }`,
  };
}

const ACCEPTING_DROPS = ['accept', 'logandaccept'];

/**
 * Calico Enterprise's Felix dropActionOverride: Accept / LogAndAccept let
 * through what policy denies (its audit mode). Read from every
 * FelixConfiguration (the cluster-wide default and per-node ones) and from
 * the calico-node environment.
 */
export async function calicoAcceptsDrops(
  reader: ClusterReader,
  calico: CalicoInstall,
): Promise<string[]> {
  const found: string[] = [];
  for (const felix of await customObjects(
    reader,
    RESOURCES.FelixConfiguration,
  )) {
    const value = asString(dig(felix, 'spec', 'dropActionOverride'));
    if (value && ACCEPTING_DROPS.includes(value.toLowerCase()))
      found.push(
        `${ref(felix, 'FelixConfiguration')}: spec.dropActionOverride=${value}`,
      );
  }
  const env = envValue(calicoNodeContainer(calico), 'FELIX_DROPACTIONOVERRIDE');
  if (
    calico.node &&
    env &&
    ACCEPTING_DROPS.includes(env.toLowerCase().replace(/-/g, ''))
  )
    found.push(
      `${ref(calico.node, 'DaemonSet')}: env FELIX_DROPACTIONOVERRIDE=${env}`,
    );
  return found;
}
