import { BgpFact } from '@network-scorecard/common';
import { RESOURCES } from '../reader/resources';
import { calicoBgp, findCalico } from './support/calico';
import { ciliumConfig } from './support/cilium';
import { Detector, guarded, known } from './support/facts';
import { asArray, capped, dig, ref } from './support/objects';
import { customObjects, notServed, servedType } from './support/workloads';

/** Fact bgp: Calico's BGP, its BGPPeers, and Cilium's BGP control plane with its peers. */
export const detectBgp: Detector = async reader => ({
  bgp: await guarded(async () => {
    const evidence: string[] = [];
    let calicoOn = false;
    let peers = 0;
    const calico = await findCalico(reader);
    if (calico) {
      const bgp = await calicoBgp(reader, calico);
      calicoOn = bgp.on;
      evidence.push(bgp.evidence);
      if (!(await servedType(reader, RESOURCES.BGPPeer))) {
        evidence.push(notServed(RESOURCES.BGPPeer));
      } else {
        const calicoPeers = await customObjects(reader, RESOURCES.BGPPeer);
        peers += calicoPeers.length;
        evidence.push(
          `BGPPeers: ${calicoPeers.length}`,
          ...capped(
            calicoPeers.map(p => ref(p, 'BGPPeer')),
            5,
          ),
        );
      }
    }
    let ciliumOn = false;
    const cilium = await ciliumConfig(reader);
    if (cilium) {
      const flag = cilium.flag('enable-bgp-control-plane');
      ciliumOn = flag.on;
      evidence.push(flag.evidence);
      if (ciliumOn) {
        for (const policy of await customObjects(
          reader,
          RESOURCES.CiliumBGPPeeringPolicy,
        )) {
          const n = asArray(
            dig(policy, 'spec', 'virtualRouters'),
          ).reduce<number>(
            (sum, vr) => sum + asArray(dig(vr, 'neighbors')).length,
            0,
          );
          peers += n;
          evidence.push(
            `${ref(policy, 'CiliumBGPPeeringPolicy')}: ${n} neighbors`,
          );
        }
        for (const config of await customObjects(
          reader,
          RESOURCES.CiliumBGPClusterConfig,
        )) {
          const n = asArray(dig(config, 'spec', 'bgpInstances')).reduce<number>(
            (sum, inst) => sum + asArray(dig(inst, 'peers')).length,
            0,
          );
          peers += n;
          evidence.push(`${ref(config, 'CiliumBGPClusterConfig')}: ${n} peers`);
        }
      }
    }
    if (!calico && !cilium)
      evidence.push('no Calico or Cilium: no BGP speaker');
    return known<BgpFact>(
      { calicoBgp: calicoOn, peers, ciliumBgpControlPlane: ciliumOn },
      evidence,
    );
  }),
});
