import { BgpFact } from '@network-scorecard/common';
import { RESOURCES } from '../reader/resources';
import { ClusterReader, KubeObject } from '../reader/types';
import { calicoBgp, findCalico } from './support/calico';
import { ciliumConfig } from './support/cilium';
import { Detector, guarded, known } from './support/facts';
import { readNodes } from './support/nodeList';
import { asArray, asString, capped, dig, ref } from './support/objects';
import { customObjects, notServed, servedType } from './support/workloads';

/** "10.0.0.1/32", "10.0.0.1:179", "[fd00::1]:179" -> the bare address */
function bareAddress(raw: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(raw);
  if (bracketed) return bracketed[1];
  const noMask = raw.replace(/\/\d+$/, '');
  return /^[\d.]+:\d+$/.test(noMask) ? noMask.replace(/:\d+$/, '') : noMask;
}

interface Peering {
  where: string;
  address?: string;
  /** a selector of cluster nodes as the remote side (Calico peerSelector) */
  selectsNodes?: string;
}

/** Splits peerings into the physical fabric and the cluster itself (route reflectors, node IPs). */
async function classify(
  reader: ClusterReader,
  peerings: Peering[],
): Promise<{ physical: string[]; inCluster: string[] }> {
  const nodeIps = peerings.some(p => p.address && !p.selectsNodes)
    ? new Map(
        (await readNodes(reader))
          .filter(n => n.internalIp)
          .map(n => [n.internalIp!, n.name]),
      )
    : new Map<string, string>();
  const physical: string[] = [];
  const inCluster: string[] = [];
  for (const p of peerings) {
    if (p.selectsNodes) {
      inCluster.push(
        `${p.where}: peerSelector ${p.selectsNodes} (cluster nodes, e.g. route reflectors)`,
      );
      continue;
    }
    const node = p.address ? nodeIps.get(bareAddress(p.address)) : undefined;
    if (node)
      inCluster.push(
        `${p.where}: ${p.address} is Node ${node} (in-cluster peer)`,
      );
    else physical.push(`${p.where}: ${p.address ?? '(no address)'}`);
  }
  return { physical, inCluster };
}

function calicoPeering(peer: KubeObject): Peering {
  return {
    where: ref(peer, 'BGPPeer'),
    address: asString(dig(peer, 'spec', 'peerIP')),
    selectsNodes: asString(dig(peer, 'spec', 'peerSelector')) || undefined,
  };
}

async function ciliumPeerings(reader: ClusterReader): Promise<Peering[]> {
  const out: Peering[] = [];
  for (const policy of await customObjects(
    reader,
    RESOURCES.CiliumBGPPeeringPolicy,
  ))
    for (const vr of asArray(dig(policy, 'spec', 'virtualRouters')))
      for (const n of asArray(dig(vr, 'neighbors')))
        out.push({
          where: ref(policy, 'CiliumBGPPeeringPolicy'),
          address: asString(dig(n, 'peerAddress')),
        });
  for (const config of await customObjects(
    reader,
    RESOURCES.CiliumBGPClusterConfig,
  ))
    for (const inst of asArray(dig(config, 'spec', 'bgpInstances')))
      for (const p of asArray(dig(inst, 'peers')))
        out.push({
          where: ref(config, 'CiliumBGPClusterConfig'),
          address: asString(dig(p, 'peerAddress')),
        });
  return out;
}

/** BGPConfiguration default spec.nodeToNodeMeshEnabled; Calico's default is a full node mesh. */
async function nodeToNodeMesh(
  reader: ClusterReader,
): Promise<{ on: boolean; evidence: string }> {
  if (!(await servedType(reader, RESOURCES.BGPConfiguration)))
    return {
      on: true,
      evidence: `${notServed(
        RESOURCES.BGPConfiguration,
      )}: node-to-node mesh (default on)`,
    };
  const config = (await customObjects(reader, RESOURCES.BGPConfiguration)).find(
    c => c.metadata.name === 'default',
  );
  const value = dig(config, 'spec', 'nodeToNodeMeshEnabled');
  if (!config)
    return {
      on: true,
      evidence: 'no BGPConfiguration default: node-to-node mesh (default on)',
    };
  return typeof value === 'boolean'
    ? {
        on: value,
        evidence: `${ref(
          config,
          'BGPConfiguration',
        )}: spec.nodeToNodeMeshEnabled=${value}`,
      }
    : {
        on: true,
        evidence: `${ref(
          config,
          'BGPConfiguration',
        )}: spec.nodeToNodeMeshEnabled absent (default true)`,
      };
}

/**
 * Fact bgp: Calico's BGP, its BGPPeers, and Cilium's BGP control plane with
 * its peers. Only peers outside the cluster count as `peers` (the physical
 * fabric the framework keeps Calico for); route reflectors and other
 * in-cluster peerings are `inClusterPeers`.
 */
export const detectBgp: Detector = async reader => ({
  bgp: await guarded(async () => {
    const evidence: string[] = [];
    let calicoOn = false;
    let mesh: boolean | null = null;
    const peerings: Peering[] = [];
    const calico = await findCalico(reader);
    if (calico) {
      const bgp = await calicoBgp(reader, calico);
      calicoOn = bgp.on;
      evidence.push(bgp.evidence);
      if (calicoOn) {
        const m = await nodeToNodeMesh(reader);
        mesh = m.on;
        evidence.push(m.evidence);
      }
      if (!(await servedType(reader, RESOURCES.BGPPeer))) {
        evidence.push(notServed(RESOURCES.BGPPeer));
      } else {
        const calicoPeers = await customObjects(reader, RESOURCES.BGPPeer);
        evidence.push(`BGPPeers: ${calicoPeers.length}`);
        peerings.push(...calicoPeers.map(calicoPeering));
      }
    }
    let ciliumOn = false;
    const cilium = await ciliumConfig(reader);
    if (cilium) {
      const flag = cilium.flag('enable-bgp-control-plane');
      ciliumOn = flag.on;
      evidence.push(flag.evidence);
      if (ciliumOn) peerings.push(...(await ciliumPeerings(reader)));
    }
    if (!calico && !cilium)
      evidence.push('no Calico or Cilium: no BGP speaker');
    const { physical, inCluster } = await classify(reader, peerings);
    evidence.push(...capped(physical, 5), ...capped(inCluster, 5));
    return known<BgpFact>(
      {
        calicoBgp: calicoOn,
        peers: physical.length,
        inClusterPeers: inCluster.length,
        nodeToNodeMesh: mesh,
        ciliumBgpControlPlane: ciliumOn,
      },
      evidence,
    );
  }),
});
