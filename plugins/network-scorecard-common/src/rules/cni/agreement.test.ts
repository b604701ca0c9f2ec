import { ClusterFacts } from '../../facts';
import { EvaluationContext } from '../../context';
import { context } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import {
  apCalicoEbpfUntested,
  apStandaloneCniMigration,
} from '../anti-patterns';
import { readinessCalicoToCilium } from '../readiness';
import {
  kubeProxyRedundant,
  kubeProxyReplaced,
  kubeProxyScale,
} from '../kube-proxy';
import {
  cniCalicoDataplane,
  cniDefaultChoice,
  cniKernel,
  cniProductionGrade,
  cniWindows,
} from '.';

/** The verdicts of every rule that speaks about a CNI move, on one cluster. */
function verdicts(facts: ClusterFacts, ctx: EvaluationContext) {
  return {
    choice: run(cniDefaultChoice, facts, ctx).status,
    kernel: run(cniKernel, facts, ctx).status,
    dataplane: run(cniCalicoDataplane, facts, ctx).status,
    ebpfUntested: run(apCalicoEbpfUntested, facts, ctx).status,
    standalone: run(apStandaloneCniMigration, facts, ctx).status,
    readiness: run(readinessCalicoToCilium, facts, ctx).status,
  };
}

const WINDOW = context({ platformRefresh: '2027-03-01' });

describe('the CNI move, seen the same way by every rule', () => {
  it.each(['cni-calico-bgp-tor', 'cni-calico-bpf', 'cni-calico-old-kernels'])(
    '%s with only a refresh date: keep Calico, no kernel warning, no anti-pattern, nothing to be ready for',
    name => {
      expect(verdicts(golden(name), WINDOW)).toEqual({
        choice: 'pass',
        kernel: 'not-applicable',
        dataplane: 'pass',
        ebpfUntested: 'clear',
        standalone: 'clear',
        readiness: 'not-applicable',
      });
    },
  );

  it('a declared move off an iptables Calico on old kernels: kernel warning, eBPF test first, readiness blocked', () => {
    expect(
      verdicts(
        golden('cni-calico-old-kernels'),
        context({ platformRefresh: '2027-03-01', targetCni: 'cilium' }),
      ),
    ).toEqual({
      choice: 'pass',
      kernel: 'warn',
      dataplane: 'warn',
      ebpfUntested: 'detected',
      standalone: 'clear',
      readiness: 'blocked',
    });
  });
});

/** Share of the possible points the CNI and kube-proxy checks give (pass 1, warn 0.5, fail and unknown 0). */
function cniPoints(facts: ClusterFacts, ctx: EvaluationContext): number {
  const value = { pass: 1, warn: 0.5, fail: 0, unknown: 0 } as const;
  let points = 0;
  let possible = 0;
  for (const rule of [
    cniProductionGrade,
    cniDefaultChoice,
    cniKernel,
    cniWindows,
    cniCalicoDataplane,
    kubeProxyReplaced,
    kubeProxyRedundant,
    kubeProxyScale,
  ]) {
    const { status } = run(rule, facts, ctx);
    if (status === 'not-applicable') continue;
    possible += rule.weight;
    points += rule.weight * value[status];
  }
  return points / possible;
}

it('a stable BGP Calico kept for its peering scores its CNI checks no lower than a Flannel dev cluster', () => {
  const bgp = cniPoints(golden('cni-calico-bgp-tor'), context());
  const flannelDev = cniPoints(
    golden('cni-flannel'),
    context({ lifecycle: 'development' }),
  );
  expect(bgp).toBeGreaterThanOrEqual(flannelDev);
});
