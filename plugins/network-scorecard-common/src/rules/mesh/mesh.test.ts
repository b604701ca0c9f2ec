import { RequirementId } from '../../context';
import { CheckStatus } from '../../report';
import { context, requiring, withUnreadable } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import { meshChoice, meshNeed } from '.';

/** One golden variant per kind of mesh (fixtures/golden, from real upstream objects). */
const MESHES = {
  none: 'mesh-cilium-no-mesh',
  'cilium-l7': 'mesh-cilium-l7-policy',
  'cilium-auth': 'mesh-cilium-mutual-auth-everywhere',
  'istio-ambient': 'mesh-istio-ambient-on-cilium',
  'istio-sidecar-calico': 'mesh-istio-sidecar-calico',
  'linkerd-calico': 'mesh-linkerd-calico',
} as const;

const SETS: Record<string, RequirementId[]> = {
  none: [],
  mtls: ['mtls-all-east-west'],
  l7: ['l7-policy'],
  auditable: ['auditable-l7'],
  'bgp only': ['bgp-peering'],
  canary: ['canary-traffic-shifting'],
};

type Row = [keyof typeof MESHES, ...CheckStatus[]];
function table(rows: Row[]): [string, string, CheckStatus][] {
  const names = Object.keys(SETS);
  return rows.flatMap(([mesh, ...statuses]) =>
    statuses.map(
      (s, i) => [mesh, names[i], s] as [string, string, CheckStatus],
    ),
  );
}

const at = (services: number, set: string) =>
  context({ requirements: SETS[set], catalogServiceCount: services });

describe('mesh.need: judged by capability, at 60 catalog services', () => {
  //          none    mtls    l7      auditable bgp    canary
  it.each(
    table([
      ['none', 'pass', 'fail', 'fail', 'fail', 'pass', 'fail'],
      ['cilium-l7', 'pass', 'fail', 'pass', 'fail', 'pass', 'fail'],
      ['cilium-auth', 'pass', 'pass', 'pass', 'fail', 'pass', 'pass'],
      ['istio-ambient', 'fail', 'pass', 'pass', 'pass', 'fail', 'pass'],
      ['istio-sidecar-calico', 'fail', 'pass', 'pass', 'pass', 'fail', 'pass'],
      ['linkerd-calico', 'fail', 'pass', 'pass', 'fail', 'fail', 'pass'],
    ]),
  )('%s with requirements %s: %s', (mesh, set, expected) => {
    const facts = golden(MESHES[mesh as keyof typeof MESHES]);
    expect(run(meshNeed, facts, at(60, set)).status).toBe(expected);
  });
});

describe('mesh.need: Cilium features are not a mesh to blame (#1)', () => {
  it('passes l7-policy on the Cilium cluster whose CiliumNetworkPolicy has an HTTP rule, naming it', () => {
    const result = run(
      meshNeed,
      golden('mesh-cilium-l7-policy'),
      requiring('l7-policy'),
    );
    expect(result.status).toBe('pass');
    expect(result.recommendation).toContain(
      'l7-policy (Cilium L7 policy (1 HTTP/L7 rule enforced by the per-node Envoy))',
    );
    expect(result.evidence).toContain(
      'CiliumNetworkPolicy shop/rule1: 1 HTTP/L7 rules, 0 DNS rules',
    );
  });

  it('points a Cilium cluster without L7 rules at CiliumNetworkPolicy rules, not at a mesh', () => {
    const result = run(
      meshNeed,
      golden('mesh-cilium-no-mesh'),
      requiring('l7-policy'),
    );
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain(
      'write L7 rules (rules.http) in CiliumNetworkPolicies',
    );
  });

  it('does not fail Cilium mutual authentication switched on without a requirement', () => {
    expect(run(meshNeed, golden('mesh-cilium-mutual-auth'))).toMatchObject({
      status: 'pass',
      evidence: expect.arrayContaining([
        'ConfigMap kube-system/cilium-config: mesh-auth-mutual-enabled=true',
      ]),
    });
  });
});

