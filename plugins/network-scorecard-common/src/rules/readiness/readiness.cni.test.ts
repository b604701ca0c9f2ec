import { context, requiring, withUnreadable } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import { readinessCalicoToCilium, readinessKubeProxyReplacement } from '.';

const TO_CILIUM = {
  targetCni: 'cilium' as const,
  platformRefresh: '2027-03-01',
};
const KERNELS =
  '2 of 2 Linux nodes run a kernel below 5.10 (lowest 5.4.129-63.229.amzn2.aarch64)';

describe('readiness.calico-to-cilium', () => {
  it('does not apply to a Calico with only a refresh date: nobody declared the move', () => {
    expect(
      run(
        readinessCalicoToCilium,
        golden('cni-calico-bgp-tor'),
        context({ platformRefresh: '2027-03-01' }),
      ),
    ).toEqual({
      status: 'not-applicable',
      blockers: [],
      steps: [
        'No move to Cilium is declared or under way, so a working Calico stays. To track readiness for one, declare network-scorecard.io/target-cni: cilium on the cluster entity.',
      ],
    });
  });

  it('is blocked by old kernels and a Calico policy kind to translate, with eBPF testing as the first step', () => {
    expect(
      run(
        readinessCalicoToCilium,
        golden('cni-calico-old-kernels'),
        context(TO_CILIUM),
      ),
    ).toEqual({
      status: 'blocked',
      blockers: [
        KERNELS,
        '1 Calico GlobalNetworkPolicy object(s) to translate into CiliumClusterwideNetworkPolicy',
      ],
      steps: [
        'First test Calico eBPF mode on the real workload: if it is close to Cilium, the move may not be worth its risk',
        'Bring every node to 5.10: move the node image to a 5.10+ kernel (RHEL 8.10 counts: Cilium accepts its 4.18 as equivalent)',
        'Translate the 1 Calico GlobalNetworkPolicy object(s) into CiliumClusterwideNetworkPolicy and test them in audit mode',
        'Schedule the move inside the platform refresh of 2027-03-01',
        'Replace nodes one pool at a time (drain, reinstall with Cilium), with a rehearsed rollback',
        'Then turn on kube-proxy replacement, Hubble (relay, UI, metrics) and WireGuard',
      ],
    });
  });

  it('is ready on new kernels inside a refresh window once the move is declared', () => {
    expect(
      run(
        readinessCalicoToCilium,
        golden('cni-calico-iptables'),
        context(TO_CILIUM),
      ).status,
    ).toBe('ready');
  });

  it('is blocked by the BGP peers and Windows nodes it sees, not only by declared requirements', () => {
    expect(
      run(
        readinessCalicoToCilium,
        golden('cni-calico-bgp-tor'),
        context(TO_CILIUM),
      ).blockers,
    ).toEqual([
      "2 BGP peers outside the cluster: peering with the physical network must move to Cilium's BGP control plane, which the network team has not accepted yet",
    ]);
    expect(
      run(
        readinessCalicoToCilium,
        golden('cni-calico-windows'),
        context(TO_CILIUM),
      ).blockers,
    ).toEqual(['2 Windows nodes: Cilium does not run Windows nodes']);
  });

  it('is not blocked by in-cluster route reflectors', () => {
    expect(
      run(
        readinessCalicoToCilium,
        golden('cni-calico-route-reflectors'),
        context(TO_CILIUM),
      ).status,
    ).toBe('ready');
  });

  it('lists the declared blockers and the missing refresh window', () => {
    expect(
      run(
        readinessCalicoToCilium,
        golden('cni-calico-iptables'),
        context({
          targetCni: 'cilium',
          requirements: ['bgp-peering', 'iptables-tooling'],
        }),
      ).blockers,
    ).toEqual([
      "requirement bgp-peering: peering with the physical network must move to Cilium's BGP control plane, which the network team has not accepted yet",
      'requirement iptables-tooling: Cilium replaces kube-proxy and its iptables rules',
      'no platform refresh window is planned (network-scorecard.io/platform-refresh): a CNI change rides on a refresh, never alone',
    ]);
  });

  it('applies to a migration already under way, and flags a refresh date in the past', () => {
    expect(
      run(
        readinessCalicoToCilium,
        golden('cni-migrating'),
        context({ platformRefresh: '2026-01-15' }),
      ).blockers,
    ).toEqual([
      'the platform refresh of 2026-01-15 has passed; no new refresh window is planned',
    ]);
  });

  it('tells RKE2 that its CNI changes at a rebuild', () => {
    expect(
      run(readinessCalicoToCilium, golden('cni-rke2-canal'), context(TO_CILIUM))
        .steps,
    ).toContain(
      'RKE2 picks its CNI at install (cni: cilium in the server config): rebuild the node pools with rke2-cilium inside the refresh, with a rehearsed rollback',
    );
  });

  it('is unknown rather than ready when a blocker could hide in an unread fact', () => {
    const result = run(
      readinessCalicoToCilium,
      withUnreadable(golden('cni-calico-iptables'), 'bgp'),
      context(TO_CILIUM),
    );
    expect(result.status).toBe('unknown');
    expect(result.steps.at(-1)).toBe(
      'Confirm what the scanner could not read: bgp: forbidden',
    );
  });

  it('does not apply to Cilium clusters', () => {
    expect(
      run(readinessCalicoToCilium, golden('cni-cilium-kpr'), context(TO_CILIUM))
        .status,
    ).toBe('not-applicable');
  });
});

