import { requiring, withUnreadable } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import { meshMtls } from '.';

const MTLS = requiring('mtls-all-east-west');

describe('mesh.mtls means every pair (#3)', () => {
  it('does not apply without the requirement', () => {
    expect(run(meshMtls, golden('mesh-istio-ambient-on-cilium')).status).toBe(
      'not-applicable',
    );
  });

  it('passes Istio ambient with STRICT mesh-wide and every application namespace enrolled', () => {
    const result = run(meshMtls, golden('mesh-istio-ambient-on-cilium'), MTLS);
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual(
      expect.arrayContaining([
        'PeerAuthentication istio-system/default-mesh: spec.mtls.mode=STRICT (mesh-wide)',
        'Namespace ambient: label istio.io/dataplane-mode=ambient',
        'Namespace default: label istio.io/dataplane-mode=ambient',
      ]),
    );
  });

  it('warns for a STRICT root with a namespace outside the mesh and a PERMISSIVE port, naming both', () => {
    const result = run(meshMtls, golden('mesh-istio-ambient-partial'), MTLS);
    expect(result.status).toBe('warn');
    expect(result.recommendation).toContain('not enrolled in the mesh: bar');
    expect(result.recommendation).toContain(
      'PeerAuthentication foo/workload (workload app=a, port 9090): PERMISSIVE relaxes STRICT',
    );
    expect(result.evidence).toContain(
      'PeerAuthentication foo/workload: workload app=a, port 9090 mtls.mode=PERMISSIVE',
    );
  });

  it('fails Istio sidecars without a STRICT mesh-wide policy: plaintext is still accepted', () => {
    const result = run(meshMtls, golden('mesh-istio-sidecar-calico'), MTLS);
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain('Plaintext is still accepted');
    expect(result.evidence).toContain(
      'PeerAuthentications in istio-system: none mesh-wide (Istio default PERMISSIVE)',
    );
  });

  it('fails Cilium mutual authentication without encryption and without a policy requiring it', () => {
    const result = run(meshMtls, golden('mesh-cilium-mutual-auth'), MTLS);
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain('does not encrypt');
    expect(result.evidence).toContain(
      'Cilium policies: no rule with authentication.mode=required (mutual authentication applies to no traffic)',
    );
  });

  it('warns Cilium mutual authentication with WireGuard that one workload requires, naming the rest', () => {
    const result = run(
      meshMtls,
      golden('mesh-cilium-mutual-auth-partial'),
      MTLS,
    );
    expect(result.status).toBe('warn');
    expect(result.recommendation).toContain(
      'required for some endpoints only in echo',
    );
    expect(result.recommendation).toContain(
      'no rule requires authentication in default, shop',
    );
    expect(result.evidence).toContain(
      'CiliumNetworkPolicy echo/mutual-auth-echo: authentication.mode=required for some endpoints of namespace echo',
    );
  });

  it('passes Cilium mutual authentication with WireGuard required for every endpoint of every namespace', () => {
    const result = run(
      meshMtls,
      golden('mesh-cilium-mutual-auth-everywhere'),
      MTLS,
    );
    expect(result.status).toBe('pass');
    expect(result.recommendation).toContain('syncs this policy eventually');
  });

  it('does not count WireGuard alone as mTLS between services', () => {
    const facts = golden('mesh-cilium-mutual-auth-everywhere');
    const wireguardOnly = {
      ...golden('mesh-cilium-no-mesh'),
      encryption: facts.encryption,
    };
    const result = run(meshMtls, wireguardOnly, MTLS);
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain(
      'WireGuard encrypts traffic between nodes',
    );
    expect(result.recommendation).toContain('carries no workload identity');
  });

  it('is unknown when the Istio facts cannot be read', () => {
    const facts = withUnreadable(
      golden('mesh-istio-ambient-on-cilium'),
      'mesh.istio',
      'forbidden: list PeerAuthentications',
    );
    expect(run(meshMtls, facts, MTLS)).toMatchObject({
      status: 'unknown',
      evidence: ['mesh.istio: forbidden: list PeerAuthentications'],
    });
  });
});

describe('mesh.mtls, CNI and Linkerd specifics (#18)', () => {
  it('does not advise Cilium mutual authentication on Calico', () => {
    const result = run(meshMtls, golden('mesh-calico-no-mesh'), MTLS);
    expect(result.status).toBe('fail');
    expect(result.recommendation).not.toContain(
      'Enable Cilium mutual authentication',
    );
    expect(result.recommendation).toContain(
      'Cilium mutual authentication is not available on Calico: run Istio ambient',
    );
  });

  it("fails Linkerd's default all-unauthenticated inbound policy, read from the policy controller", () => {
    const result = run(meshMtls, golden('mesh-linkerd-calico'), MTLS);
    expect(result.status).toBe('fail');
    expect(result.evidence).toContain(
      'Deployment linkerd/linkerd-destination: container policy --default-policy=all-unauthenticated',
    );
    expect(result.recommendation).toContain(
      'namespace emojivoto admits unauthenticated clients (all-unauthenticated)',
    );
  });

  it('passes Linkerd requiring authenticated clients in every meshed namespace', () => {
    expect(
      run(meshMtls, golden('mesh-linkerd-authenticated'), MTLS).status,
    ).toBe('pass');
  });
});
