import { ClusterFacts, MeshName } from '../../facts';
import { RequirementId } from '../../context';
import { CheckStatus } from '../../report';
import {
  calicoIptables,
  ciliumAks,
  ciliumMesh,
  istioAmbientOnCilium,
  merge,
  requiring,
  set,
  unknown,
} from '../__fixtures__/clusters';
import { cilium } from '../__fixtures__/cni';
import { istio, linkerd, noMesh } from '../__fixtures__/platform';
import { run } from '../__fixtures__/run';
import { meshChoice, meshMtls, meshNeed } from '.';

/** Each mesh as its real objects present it, on a Cilium or a Calico cluster. */
function withMesh(mesh: MeshName, cni: 'cilium' | 'calico'): ClusterFacts {
  const base = cni === 'cilium' ? ciliumAks() : calicoIptables();
  switch (mesh) {
    case 'none':
      return merge(base, noMesh());
    case 'istio-ambient':
      return merge(base, istio({ ambient: true }));
    case 'istio-sidecar':
      return merge(base, istio({ ambient: false }));
    case 'cilium':
      return ciliumMesh();
    default:
      return merge(base, linkerd());
  }
}

const REQUIREMENT_SETS: Record<string, RequirementId[]> = {
  none: [],
  mtls: ['mtls-all-east-west'],
  l7: ['l7-policy'],
  auditable: ['auditable-l7'],
  'mtls+auditable': ['mtls-all-east-west', 'auditable-l7'],
  'bgp only': ['bgp-peering'],
  tracing: ['per-request-observability'],
};
const SETS = Object.keys(REQUIREMENT_SETS);
type Row = [MeshName, ...CheckStatus[]];

/** Expected statuses per requirement set, in the order of SETS. */
function table(rows: Row[]): [MeshName, string, CheckStatus][] {
  return rows.flatMap(([mesh, ...statuses]) =>
    statuses.map(
      (s, i) => [mesh, SETS[i], s] as [MeshName, string, CheckStatus],
    ),
  );
}

describe('mesh.need over requirement combinations (Cilium CNI)', () => {
  //        none    mtls    l7      auditable mtls+aud bgp   tracing
  it.each(
    table([
      ['none', 'pass', 'fail', 'fail', 'fail', 'fail', 'pass', 'fail'],
      ['istio-ambient', 'fail', 'pass', 'pass', 'pass', 'pass', 'fail', 'pass'],
      ['istio-sidecar', 'fail', 'pass', 'pass', 'pass', 'pass', 'fail', 'pass'],
      ['cilium', 'fail', 'pass', 'pass', 'fail', 'pass', 'fail', 'pass'],
      ['linkerd', 'fail', 'pass', 'pass', 'fail', 'pass', 'fail', 'pass'],
    ]),
  )('%s with requirements %s: %s', (mesh, set_, expected) => {
    const facts = withMesh(mesh, 'cilium');
    expect(
      run(meshNeed, facts, requiring(...REQUIREMENT_SETS[set_])).status,
    ).toBe(expected);
  });
});