describe('readiness.kube-proxy-replacement', () => {
  it('is blocked by old kernels on the charm cluster', () => {
    expect(
      run(
        readinessKubeProxyReplacement,
        golden('cni-cilium-charm-old-kernels'),
      ),
    ).toMatchObject({ status: 'blocked', blockers: [KERNELS] });
  });

  it('is ready where only the leftover DaemonSet remains, and done once it is gone', () => {
    expect(
      run(
        readinessKubeProxyReplacement,
        golden('cni-cilium-kpr-kube-proxy-left'),
      ),
    ).toEqual({
      status: 'ready',
      blockers: [],
      steps: [
        'Delete the kube-proxy DaemonSet: its replacement already routes Services',
      ],
    });
    expect(
      run(readinessKubeProxyReplacement, golden('cni-cilium-kpr')).status,
    ).toBe('not-applicable');
    expect(
      run(readinessKubeProxyReplacement, golden('cni-calico-bpf')).status,
    ).toBe('not-applicable');
  });

  it('is blocked by a CNI that cannot replace it (Flannel, the EKS VPC CNI) and by iptables-tooling', () => {
    expect(
      run(readinessKubeProxyReplacement, golden('cni-flannel')).blockers,
    ).toEqual([
      'the CNI (flannel) cannot replace kube-proxy; only Cilium or Calico eBPF can',
    ]);
    expect(
      run(readinessKubeProxyReplacement, golden('cni-eks-vpc-cni')).blockers,
    ).toEqual([
      'the AWS VPC CNI cannot replace kube-proxy; only Cilium or Calico eBPF can',
      KERNELS,
    ]);
    expect(
      run(
        readinessKubeProxyReplacement,
        golden('cni-calico-iptables'),
        requiring('iptables-tooling'),
      ).status,
    ).toBe('blocked');
    expect(
      run(readinessKubeProxyReplacement, golden('cni-calico-iptables')).status,
    ).toBe('ready');
  });

  it('is unknown, not ready, while a node kernel is unreadable', () => {
    // Calico with kube-proxy, on the nodes of the variant whose third node reports no kernel
    const facts = {
      ...golden('cni-calico-iptables'),
      nodes: golden('cni-cilium-unreadable-kernel').nodes,
    };
    const result = run(readinessKubeProxyReplacement, facts);
    expect(result.status).toBe('unknown');
    expect(result.steps.at(-1)).toMatch(
      /^Confirm what the scanner could not read: nodes:/,
    );
  });
});
