import { withUnreadable } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import { encryptionTransparent } from '.';

describe('encryption.transparent', () => {
  it('warns Cilium without WireGuard or IPsec, naming the cilium-config keys', () => {
    expect(run(encryptionTransparent, golden('mesh-cilium-no-mesh'))).toEqual({
      status: 'warn',
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-wireguard absent (chart default false)',
        'ConfigMap kube-system/cilium-config: enable-ipsec absent (chart default false)',
      ],
      recommendation:
        'Pod traffic crosses nodes unencrypted (ConfigMap kube-system/cilium-config: enable-wireguard absent (chart default false); ConfigMap kube-system/cilium-config: enable-ipsec absent (chart default false)). Set enable-wireguard=true in cilium-config (Helm encryption.enabled=true, encryption.type=wireguard) and roll the agents.',
    });
  });

  it('passes Cilium with WireGuard on', () => {
    expect(
      run(encryptionTransparent, golden('mesh-cilium-mutual-auth-partial')),
    ).toMatchObject({
      status: 'pass',
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-wireguard=true',
        'ConfigMap kube-system/cilium-config: enable-ipsec absent (chart default false)',
      ],
    });
  });

  it('points Calico at its own WireGuard', () => {
    const result = run(encryptionTransparent, golden('mesh-calico-no-mesh'));
    expect(result.status).toBe('warn');
    expect(result.recommendation).toContain('Calico WireGuard');
  });

  it('warns Flannel on vxlan (it cannot encrypt but with its WireGuard backend), and is unknown when encryption cannot be read', () => {
    const flannel = run(encryptionTransparent, golden('mesh-flannel-dev'));
    expect(flannel.status).toBe('warn');
    expect(flannel.recommendation).toContain(
      'Flannel can only encrypt with its WireGuard backend',
    );
    expect(
      run(
        encryptionTransparent,
        withUnreadable(golden('mesh-cilium-no-mesh'), 'encryption'),
      ).status,
    ).toBe('unknown');
  });
});

describe('encryption.transparent with a STRICT Istio mesh (#18)', () => {
  it('does not call ambient STRICT traffic unencrypted: ztunnel encrypts every application namespace', () => {
    const result = run(
      encryptionTransparent,
      golden('mesh-istio-ambient-on-cilium'),
    );
    expect(result.status).toBe('pass');
    expect(result.recommendation).toContain(
      "ztunnel's HBONE mTLS (ambient, default)",
    );
  });

  it('names the namespaces the mesh leaves unencrypted', () => {
    const result = run(
      encryptionTransparent,
      golden('mesh-istio-ambient-partial'),
    );
    expect(result.status).toBe('warn');
    expect(result.recommendation).toContain(
      "Traffic between ambient, default, foo is encrypted by ztunnel's HBONE mTLS",
    );
    expect(result.recommendation).toContain('not enrolled in the mesh: bar');
  });

  it('still warns where the mesh is PERMISSIVE', () => {
    expect(
      run(encryptionTransparent, golden('mesh-istio-sidecar-calico')).status,
    ).toBe('warn');
  });
});
