import {
  calicoIptables,
  ciliumAks,
  ciliumCharm,
  context,
  flannelCluster,
  istioAmbientOnCilium,
  merge,
  requiring,
  unknown,
} from '../__fixtures__/clusters';
import { policies } from '../__fixtures__/platform';
import { run } from '../__fixtures__/run';
import { policyEnforced } from '.';

describe('policy.enforced', () => {
  it('passes Cilium with a DNS-aware policy and a NetworkPolicy', () => {
    expect(run(policyEnforced, ciliumAks())).toMatchObject({
      status: 'pass',
      evidence: [
        'CiliumNetworkPolicy tofqdn-dns-visibility: egress rules',
        'NetworkPolicy test/test-collector-networkpolicy: present',
        'NetworkPolicy list: 1 items',
        'CiliumNetworkPolicy list: 1 items (0 http, 1 dns rules)',
        'DaemonSet kube-system/cilium: image $CILIUM_IMAGE_REGISTRY/cilium/cilium-distroless:$CILIUM_VERSION_TAG',
      ],
      recommendation:
        '2 policy objects enforced by Cilium, with 1 DNS rule and 0 L7 rules.',
    });
  });

  it('fails production without any policy', () => {
    const result = run(policyEnforced, ciliumCharm());
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain('every pod can reach every other');
  });

  it('warns Cilium without DNS-aware rules, and l7-policy without L7 rules', () => {
    const netpolOnly = merge(
      ciliumAks(),
      policies(['opentelemetry/build_collector_base.yaml']),
    );
    expect(run(policyEnforced, netpolOnly).recommendation).toContain(
      'no DNS-aware rule (toFQDNs)',
    );
    const l7 = run(policyEnforced, ciliumAks(), requiring('l7-policy'));
    expect(l7.status).toBe('warn');
    expect(l7.recommendation).toContain(
      'l7-policy is declared but no CiliumNetworkPolicy has an L7 (http) rule',
    );
    expect(
      run(policyEnforced, istioAmbientOnCilium(), requiring('l7-policy'))
        .status,
    ).toBe('pass');
  });

  it('passes Calico with its policies', () => {
    expect(run(policyEnforced, calicoIptables()).recommendation).toBe(
      '1 policy object enforced by Calico.',
    );
  });

  it('fails Flannel in production: it does not enforce NetworkPolicy', () => {
    const result = run(policyEnforced, flannelCluster());
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain(
      'Flannel does not enforce NetworkPolicy: 1 policy object here is paper only',
    );
    expect(
      run(
        policyEnforced,
        flannelCluster(),
        context({ lifecycle: 'development' }),
      ).status,
    ).toBe('not-applicable');
  });

  it('is unknown without policies or CNI', () => {
    expect(
      run(policyEnforced, merge(ciliumAks(), unknown('policies'))).status,
    ).toBe('unknown');
    expect(run(policyEnforced, merge(ciliumAks(), unknown('cni'))).status).toBe(
      'unknown',
    );
  });
});
