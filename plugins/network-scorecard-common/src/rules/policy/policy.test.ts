import { ClusterFacts } from '../../facts';
import { EvaluationContext } from '../../context';
import { context, requiring, withUnreadable } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { policyEnforced } from '.';

const run = (name: string, ctx: EvaluationContext = context()) =>
  policyEnforced.evaluate(golden(name), ctx);
const dev = context({ lifecycle: 'development' });

describe('policy.enforced: enforcement switches (#6)', () => {
  it("fails the demo's prod-us-1: enable-policy=never enforces nothing, and the evidence says so", () => {
    const result = run('demo-prod-us-1');
    expect(result.status).toBe('fail');
    expect(result.recommendation).toBe(
      'Cilium enforces no policy (ConfigMap kube-system/cilium-config: enable-policy=never (no policy is enforced)): 2 policy objects are paper and every pod can reach every other. Set enable-policy=default in cilium-config (Helm policyEnforcementMode=default).',
    );
    expect(result.evidence).toContain(
      '2 NetworkPolicies: not enforced (a switch turns enforcement off)',
    );
  });

  it('fails production in audit mode, warns off production', () => {
    const result = run('policy-cilium-audit-mode');
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain(
      'ConfigMap kube-system/cilium-config: policy-audit-mode=true (drops are only logged)',
    );
    expect(result.recommendation).toContain('Set policy-audit-mode=false');
    expect(run('policy-cilium-audit-mode', dev).status).toBe('warn');
    expect(run('policy-cilium-enforcement-never', dev).status).toBe('warn');
  });

  it('fails when Cilium ignores the only policies there are (enable-k8s-networkpolicy=false)', () => {
    const result = run('policy-cilium-k8s-networkpolicy-off');
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain(
      'No enforced policy selects pods in any application namespace (default, shop); 2 policy objects are of a kind Cilium does not enforce here (2 NetworkPolicies: not enforced (Cilium ignores them (enable-k8s-networkpolicy=false)))',
    );
  });
});

describe("policy.enforced: Calico's own kinds (#7)", () => {
  it('passes Calico with a Calico NetworkPolicy default-deny in every namespace, where it said "no network policy exists"', () => {
    const result = run('policy-calico-namespaced-deny');
    expect(result).toMatchObject({
      status: 'pass',
      recommendation:
        '4 policy objects enforced by Calico select pods in every application namespace (3), each with a default-deny ingress.',
    });
    expect(result.evidence).toContain(
      "GlobalNetworkPolicies: 0, Calico NetworkPolicies: 4, Tiers besides Calico's own: 1, staged policies: 1",
    );
  });

  it('passes Calico whose GlobalNetworkPolicy denies by default in every application namespace', () => {
    expect(run('policy-calico-global-deny')).toMatchObject({
      status: 'pass',
      evidence: expect.arrayContaining([
        'GlobalNetworkPolicy deny-app-policy: selects every pod in every application namespace, denying ingress by default',
      ]),
    });
    expect(run('demo-dc-fra-1').status).toBe('pass');
  });

  it('warns on AdminNetworkPolicies Calico 3.32 no longer enforces, and on the namespaces left open', () => {
    const result = run('policy-calico-admin-kinds');
    expect(result.status).toBe('warn');
    expect(result.recommendation).toContain(
      'no enforced policy selects pods in 2 application namespaces (default, demo)',
    );
    expect(result.recommendation).toContain(
      '2 policy objects are of a kind Calico does not enforce here (1 AdminNetworkPolicy: not enforced (DaemonSet kube-system/calico-node: image quay.io/calico/node:v3.32.1: Calico enforces AdminNetworkPolicy from 3.29 to 3.31)',
    );
  });
});

describe('policy.enforced: coverage, not a count (#8)', () => {
  it('warns on partial coverage, naming the namespaces no policy selects and those without default-deny', () => {
    const result = run('policy-cilium-partial');
    expect(result.status).toBe('warn');
    expect(result.recommendation).toBe(
      '2 policy objects enforced by Cilium, but no enforced policy selects pods in 1 application namespace (default); 2 covered namespaces have no default-deny ingress (checkout, test), so pods no policy selects there stay open. Add a default-deny policy, then explicit allows, to each of them; add a default-deny ingress policy (empty pod selector, no ingress rule) to each covered namespace.',
    );
    expect(run('policy-cilium-partial', dev).recommendation).not.toContain(
      'default-deny ingress policy',
    );
    expect(run('demo-payments-1').recommendation).toContain(
      'no enforced policy selects pods in 3 application namespaces (default, fraud, ledger)',
    );
  });

  it('passes only when every application namespace is covered, with a default-deny on production', () => {
    expect(run('policy-cilium-zero-trust')).toMatchObject({
      status: 'pass',
      recommendation:
        '4 policy objects enforced by Cilium select pods in every application namespace (2), each with a default-deny ingress, with 3 DNS rules and 1 L7 rule.',
    });
    // covered everywhere by a clusterwide egress policy, but nothing denies ingress by default
    expect(run('policy-cilium-clusterwide-egress').status).toBe('warn');
    expect(run('policy-cilium-clusterwide-egress', dev).status).toBe('pass');
  });

  it('fails production with no policy at all', () => {
    const result = run('policy-cilium-no-policy');
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain(
      'No network policy exists (NetworkPolicies: 0 in all namespaces): every pod can reach every other',
    );
    expect(run('policy-cilium-no-policy', dev).status).toBe('warn');
  });
});

describe('policy.enforced: DNS-aware and L7 rules on Cilium', () => {
  it('warns Cilium without DNS-aware rules, and l7-policy without L7 rules', () => {
    expect(run('policy-cilium-deny-only')).toMatchObject({
      status: 'warn',
      recommendation: expect.stringContaining(
        'no DNS-aware rule (toFQDNs) controls egress to external names',
      ),
    });
    expect(
      run('policy-cilium-deny-only', requiring('l7-policy')).recommendation,
    ).toContain(
      'l7-policy is declared but no CiliumNetworkPolicy has an L7 (http) rule',
    );
    expect(run('policy-cilium-zero-trust', requiring('l7-policy')).status).toBe(
      'pass',
    );
  });
});

describe('policy.enforced: CNIs that do not enforce, and unknowns', () => {
  it('fails Flannel in production: it does not enforce NetworkPolicy', () => {
    const result = run('policy-flannel');
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain(
      'Flannel does not enforce NetworkPolicy: 1 policy object here is paper only',
    );
    // off production "cannot" still warns: it is not a question that does not arise
    expect(run('policy-flannel', dev)).toMatchObject({
      status: 'warn',
      recommendation: expect.stringContaining(
        'Flannel cannot enforce NetworkPolicy',
      ),
    });
  });

  it('is unknown without policies, CNI, or any Namespace to judge coverage by', () => {
    const facts: ClusterFacts = golden('policy-cilium-zero-trust');
    expect(
      policyEnforced.evaluate(withUnreadable(facts, 'policies'), context())
        .status,
    ).toBe('unknown');
    expect(
      policyEnforced.evaluate(withUnreadable(facts, 'cni'), context()).status,
    ).toBe('unknown');
    expect(run('policy-calico-no-namespaces')).toMatchObject({
      status: 'unknown',
      recommendation: expect.stringContaining(
        'Namespaces: none listed (every cluster has kube-system), so coverage is unknown',
      ),
    });
  });
});
