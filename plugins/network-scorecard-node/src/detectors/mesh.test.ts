import {
  factsOf,
  find,
  fixtures,
  object,
  patched,
} from '../__testUtils__/fixtures';
import { MESH_VARIANTS } from '../__fixtures__/variants/mesh';

const istiod = () =>
  find(fixtures('istio/pilot_default.golden.yaml'), 'Deployment', 'istiod');
const meshConfigMap = () =>
  find(fixtures('istio/pilot_default.golden.yaml'), 'ConfigMap', 'istio');
const namespaces = () =>
  fixtures('istio/injection.yaml').filter(o => o.kind === 'Namespace');
const istioSystem = object('v1', 'Namespace', 'istio-system');
const variant = (name: string) => MESH_VARIANTS[name].objects();

describe('detectMesh: Istio', () => {
  it('reads sidecars from istiod and the labels that really enrol (injection.yaml, pilot golden)', async () => {
    const facts = await factsOf([istioSystem, istiod(), ...namespaces()]);
    expect(facts.mesh?.value).toBe('istio-sidecar');
    expect(facts['mesh.all']?.value).toEqual(['istio-sidecar']);
    expect(facts.mesh?.evidence[0]).toBe(
      'Deployment istio-system/istiod: image registry.istio.io/release/pilot:1.1.4',
    );
    expect(facts['mesh.details']?.value).toEqual({
      version: '1.1.4',
      // no ztunnel: ambient labels enrol nothing
      ambientNamespaces: [],
      // canary, pidgeon and test are revisions no istiod serves
      injectedNamespaces: ['busted', 'default', 'multi-ns-1', 'multi-ns-2'],
      waypoints: 0,
      strictMtls: false,
      ciliumMutualAuth: false,
    });
    expect(facts['mesh.details']?.evidence).toEqual(
      expect.arrayContaining([
        'Namespace default: label istio-injection=enabled',
        'Namespace canary-test: label istio.io/rev=canary, but no such revision or tag runs',
        'Namespace multi-ns-3: label istio.io/dataplane-mode=ambient, but no ztunnel DaemonSet runs',
        'ConfigMap istio-system/istio absent: default mesh config (root namespace istio-system)',
        'PeerAuthentications in istio-system: none mesh-wide (Istio default PERMISSIVE)',
      ]),
    );
  });

  it('reads ambient, a waypoint and mesh-wide STRICT mTLS in the root namespace', async () => {
    const facts = await factsOf(variant('mesh-istio-ambient-on-cilium'));
    expect(facts.mesh?.value).toBe('istio-ambient');
    expect(facts['mesh.details']?.value).toMatchObject({
      ambientNamespaces: ['ambient', 'default'],
      waypoints: 1,
      strictMtls: true,
    });
    expect(facts['mesh.details']?.evidence).toEqual(
      expect.arrayContaining([
        'DaemonSet istio-system/ztunnel: ztunnel (ambient data plane)',
        'Gateway ambient/bookinfo-reviews: gatewayClassName istio-waypoint',
        'PeerAuthentication istio-system/default-mesh: spec.mtls.mode=STRICT (mesh-wide)',
      ]),
    );
  });

  it('looks for the mesh-wide PeerAuthentication in the configured root namespace', async () => {
    // The golden mesh config says rootNamespace: istio-control; the STRICT policy lives in istio-system.
    const facts = await factsOf([
      istioSystem,
      istiod(),
      meshConfigMap(),
      object('v1', 'Namespace', 'default', undefined),
      ...fixtures('istio/peer-authn-strict-root-permissive-workload-in.yaml'),
    ]);
    expect(facts['mesh.istio']?.value).toMatchObject({
      rootNamespace: 'istio-control',
      meshWideMode: 'PERMISSIVE',
    });
    expect(facts['mesh.istio']?.evidence).toContain(
      'ConfigMap istio-system/istio: mesh.rootNamespace=istio-control',
    );
  });

  it('reports every namespace in or out, the mesh-wide mode and each override (#3)', async () => {
    const facts = await factsOf(variant('mesh-istio-ambient-partial'));
    expect(facts['mesh.istio']?.value).toEqual({
      controlPlaneNamespace: 'istio-system',
      revisions: ['default'],
      managedControlPlane: false,
      ztunnel: true,
      rootNamespace: 'istio-system',
      meshWideMode: 'STRICT',
      enrolledNamespaces: ['ambient', 'default', 'foo'],
      notEnrolledNamespaces: ['bar'],
      workloadEnrolment: [],
      overrides: [
        {
          namespace: 'foo',
          name: 'workload',
          workload: 'app=a',
          port: 9090,
          mode: 'PERMISSIVE',
        },
      ],
    });
    expect(facts['mesh.istio']?.evidence).toContain(
      'Namespaces istio-system, kube-node-lease, kube-public, kube-system: platform namespaces, not counted as application namespaces',
    );
  });

  it('reports a Deployment that leaves an enrolled namespace (#3)', async () => {
    const collector = find(
      fixtures('opentelemetry/build_collector_base.yaml'),
      'Deployment',
      'test-collector',
    );
    const optOut = patched(collector, c => {
      c.metadata.namespace = 'ambient';
      c.spec.template.metadata.labels['istio.io/dataplane-mode'] = 'none';
    });
    const facts = await factsOf([
      ...variant('mesh-istio-ambient-on-cilium'),
      optOut,
    ]);
    expect(facts['mesh.istio']?.value?.workloadEnrolment).toEqual([
      { namespace: 'ambient', workload: 'test-collector', enrolled: false },
    ]);
    expect(facts['mesh.istio']?.evidence).toContain(
      'Deployment ambient/test-collector: pod template istio.io/dataplane-mode=none',
    );
  });

  it('finds the AKS Istio add-on in aks-istio-system, its revisioned mesh config and its revision labels (#4)', async () => {
    const facts = await factsOf(variant('mesh-aks-istio-addon'));
    expect(facts.mesh?.value).toBe('istio-sidecar');
    expect(facts.mesh?.evidence).toEqual([
      'Deployment aks-istio-system/istiod-asm-1-24: image mcr.microsoft.com/oss/istio/pilot:1.24.3-distroless',
      'Namespace default: label istio.io/rev=asm-1-24',
      'Namespace pets: label istio.io/rev=asm-1-24',
    ]);
    expect(facts['mesh.istio']?.value).toMatchObject({
      controlPlaneNamespace: 'aks-istio-system',
      revisions: ['asm-1-24'],
      rootNamespace: 'aks-istio-system',
      meshWideMode: 'STRICT',
      enrolledNamespaces: ['default', 'pets'],
      notEnrolledNamespaces: ['legacy'],
    });
    expect(facts['mesh.istio']?.evidence).toEqual(
      expect.arrayContaining([
        'ConfigMap aks-istio-system/istio-asm-1-24: mesh.rootNamespace=aks-istio-system',
        'Namespace legacy: label istio-injection=enabled, but no default revision or tag exists (revisions asm-1-24)',
      ]),
    );
  });

  it('finds a control plane managed outside the cluster by its revision-tag webhook (#4)', async () => {
    const facts = await factsOf(variant('mesh-istio-managed-control-plane'));
    expect(facts.mesh?.value).toBe('istio-sidecar');
    expect(facts.mesh?.evidence[0]).toBe(
      'MutatingWebhookConfiguration istio-revision-tag-default: istio.io/rev=managed (no istiod in the cluster: managed control plane)',
    );
    expect(facts['mesh.istio']?.value).toMatchObject({
      managedControlPlane: true,
      enrolledNamespaces: ['default'],
    });
  });

  it('does not call istiod with nothing enrolled a mesh (#4)', async () => {
    const facts = await factsOf(variant('mesh-istio-ingress-only'));
    expect(facts.mesh?.value).toBe('none');
    expect(facts['mesh.all']?.value).toEqual([]);
    expect(facts.mesh?.evidence.at(-1)).toBe(
      'Istio control plane without enrolled namespaces or workloads (no sidecar injection, no ambient): not a mesh',
    );
  });

  it('counts a pod template opting in as enrolment (#4)', async () => {
    const collector = find(
      fixtures('opentelemetry/build_collector_base.yaml'),
      'Deployment',
      'test-collector',
    );
    const optIn = patched(collector, c => {
      c.metadata.namespace = 'bar';
      c.spec.template.metadata.labels['sidecar.istio.io/inject'] = 'true';
    });
    const facts = await factsOf([...variant('mesh-istio-ingress-only'), optIn]);
    expect(facts.mesh?.value).toBe('istio-sidecar');
    expect(facts.mesh?.evidence).toContain(
      'Deployment bar/test-collector: pod template sidecar.istio.io/inject=true',
    );
  });
});