describe('mesh.need: the service-count conditions (#2)', () => {
  const sidecars = golden('mesh-istio-sidecar-calico');

  it('does not let one canary annotation on 8 services justify Istio', () => {
    const result = run(meshNeed, sidecars, at(8, 'canary'));
    expect(result.status).toBe('fail');
    expect(result.evidence).toContain(
      'canary-traffic-shifting justifies a mesh only with 50+ services; 8 counted',
    );
    expect(result.recommendation).toContain(
      'canary-traffic-shifting is declared, but the framework ties it to 50+ services',
    );
  });

  it('passes no mesh for a canary requirement on 8 services, and asks for one at 60', () => {
    const none = golden('mesh-calico-no-mesh');
    expect(run(meshNeed, none, at(8, 'canary')).status).toBe('pass');
    expect(run(meshNeed, none, at(60, 'canary')).status).toBe('fail');
    expect(run(meshNeed, sidecars, at(60, 'canary')).status).toBe('pass');
  });

  it('lets mTLS, auditable L7 and L7 policy stand on 8 services', () => {
    for (const set of ['mtls', 'auditable', 'l7'])
      expect(run(meshNeed, sidecars, at(8, set)).status).toBe('pass');
  });

  it('falls back to the Services fact, and is unknown when both counts are', () => {
    // the variant has 2 Kubernetes Services and no catalog count
    expect(
      run(meshNeed, sidecars, requiring('canary-traffic-shifting')).evidence,
    ).toContain(
      'no catalog service count: 2 Kubernetes Services counted instead (includes system Services)',
    );
    const blind = withUnreadable(sidecars, 'services');
    expect(
      run(meshNeed, blind, requiring('canary-traffic-shifting')).status,
    ).toBe('unknown');
    // mTLS stands at any size: the count is not needed
    expect(run(meshNeed, blind, requiring('mtls-all-east-west')).status).toBe(
      'pass',
    );
  });
});

describe('mesh.choice', () => {
  //          none    mtls    l7      auditable bgp    canary
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
      ],
      ['cilium-auth', 'pass', 'pass', 'pass', 'fail', 'pass', 'pass'],
      ['istio-ambient', 'warn', 'pass', 'warn', 'pass', 'warn', 'warn'],
      ['istio-sidecar-calico', 'warn', 'warn', 'warn', 'warn', 'warn', 'warn'],
      ['linkerd-calico', 'warn', 'warn', 'warn', 'fail', 'warn', 'warn'],
    ]),
  )('%s with requirements %s: %s', (mesh, set, expected) => {
    const facts = golden(MESHES[mesh as keyof typeof MESHES]);
    expect(run(meshChoice, facts, at(60, set)).status).toBe(expected);
  });

  it('accepts Istio ambient on Cilium for regulated mTLS, the framework’s own pick (#5)', () => {
    const result = run(
      meshChoice,
      golden('mesh-istio-ambient-on-cilium'),
      requiring('mtls-all-east-west'),
    );
    expect(result.status).toBe('pass');
    expect(result.recommendation).not.toContain('Cilium service mesh would');
    expect(result.recommendation).toContain('synchronously');
  });

  it("says why Cilium's own mesh cannot serve auditable L7", () => {
    expect(
      run(
        meshChoice,
        golden('mesh-cilium-mutual-auth-everywhere'),
        requiring('auditable-l7'),
      ).recommendation,
    ).toContain('syncs policy eventually');
  });

  it('needs the CNI only when the answer depends on it', () => {
    const facts = withUnreadable(golden('mesh-istio-ambient-on-cilium'), 'cni');
    expect(run(meshChoice, facts, requiring('l7-policy')).status).toBe(
      'unknown',
    );
    expect(run(meshChoice, facts, requiring('mtls-all-east-west')).status).toBe(
      'pass',
    );
  });
});
