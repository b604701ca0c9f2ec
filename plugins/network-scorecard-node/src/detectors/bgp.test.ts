import {
  factsOf,
  find,
  fixtures,
  object,
  patched,
} from '../__testUtils__/fixtures';
import { VARIANTS } from '../__fixtures__/variants';

const peer = (name: string) =>
  object('crd.projectcalico.org/v1', 'BGPPeer', name, undefined, {
    spec: { peerIP: '10.40.1.1', asNumber: 64601 },
  });

describe('detectBgp', () => {
  it('reads calico_backend bird from calico-config (calico.yaml) and counts BGPPeers', async () => {
    const facts = await factsOf([
      ...fixtures('calico/calico.yaml'),
      peer('rack1-tor'),
      peer('rack2-tor'),
    ]);
    expect(facts.bgp).toEqual({
      value: {
        calicoBgp: true,
        peers: 2,
        inClusterPeers: 0,
        nodeToNodeMesh: true,
        ciliumBgpControlPlane: false,
      },
      evidence: [
        'ConfigMap kube-system/calico-config: calico_backend=bird',
        'no BGPConfiguration default: node-to-node mesh (default on)',
        'BGPPeers: 2',
        'BGPPeer rack1-tor: 10.40.1.1',
        'BGPPeer rack2-tor: 10.40.1.1',
      ],
    });
  });

  it('reads vxlan as no BGP', async () => {
    const objects = fixtures('calico/calico.yaml').map(o =>
      o.kind === 'ConfigMap' && o.metadata.name === 'calico-config'
        ? patched(o, c => (c.data.calico_backend = 'vxlan'))
        : o,
    );
    expect((await factsOf(objects)).bgp?.value?.calicoBgp).toBe(false);
  });

  it('reads Installation spec.calicoNetwork.bgp for operator installs (default Enabled)', async () => {
    const node = patched(
      find(fixtures('calico/calico.yaml'), 'DaemonSet', 'calico-node'),
      c => {
        c.metadata.namespace = 'calico-system';
      },
    );
    const facts = await factsOf([
      ...fixtures('calico/custom-resources-bpf.yaml'),
      node,
    ]);
    expect(facts.bgp?.value).toEqual({
      calicoBgp: true,
      peers: 0,
      inClusterPeers: 0,
      nodeToNodeMesh: true,
      ciliumBgpControlPlane: false,
    });
    expect(facts.bgp?.evidence[0]).toBe(
      'Installation default: spec.calicoNetwork.bgp absent (default Enabled)',
    );
    const disabled = fixtures('calico/custom-resources-bpf.yaml').map(o =>
      o.kind === 'Installation'
        ? patched(o, c => (c.spec.calicoNetwork.bgp = 'Disabled'))
        : o,
    );
    expect((await factsOf([...disabled, node])).bgp?.value?.calicoBgp).toBe(
      false,
    );
  });

  it("reads Cilium's BGP control plane and the neighbors of its peering policies", async () => {
    const objects = [
      ...fixtures('cilium/charm-cilium-1.16.10-rendered.yaml').map(o =>
        o.metadata.name === 'cilium-config'
          ? patched(o, c => (c.data['enable-bgp-control-plane'] = 'true'))
          : o,
      ),
      object(
        'cilium.io/v2alpha1',
        'CiliumBGPPeeringPolicy',
        'rack0',
        undefined,
        {
          spec: {
            virtualRouters: [
              {
                localASN: 64512,
                neighbors: [{ peerAddress: '10.0.0.1/32', peerASN: 64512 }],
              },
            ],
          },
        },
      ),
    ];
    const facts = await factsOf(objects);
    expect(facts.bgp).toEqual({
      value: {
        calicoBgp: false,
        peers: 1,
        inClusterPeers: 0,
        nodeToNodeMesh: null,
        ciliumBgpControlPlane: true,
      },
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-bgp-control-plane=true',
        'CiliumBGPPeeringPolicy rack0: 10.0.0.1/32',
      ],
    });
  });

  it("does not count route reflectors or peers at a node's address as the physical fabric", async () => {
    const facts = await factsOf(
      VARIANTS['cni-calico-route-reflectors'].objects(),
    );
    expect(facts.bgp).toEqual({
      value: {
        calicoBgp: true,
        peers: 0,
        inClusterPeers: 2,
        nodeToNodeMesh: false,
        ciliumBgpControlPlane: false,
      },
      evidence: [
        'ConfigMap kube-system/calico-config: calico_backend=bird',
        'BGPConfiguration default: spec.nodeToNodeMeshEnabled=false',
        'BGPPeers: 2',
        "BGPPeer peer-with-route-reflectors: peerSelector route-reflector == 'true' (cluster nodes, e.g. route reflectors)",
        'BGPPeer to-rr-worker-1: 10.0.0.11 is Node worker-1 (in-cluster peer)',
      ],
    });
  });

  it("counts Calico's docs peers with a router address as physical, node-selected or global", async () => {
    const facts = await factsOf(VARIANTS['cni-calico-bgp-tor'].objects());
    expect(facts.bgp?.value).toMatchObject({ peers: 2, inClusterPeers: 0 });
    expect(facts.bgp?.evidence).toContain('BGPPeer rack1-tor: 192.20.30.40');
  });
});