describe('detectMesh: Linkerd (#18)', () => {
  it('reads the default inbound policy from the policy controller of the linkerd install golden', async () => {
    const facts = await factsOf(variant('mesh-linkerd-calico'));
    expect(facts.mesh?.value).toBe('linkerd');
    expect(facts['mesh.details']?.value?.version).toBe(
      'install-control-plane-version',
    );
    expect(facts['mesh.linkerd']).toEqual({
      value: {
        defaultInboundPolicy: 'all-unauthenticated',
        enrolledNamespaces: ['emojivoto'],
        notEnrolledNamespaces: ['default'],
        policyOverrides: [],
      },
      evidence: [
        'Deployment linkerd/linkerd-destination: container policy --default-policy=all-unauthenticated',
        'Namespace default: not annotated linkerd.io/inject=enabled',
        'Namespace emojivoto: annotation linkerd.io/inject=enabled',
        'Namespaces kube-node-lease, kube-public, kube-system, linkerd: platform namespaces, not counted as application namespaces',
      ],
    });
  });

  it('reads a namespace annotation that overrides the default policy', async () => {
    const overridden = variant('mesh-linkerd-calico').map(o =>
      o.kind === 'Namespace' && o.metadata.name === 'emojivoto'
        ? patched(o, c => {
            c.metadata.annotations['config.linkerd.io/default-inbound-policy'] =
              'all-authenticated';
          })
        : o,
    );
    const facts = await factsOf(overridden);
    expect(facts['mesh.linkerd']?.value?.policyOverrides).toEqual([
      { namespace: 'emojivoto', policy: 'all-authenticated' },
    ]);
    expect(facts['mesh.details']?.value?.strictMtls).toBe(false);
    const strict = await factsOf(variant('mesh-linkerd-authenticated'));
    expect(strict['mesh.details']?.value?.strictMtls).toBe(true);
  });

  it('does not call a control plane with nothing meshed a mesh', async () => {
    const facts = await factsOf(fixtures('linkerd/install_default.golden'));
    expect(facts.mesh?.value).toBe('none');
    expect(facts.mesh?.evidence).toEqual([
      'Deployment linkerd/linkerd-destination: linkerd.io/control-plane-component=destination',
      'Linkerd control plane without meshed namespaces or workloads: not a mesh',
    ]);
  });
});

