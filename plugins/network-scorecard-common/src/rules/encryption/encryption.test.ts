import {
  calicoIptables,
  ciliumAks,
  ciliumMesh,
  flannelCluster,
  merge,
  unknown,
} from '../__fixtures__/clusters';
import { run } from '../__fixtures__/run';
import { encryptionTransparent } from '.';

describe('encryption.transparent', () => {
  it('warns Cilium without WireGuard or IPsec, naming the cilium-config keys', () => {
    expect(run(encryptionTransparent, ciliumAks())).toEqual({
      status: 'warn',
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-wireguard=(not set)',
        'ConfigMap kube-system/cilium-config: enable-ipsec=(not set)',
      ],
      recommendation:
        'Pod traffic crosses nodes unencrypted (ConfigMap kube-system/cilium-config: enable-wireguard=(not set); ConfigMap kube-system/cilium-config: enable-ipsec=(not set)). Set enable-wireguard=true in cilium-config (Helm encryption.enabled=true, encryption.type=wireguard) and roll the agents.',
    });
  });

  it('passes Cilium with WireGuard on', () => {
    expect(run(encryptionTransparent, ciliumMesh())).toMatchObject({
      status: 'pass',
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-wireguard=true',
        'ConfigMap kube-system/cilium-config: enable-ipsec=(not set)',
      ],
    });
  });

  it('points Calico at its own WireGuard', () => {
    const result = run(encryptionTransparent, calicoIptables());
    expect(result.status).toBe('warn');
    expect(result.recommendation).toContain('Calico WireGuard');
  });

  it('does not apply to Flannel and is unknown when encryption cannot be read', () => {
    expect(run(encryptionTransparent, flannelCluster()).status).toBe(
      'not-applicable',
    );
    expect(
      run(encryptionTransparent, merge(ciliumAks(), unknown('encryption')))
        .status,
    ).toBe('unknown');
  });
});
