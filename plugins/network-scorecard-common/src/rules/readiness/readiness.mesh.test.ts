import { context, requiring, withUnreadable } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import { readinessMesh } from '.';

describe('readiness.mesh', () => {
  it('only applies when a mesh requirement is declared', () => {
    expect(
      run(readinessMesh, golden('mesh-istio-ambient-on-cilium')).status,
    ).toBe('not-applicable');
    expect(
      run(
        readinessMesh,
        golden('mesh-cilium-no-mesh'),
        requiring('bgp-peering'),
      ).status,
    ).toBe('not-applicable');
  });

  it('does not ask a Cilium cluster to write the L7 rules it already has (#1)', () => {
    expect(
      run(
        readinessMesh,
        golden('mesh-cilium-l7-policy'),
        requiring('l7-policy'),
      ),
    ).toEqual({ status: 'ready', blockers: [], steps: [] });
    expect(
      run(readinessMesh, golden('mesh-cilium-no-mesh'), requiring('l7-policy'))
        .steps,
    ).toEqual([
      'Write L7 rules (rules.http) in CiliumNetworkPolicies for the services concerned; the per-node Envoy enforces them',
    ]);
  });

  it('lists what Cilium still needs for mTLS between every pair (#3)', () => {
    expect(
      run(
        readinessMesh,
        golden('mesh-cilium-mutual-auth'),
        requiring('mtls-all-east-west'),
      ).steps,
    ).toEqual([
      'Turn on WireGuard (encryption.type=wireguard): mutual authentication alone does not encrypt',
      'Require authentication.mode: required in policies selecting every endpoint of default, shop',
    ]);
    expect(
      run(
        readinessMesh,
        golden('mesh-cilium-mutual-auth-everywhere'),
        requiring('mtls-all-east-west', 'l7-policy'),
      ).steps,
    ).toEqual([]);
    expect(
      run(
        readinessMesh,
        golden('mesh-cilium-no-mesh'),
        requiring('mtls-all-east-west'),
      ).steps[0],
    ).toBe(
      'Enable Cilium mutual authentication (SPIRE, authentication.mutual.spire.enabled=true)',
    );
  });

  it('keeps STRICT Istio ambient on Cilium for regulated mTLS: nothing to move (#5)', () => {
    expect(
      run(
        readinessMesh,
        golden('mesh-istio-ambient-on-cilium'),
        requiring('mtls-all-east-west'),
      ),
    ).toEqual({ status: 'ready', blockers: [], steps: [] });
    expect(
      run(
        readinessMesh,
        golden('mesh-istio-ambient-on-cilium'),
        requiring('mtls-all-east-west', 'auditable-l7'),
      ).steps,
    ).toEqual([]);
  });

  it("names Istio's mTLS gaps as steps", () => {
    expect(
      run(
        readinessMesh,
        golden('mesh-istio-ambient-partial'),
        requiring('mtls-all-east-west'),
      ).steps,
    ).toEqual([
      'Close the mTLS gap: not enrolled in the mesh: bar',
      'Close the mTLS gap: PeerAuthentication foo/workload (workload app=a, port 9090): PERMISSIVE relaxes STRICT',
    ]);
  });

  it('blocks a scale-bound requirement on 8 services (#2)', () => {
    const result = run(
      readinessMesh,
      golden('mesh-calico-no-mesh'),
      context({
        catalogServiceCount: 8,
        requirements: ['canary-traffic-shifting'],
      }),
    );
    expect(result.status).toBe('blocked');
    expect(result.blockers).toEqual([
      'requirement canary-traffic-shifting: the framework ties it to 50+ services with complex dependencies; 8 counted, so no mesh is justified for it yet',
    ]);
    expect(
      run(
        readinessMesh,
        withUnreadable(golden('mesh-calico-no-mesh'), 'services'),
        requiring('canary-traffic-shifting'),
      ).status,
    ).toBe('unknown');
  });

  it('names the fitting mesh off Cilium and the move off Linkerd', () => {
    expect(
      run(
        readinessMesh,
        golden('mesh-linkerd-calico'),
        requiring('mtls-all-east-west'),
      ).steps,
    ).toEqual([
      'Adopt Istio ambient, the fit for mtls-all-east-west: install the ambient profile (istiod, istio-cni, ztunnel) and label namespaces istio.io/dataplane-mode=ambient',
      'Apply a mesh-wide PeerAuthentication with mtls.mode: STRICT once every namespace is enrolled',
      'Move workloads off Linkerd, namespace by namespace',
    ]);
  });

  it('is unknown when the mesh cannot be read', () => {
    expect(
      run(
        readinessMesh,
        withUnreadable(golden('mesh-cilium-no-mesh'), 'mesh.all'),
        requiring('l7-policy'),
      ).status,
    ).toBe('unknown');
  });
});
