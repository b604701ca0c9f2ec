import {
  factsOf,
  find,
  fixtures,
  object,
  patched,
} from '../__testUtils__/fixtures';

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
      value: { calicoBgp: true, peers: 2, ciliumBgpControlPlane: false },
      evidence: [
        'ConfigMap kube-system/calico-config: calico_backend=bird',
        'BGPPeers: 2',
        'BGPPeer rack1-tor',
        'BGPPeer rack2-tor',
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
      value: { calicoBgp: false, peers: 1, ciliumBgpControlPlane: true },
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-bgp-control-plane=true',
        'CiliumBGPPeeringPolicy rack0: 1 neighbors',
      ],
    });
  });
});
