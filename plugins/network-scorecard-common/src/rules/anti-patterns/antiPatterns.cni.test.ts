import { context, withUnreadable } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import { apCalicoEbpfUntested, apStandaloneCniMigration } from '.';

const REFRESH = context({ platformRefresh: '2027-03-01' });
const TO_CILIUM = context({
  platformRefresh: '2027-03-01',
  targetCni: 'cilium',
});

describe('ap.standalone-cni-migration', () => {
  it('detects Calico and Cilium side by side without a refresh, or after its date', () => {
    const result = run(apStandaloneCniMigration, golden('cni-migrating'));
    expect(result.status).toBe('detected');
    expect(result.evidence).toEqual([
      'DaemonSet kube-system/calico-node: image quay.io/calico/node:v3.32.1',
      'DaemonSet kube-system/cilium: image quay.io/cilium/cilium:v1.16.10',
      'catalog: network-scorecard.io/target-cni=(not set)',
      'catalog: network-scorecard.io/platform-refresh=(not set)',
      'cilium and calico run side by side with no platform refresh planned',
    ]);
    expect(
      run(
        apStandaloneCniMigration,
        golden('cni-migrating'),
        context({ platformRefresh: '2026-06-01' }),
      ).status,
    ).toBe('detected');
    expect(
      run(apStandaloneCniMigration, golden('cni-migrating'), REFRESH).status,
    ).toBe('clear');
  });

  it("treats Canal (RKE2's default) as a steady state, not a migration", () => {
    expect(run(apStandaloneCniMigration, golden('cni-rke2-canal')).status).toBe(
      'clear',
    );
  });

  it('is unknown when the CNIs cannot be told', () => {
    expect(
      run(apStandaloneCniMigration, golden('cni-unrecognised')).status,
    ).toBe('unknown');
  });
});

describe('ap.calico-ebpf-untested', () => {
  it('is clear for a Calico on iptables with only a refresh date: no move is prepared', () => {
    expect(
      run(apCalicoEbpfUntested, golden('cni-calico-iptables'), REFRESH),
    ).toEqual({
      status: 'clear',
      evidence: [
        'DaemonSet kube-system/calico-node: image quay.io/calico/node:v3.32.1',
        'DaemonSet kube-system/calico-node: env FELIX_BPFENABLED not set',
        'no FelixConfiguration default',
        'catalog: network-scorecard.io/target-cni=(not set)',
        'catalog: network-scorecard.io/platform-refresh=2027-03-01',
      ],
    });
  });

  it('detects a declared move to Cilium, or a Cilium rollout, while Calico runs iptables', () => {
    const declared = run(
      apCalicoEbpfUntested,
      golden('cni-calico-iptables'),
      TO_CILIUM,
    );
    expect(declared.status).toBe('detected');
    expect(declared.evidence.at(-1)).toBe(
      'a move to Cilium is declared while Calico runs iptables, untested on eBPF',
    );
    expect(run(apCalicoEbpfUntested, golden('cni-migrating')).status).toBe(
      'detected',
    );
  });

  it('is clear for Calico on eBPF, for Canal (no eBPF mode to test) and for Cilium', () => {
    expect(
      run(apCalicoEbpfUntested, golden('cni-calico-bpf'), TO_CILIUM).status,
    ).toBe('clear');
    expect(
      run(
        apCalicoEbpfUntested,
        golden('cni-rke2-canal'),
        TO_CILIUM,
      ).evidence.at(-1),
    ).toBe(
      "Canal: Calico enforces policy on Flannel's networking, so there is no eBPF mode to test",
    );
    expect(run(apCalicoEbpfUntested, golden('cni-cilium-kpr')).status).toBe(
      'clear',
    );
  });

  it('is unknown without the dataplane', () => {
    expect(
      run(
        apCalicoEbpfUntested,
        withUnreadable(golden('cni-calico-iptables'), 'calico.dataplane'),
        TO_CILIUM,
      ).status,
    ).toBe('unknown');
  });
});