describe('detectMesh: Cilium', () => {
  it("reads Cilium's mutual authentication as Cilium's mesh", async () => {
    const facts = await factsOf(variant('mesh-cilium-mutual-auth'));
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

  it('reports how many policies require authentication and which namespaces they select (#3)', async () => {
    const partial = await factsOf(variant('mesh-cilium-mutual-auth-partial'));
    expect(partial['mesh.ciliumAuth']?.value).toEqual({
      requiringPolicies: 1,
      coveredNamespaces: [],
      partialNamespaces: ['echo'],
      allNamespaces: false,
      notCoveredNamespaces: ['default', 'echo', 'shop'],
    });
    const everywhere = await factsOf(
      variant('mesh-cilium-mutual-auth-everywhere'),
    );
    expect(everywhere['mesh.ciliumAuth']?.value).toMatchObject({
      requiringPolicies: 3,
      coveredNamespaces: ['default', 'echo', 'shop'],
      notCoveredNamespaces: [],
    });
    const none = await factsOf(variant('mesh-cilium-mutual-auth'));
    expect(none['mesh.ciliumAuth']?.value?.requiringPolicies).toBe(0);
    expect(none['mesh.ciliumAuth']?.evidence).toContain(
      'Cilium policies: no rule with authentication.mode=required (mutual authentication applies to no traffic)',
    );
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
    expect(facts['mesh.istio']?.reason).toBe(
      'not applicable: no Istio control plane or injector webhook',
    );
  });
});
