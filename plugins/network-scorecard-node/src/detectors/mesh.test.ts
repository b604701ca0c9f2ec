import {
  factsOf,
  find,
  fixtures,
  object,
  patched,
  withNamespace,
} from '../__testUtils__/fixtures';

const istiod = () =>
  find(fixtures('istio/pilot_default.golden.yaml'), 'Deployment', 'istiod');
const meshConfigMap = () =>
  find(fixtures('istio/pilot_default.golden.yaml'), 'ConfigMap', 'istio');
const namespaces = () =>
  fixtures('istio/injection.yaml').filter(o => o.kind === 'Namespace');
const istioSystem = object('v1', 'Namespace', 'istio-system');

describe('detectMesh', () => {
  it('reads Istio sidecars from istiod and the injection labels (injection.yaml, pilot golden)', async () => {
    const facts = await factsOf([istioSystem, istiod(), ...namespaces()]);
    const evidence = [
      'Deployment istio-system/istiod: image registry.istio.io/release/pilot:1.1.4',
    ];
    expect(facts.mesh).toEqual({ value: 'istio-sidecar', evidence });
    expect(facts['mesh.all']).toEqual({ value: ['istio-sidecar'], evidence });
    expect(facts['mesh.details']?.value).toEqual({
      version: '1.1.4',
      // labels as the upstream analyzer test declares them, conflicts included (multi-ns-2 has both)
      ambientNamespaces: [
        'ambient',
        'multi-ns-2',
        'multi-ns-3',
        'not-conflict-ns-1',
      ],
      injectedNamespaces: [
        'busted',
        'canary-test',
        'default',
        'multi-ns-1',
        'multi-ns-2',
        'pidgeon-test',
      ],
      waypoints: 0,
      strictMtls: false,
      ciliumMutualAuth: false,
    });
    expect(facts['mesh.details']?.evidence).toEqual(
      expect.arrayContaining([
        ...evidence,
        'Namespace default: label istio-injection=enabled',
        'Namespace canary-test: label istio.io/rev=canary',
        'Namespace multi-ns-3: label istio.io/dataplane-mode=ambient',
        'ConfigMap istio-system/istio absent: default mesh config (root namespace istio-system)',
        'PeerAuthentications in istio-system: no mesh-wide STRICT mTLS',
      ]),
    );
    expect(facts['mesh.details']?.evidence).not.toContain(
      'Namespace not-conflict-ns-2: label istio.io/rev=test',
    );
  });

  it('reads ambient, a waypoint and mesh-wide STRICT mTLS in the root namespace', async () => {
    const ambientOnly = namespaces().filter(
      ns => ns.metadata.name === 'ambient' || ns.metadata.name === 'bar',
    );
    const objects = [
      istioSystem,
      istiod(),
      ...fixtures('istio/ztunnel.golden.yaml', 'istio/istio-cni.golden.yaml'),
      ...ambientOnly,
      ...withNamespace(fixtures('istio/reviews-waypoint.yaml'), 'ambient'),
      ...fixtures('istio/peer-authn-strict-root-permissive-workload-in.yaml'),
    ];
    const facts = await factsOf(objects);
    expect(facts.mesh?.value).toBe('istio-ambient');
    expect(facts['mesh.all']?.value).toEqual(['istio-ambient']);
    expect(facts['mesh.details']?.value).toEqual({
      version: '1.1.4',
      ambientNamespaces: ['ambient'],
      injectedNamespaces: [],
      waypoints: 1,
      strictMtls: true,
      ciliumMutualAuth: false,
    });
    expect(facts['mesh.details']?.evidence).toEqual(
      expect.arrayContaining([
        'DaemonSet istio-system/ztunnel: ztunnel (ambient data plane)',
        'Gateway ambient/bookinfo-reviews: gatewayClassName istio-waypoint',
        'PeerAuthentication istio-system/default-mesh: spec.mtls.mode=STRICT (mesh-wide)',
      ]),
    );
  });

  it('looks for STRICT PeerAuthentication in the configured root namespace', async () => {
    // The golden mesh config says rootNamespace: istio-control; the STRICT policy lives in istio-system.
    const facts = await factsOf([
      istioSystem,
      istiod(),
      meshConfigMap(),
      ...fixtures('istio/peer-authn-strict-root-permissive-workload-in.yaml'),
    ]);
    expect(facts['mesh.details']?.value?.strictMtls).toBe(false);
    expect(facts['mesh.details']?.evidence).toContain(
      'ConfigMap istio-system/istio: mesh.rootNamespace=istio-control',
    );
  });

  it('reads Linkerd from linkerd-destination (install_default.golden)', async () => {
    const facts = await factsOf(fixtures('linkerd/install_default.golden'));
    expect(facts.mesh).toEqual({
      value: 'linkerd',
      evidence: [
        'Deployment linkerd/linkerd-destination: linkerd.io/control-plane-component=destination',
      ],
    });
    expect(facts['mesh.details']?.value?.version).toBe(
      'install-control-plane-version',
    );
  });

  it("reads Cilium's mutual authentication as a Cilium mesh", async () => {
    const objects = fixtures('cilium/charm-cilium-1.16.10-rendered.yaml').map(
      o =>
        o.metadata.name === 'cilium-config'
          ? patched(o, c => {
              c.data['mesh-auth-enabled'] = 'true';
              c.data['mesh-auth-mutual-enabled'] = 'true';
            })
          : o,
    );
    const facts = await factsOf(objects);
    expect(facts.mesh).toEqual({
      value: 'cilium',
      evidence: [
        'ConfigMap kube-system/cilium-config: mesh-auth-enabled=true',
        'ConfigMap kube-system/cilium-config: mesh-auth-mutual-enabled=true',
      ],
    });
    expect(facts['mesh.details']?.value).toMatchObject({
      version: '1.16.10',
      ciliumMutualAuth: true,
    });
  });

  it('says none without a control plane; the default charm (mesh-auth off) is not a mesh', async () => {
    const facts = await factsOf(
      fixtures('cilium/charm-cilium-1.16.10-rendered.yaml'),
    );
    expect(facts.mesh).toEqual({
      value: 'none',
      evidence: ['no Istio, Linkerd or Cilium service mesh control plane'],
    });
    expect(facts['mesh.all']?.value).toEqual([]);
  });
});