describe('mesh.choice over requirement combinations', () => {
  //        none    mtls    l7      auditable mtls+aud bgp   tracing
  it.each(
    table([
      [
        'none',
        'not-applicable',
        'not-applicable',
        'not-applicable',
        'not-applicable',
        'not-applicable',
        'not-applicable',
        'not-applicable',
      ],
      ['istio-ambient', 'warn', 'warn', 'warn', 'pass', 'pass', 'warn', 'warn'],
      ['istio-sidecar', 'fail', 'fail', 'fail', 'warn', 'warn', 'fail', 'fail'],
      ['cilium', 'pass', 'pass', 'pass', 'fail', 'fail', 'pass', 'pass'],
      ['linkerd', 'warn', 'warn', 'warn', 'fail', 'fail', 'warn', 'warn'],
    ]),
  )('on Cilium: %s with requirements %s: %s', (mesh, set_, expected) => {
    expect(
      run(
        meshChoice,
        withMesh(mesh, 'cilium'),
        requiring(...REQUIREMENT_SETS[set_]),
      ).status,
    ).toBe(expected);
  });

  it.each(
    table([
      ['istio-ambient', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass'],
      ['istio-sidecar', 'warn', 'warn', 'warn', 'warn', 'warn', 'warn', 'warn'],
      ['linkerd', 'warn', 'warn', 'warn', 'fail', 'fail', 'warn', 'warn'],
    ]),
  )('on Calico: %s with requirements %s: %s', (mesh, set_, expected) => {
    expect(
      run(
        meshChoice,
        withMesh(mesh, 'calico'),
        requiring(...REQUIREMENT_SETS[set_]),
      ).status,
    ).toBe(expected);
  });

  it("says why Cilium's own mesh cannot serve auditable L7", () => {
    expect(
      run(meshChoice, ciliumMesh(), requiring('auditable-l7')).recommendation,
    ).toContain('syncs policy eventually');
  });

  it('needs the CNI only when the answer depends on it', () => {
    const facts = merge(withMesh('istio-ambient', 'cilium'), unknown('cni'));
    expect(run(meshChoice, facts, requiring('mtls-all-east-west')).status).toBe(
      'unknown',
    );
    expect(run(meshChoice, facts, requiring('auditable-l7')).status).toBe(
      'pass',
    );
  });
});

describe('mesh.mtls over requirement combinations', () => {
  it.each(
    table([
      [
        'none',
        'not-applicable',
        'fail',
        'not-applicable',
        'not-applicable',
        'fail',
        'not-applicable',
        'not-applicable',
      ],
      [
        'istio-ambient',
        'not-applicable',
        'pass',
        'not-applicable',
        'not-applicable',
        'pass',
        'not-applicable',
        'not-applicable',
      ],
      [
        'istio-sidecar',
        'not-applicable',
        'pass',
        'not-applicable',
        'not-applicable',
        'pass',
        'not-applicable',
        'not-applicable',
      ],
      [
        'cilium',
        'not-applicable',
        'pass',
        'not-applicable',
        'not-applicable',
        'pass',
        'not-applicable',
        'not-applicable',
      ],
      [
        'linkerd',
        'not-applicable',
        'warn',
        'not-applicable',
        'not-applicable',
        'warn',
        'not-applicable',
        'not-applicable',
      ],
    ]),
  )('%s with requirements %s: %s', (mesh, set_, expected) => {
    expect(
      run(
        meshMtls,
        withMesh(mesh, 'cilium'),
        requiring(...REQUIREMENT_SETS[set_]),
      ).status,
    ).toBe(expected);
  });

  it('does not count WireGuard alone as mTLS between services', () => {
    const wireguard = cilium(
      [
        'cilium/aks-acn-v1.18-cilium-config-hubble.yaml',
        'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
      ],
      { patch: { 'enable-wireguard': 'true' } },
    );
    const result = run(
      meshMtls,
      merge(ciliumAks(), wireguard.facts),
      requiring('mtls-all-east-west'),
    );
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      'no istiod, ztunnel, Linkerd control plane or Cilium mutual authentication found',
      'catalog: network-scorecard.io/requirements=mtls-all-east-west',
      'ConfigMap kube-system/cilium-config: enable-wireguard=true',
      'ConfigMap kube-system/cilium-config: enable-ipsec=(not set)',
    ]);
    expect(result.recommendation).toContain(
      'WireGuard encrypts traffic between nodes',
    );
    expect(result.recommendation).toContain('carries no workload identity');
  });

  it('passes Istio with the mesh-wide STRICT PeerAuthentication and names it', () => {
    const result = run(
      meshMtls,
      istioAmbientOnCilium(),
      requiring('mtls-all-east-west'),
    );
    expect(result.status).toBe('pass');
    expect(result.evidence).toContain(
      'PeerAuthentication istio-system/default-mesh: mtls.mode=STRICT',
    );
    expect(result.evidence).toContain(
      'Namespace ambient: istio.io/dataplane-mode=ambient',
    );
  });

  it('fails Istio once the mesh-wide STRICT policy is gone', () => {
    const facts = istioAmbientOnCilium();
    const details = facts['mesh.details']!.value!;
    const permissive = merge(
      facts,
      set('mesh.details', { ...details, strictMtls: false }, [
        'PeerAuthentication: none mesh-wide',
      ]),
    );
    const result = run(meshMtls, permissive, requiring('mtls-all-east-west'));
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain('plaintext is still accepted');
  });

  it('is unknown when the mesh details cannot be read', () => {
    const facts = merge(
      istioAmbientOnCilium(),
      unknown(
        'mesh.details',
        'forbidden: peerauthentications.security.istio.io',
      ),
    );
    expect(run(meshMtls, facts, requiring('mtls-all-east-west'))).toMatchObject(
      {
        status: 'unknown',
        evidence: [
          'mesh.details: forbidden: peerauthentications.security.istio.io',
        ],
      },
    );
  });
});
