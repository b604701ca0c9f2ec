import { context, requiring, withUnreadable } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import {
  apMeshTooEarly,
  apMeshWithoutQuestion,
  apSidecarsWhenAmbientFits,
  apTwoControlPlanes,
} from '.';

const ISTIOD =
  'Deployment istio-system/istiod: image registry.istio.io/release/pilot:1.1.4';
const sidecars = () => golden('mesh-istio-sidecar-calico');

describe('ap.mesh-too-early', () => {
  it('detects Istio for 12 catalog services with no requirement (the 2024 mistake)', () => {
    const result = run(
      apMeshTooEarly,
      sidecars(),
      context({ catalogServiceCount: 12 }),
    );
    expect(result.status).toBe('detected');
    expect(result.evidence[0]).toBe(ISTIOD);
    expect(result.evidence.slice(-3)).toEqual([
      'catalog: 12 Components/Systems run on this cluster',
      'catalog: network-scorecard.io/requirements=(none)',
      'Istio with sidecars for 12 services (< 20)',
    ]);
  });

  it('is not undone by one canary annotation on 8 services (#2)', () => {
    const result = run(
      apMeshTooEarly,
      sidecars(),
      context({
        catalogServiceCount: 8,
        requirements: ['canary-traffic-shifting'],
      }),
    );
    expect(result.status).toBe('detected');
    expect(result.evidence.at(-1)).toBe(
      'Istio with sidecars for 8 services (< 20); canary-traffic-shifting justifies a mesh only at 50+ services',
    );
  });

  it('is clear with a requirement that holds at any size, or with 20+ services', () => {
    for (const r of [
      'mtls-all-east-west',
      'auditable-l7',
      'l7-policy',
    ] as const)
      expect(
        run(
          apMeshTooEarly,
          sidecars(),
          context({ catalogServiceCount: 8, requirements: [r] }),
        ).status,
      ).toBe('clear');
    expect(
      run(apMeshTooEarly, sidecars(), context({ catalogServiceCount: 30 }))
        .status,
    ).toBe('clear');
  });

  it('falls back to the Kubernetes Service count and says so; unknown with no count at all', () => {
    const result = run(apMeshTooEarly, sidecars());
    expect(result.status).toBe('detected');
    expect(result.evidence).toContain(
      'no catalog service count: 2 Kubernetes Services counted instead (includes system Services)',
    );
    expect(
      run(apMeshTooEarly, withUnreadable(sidecars(), 'services')).status,
    ).toBe('unknown');
  });

  it("never blames Cilium's own mutual authentication (#1)", () => {
    expect(
      run(
        apMeshTooEarly,
        golden('mesh-cilium-mutual-auth'),
        context({ catalogServiceCount: 5 }),
      ).status,
    ).toBe('clear');
  });

  it('is clear for istiod with nothing enrolled: not a mesh (#4)', () => {
    expect(
      run(
        apMeshTooEarly,
        golden('mesh-istio-ingress-only'),
        context({ catalogServiceCount: 5 }),
      ).status,
    ).toBe('clear');
  });
});

describe('ap.mesh-without-question', () => {
  it('detects a mesh with no requirement, and one whose requirements it cannot answer', () => {
    expect(run(apMeshWithoutQuestion, sidecars()).status).toBe('detected');
    const linkerd = run(
      apMeshWithoutQuestion,
      golden('mesh-linkerd-calico'),
      requiring('auditable-l7'),
    );
    expect(linkerd.status).toBe('detected');
    expect(linkerd.evidence.at(-1)).toBe(
      'Linkerd answers none of auditable-l7',
    );
    expect(
      run(apMeshWithoutQuestion, sidecars(), requiring('l7-policy')).status,
    ).toBe('clear');
  });

  it("never blames Cilium's mutual authentication switched on without a requirement (#1)", () => {
    expect(
      run(apMeshWithoutQuestion, golden('mesh-cilium-mutual-auth')).status,
    ).toBe('clear');
  });

  it('does not count a scale-bound requirement below 50 services as the question (#2)', () => {
    const result = run(
      apMeshWithoutQuestion,
      sidecars(),
      context({
        catalogServiceCount: 8,
        requirements: ['canary-traffic-shifting'],
      }),
    );
    expect(result.status).toBe('detected');
    expect(result.evidence.at(-1)).toBe(
      'Istio with sidecars answers canary-traffic-shifting, which needs 50+ services to justify a mesh',
    );
    expect(
      run(
        apMeshWithoutQuestion,
        sidecars(),
        context({
          catalogServiceCount: 60,
          requirements: ['canary-traffic-shifting'],
        }),
      ).status,
    ).toBe('clear');
    expect(
      run(
        apMeshWithoutQuestion,
        withUnreadable(sidecars(), 'services'),
        requiring('canary-traffic-shifting'),
      ).status,
    ).toBe('unknown');
  });

  it('is clear for istiod with nothing enrolled (#4)', () => {
    expect(
      run(apMeshWithoutQuestion, golden('mesh-istio-ingress-only')).status,
    ).toBe('clear');
  });
});

describe('ap.sidecars-when-ambient-fits', () => {
  it('detects sidecar injection from the injection.yaml namespace labels', () => {
    const result = run(apSidecarsWhenAmbientFits, sidecars());
    expect(result.status).toBe('detected');
    expect(result.evidence).toContain(
      'Namespace default: label istio-injection=enabled',
    );
    expect(result.evidence.at(-1)).toBe(
      'sidecar injection in 4 namespace(s): busted, default, multi-ns-1, multi-ns-2',
    );
  });

  it('is clear for ambient with no namespace injecting, and for istiod with nothing enrolled (#4)', () => {
    expect(
      run(apSidecarsWhenAmbientFits, golden('mesh-istio-ambient-on-cilium'))
        .status,
    ).toBe('clear');
    expect(
      run(apSidecarsWhenAmbientFits, golden('mesh-istio-ingress-only')).status,
    ).toBe('clear');
    expect(
      run(
        apSidecarsWhenAmbientFits,
        withUnreadable(golden('mesh-istio-ambient-on-cilium'), 'mesh.details'),
      ).status,
    ).toBe('unknown');
  });

  it('sees the AKS add-on’s revision-labelled sidecars (#4)', () => {
    expect(
      run(
        apSidecarsWhenAmbientFits,
        golden('mesh-aks-istio-addon'),
      ).evidence.at(-1),
    ).toBe('sidecar injection in 2 namespace(s): default, pets');
  });
});

describe('ap.two-control-planes', () => {
  it('detects Istio on Cilium without a compliance requirement', () => {
    const result = run(
      apTwoControlPlanes,
      golden('mesh-istio-ambient-on-cilium'),
      requiring('l7-policy'),
    );
    expect(result.status).toBe('detected');
    expect(result.evidence.at(-1)).toBe(
      'Istio runs on top of Cilium, whose own mesh would cover the declared needs',
    );
  });

  it('accepts STRICT ambient on Cilium for regulated mTLS, and for auditable L7 (#5)', () => {
    for (const r of ['mtls-all-east-west', 'auditable-l7'] as const)
      expect(
        run(
          apTwoControlPlanes,
          golden('mesh-istio-ambient-on-cilium'),
          requiring(r),
        ).status,
      ).toBe('clear');
  });

  it('is clear for Istio on Calico, and for istiod with nothing enrolled on Cilium (#4)', () => {
    expect(run(apTwoControlPlanes, sidecars()).status).toBe('clear');
    expect(
      run(apTwoControlPlanes, golden('mesh-istio-ingress-only')).status,
    ).toBe('clear');
  });
});
