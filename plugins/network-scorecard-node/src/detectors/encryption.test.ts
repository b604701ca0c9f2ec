import { factsOf, fixtures, object, patched } from '../__testUtils__/fixtures';

const ciliumWith = (data: Record<string, string>) =>
  fixtures('cilium/charm-cilium-1.16.10-rendered.yaml').map(o =>
    o.metadata.name === 'cilium-config'
      ? patched(o, c => Object.assign(c.data, data))
      : o,
  );

describe('detectEncryption', () => {
  it('reads no encryption from the default charm render (keys absent: chart default off)', async () => {
    expect((await factsOf(ciliumWith({}))).encryption).toEqual({
      value: 'none',
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-wireguard absent (chart default false)',
        'ConfigMap kube-system/cilium-config: enable-ipsec absent (chart default false)',
      ],
    });
  });

  it('reads WireGuard and IPsec from cilium-config', async () => {
    expect(
      (await factsOf(ciliumWith({ 'enable-wireguard': 'true' }))).encryption
        ?.value,
    ).toBe('wireguard');
    expect(
      (await factsOf(ciliumWith({ 'enable-ipsec': 'true' }))).encryption,
    ).toEqual({
      value: 'ipsec',
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-wireguard absent (chart default false)',
        'ConfigMap kube-system/cilium-config: enable-ipsec=true',
      ],
    });
  });

  it("reads Calico's WireGuard from FelixConfiguration default", async () => {
    const felix = object(
      'crd.projectcalico.org/v1',
      'FelixConfiguration',
      'default',
      undefined,
      {
        spec: { wireguardEnabled: true },
      },
    );
    expect(
      (await factsOf([...fixtures('calico/calico.yaml'), felix])).encryption,
    ).toEqual({
      value: 'wireguard',
      evidence: ['FelixConfiguration default: spec.wireguardEnabled=true'],
    });
    expect(
      (await factsOf(fixtures('calico/calico.yaml'))).encryption?.value,
    ).toBe('none');
  });

  it("reads Flannel's backend from kube-flannel-cfg (vxlan: none)", async () => {
    expect(
      (await factsOf(fixtures('flannel/kube-flannel.yml'))).encryption,
    ).toEqual({
      value: 'none',
      evidence: [
        'ConfigMap kube-flannel/kube-flannel-cfg: net-conf.json Backend.Type=vxlan',
      ],
    });
  });

  it('does not guess for CNIs it does not inspect (AWS VPC CNI)', async () => {
    const facts = await factsOf(
      fixtures('kube-proxy/eksctl-sample-1.25-default-addons.json'),
    );
    expect(facts.encryption?.value).toBeNull();
    expect(facts.encryption?.reason).toBe(
      'not applicable: encryption of DaemonSet kube-system/aws-node is not inspected',
    );
  });
});
