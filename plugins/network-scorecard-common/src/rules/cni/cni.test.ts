import { CheckResult, CheckRule } from '../types';
import {
  calicoBpf,
  calicoIptables,
  ciliumAks,
  ciliumCharm,
  context,
  flannelCluster,
  merge,
  migrating,
  requiring,
  unknown,
} from '../__fixtures__/clusters';
import { nodes } from '../__fixtures__/platform';
import { EV } from '../__fixtures__/evidence';
import { ClusterFacts } from '../../facts';
import { EvaluationContext } from '../../context';
import {
  cniCalicoDataplane,
  cniDefaultChoice,
  cniKernel,
  cniProductionGrade,
  cniWindows,
} from '.';

const run = (
  rule: CheckRule,
  facts: ClusterFacts,
  ctx: EvaluationContext = context(),
): CheckResult => rule.evaluate(facts, ctx);

const withWindows = (facts: ClusterFacts) =>
  merge(facts, nodes('nodes/nodes.json', 3));

describe('cni.production-grade', () => {
  it('passes Cilium and Calico in production', () => {
    expect(run(cniProductionGrade, ciliumCharm())).toEqual({
      status: 'pass',
      evidence: [EV.ciliumCharm],
      recommendation: 'Cilium is production-grade; nothing to change.',
    });
    expect(run(cniProductionGrade, calicoIptables()).status).toBe('pass');
  });

  it('accepts Flannel off production and fails it in production', () => {
    const dev = run(
      cniProductionGrade,
      flannelCluster(),
      context({ lifecycle: 'development' }),
    );
    expect(dev.status).toBe('pass');
    expect(dev.evidence).toEqual([
      EV.flannel,
      'catalog: spec.lifecycle=development',
    ]);
    const prod = run(cniProductionGrade, flannelCluster());
    expect(prod.status).toBe('fail');
    expect(prod.evidence).toEqual([EV.flannel, EV.production]);
  });

  it('warns when the lifecycle is not declared', () => {
    const result = run(
      cniProductionGrade,
      flannelCluster(),
      context({ lifecycle: null }),
    );
    expect(result.status).toBe('warn');
    expect(result.evidence).toEqual([
      EV.flannel,
      'catalog: spec.lifecycle=(not set)',
    ]);
  });

  it('is unknown when the CNI could not be read', () => {
    expect(
      run(cniProductionGrade, merge(ciliumCharm(), unknown('cni'))),
    ).toMatchObject({
      status: 'unknown',
      evidence: ['cni: forbidden'],
    });
  });
});

describe('cni.default-choice', () => {
  it('passes Cilium', () => {
    expect(run(cniDefaultChoice, ciliumCharm())).toMatchObject({
      status: 'pass',
      evidence: [EV.ciliumCharm],
    });
  });

  it('keeps a working Calico without a reason to switch', () => {
    const result = run(cniDefaultChoice, calicoIptables());
    expect(result.status).toBe('pass');
    expect(result.recommendation).toContain('a working Calico is kept');
  });

  it('names why Calico is right when BGP peering or Windows nodes need it', () => {
    expect(
      run(cniDefaultChoice, calicoIptables(), requiring('bgp-peering'))
        .evidence,
    ).toEqual([EV.calico, 'requirement bgp-peering']);
    expect(
      run(cniDefaultChoice, withWindows(calicoIptables())).recommendation,
    ).toBe('Calico is the right choice here (3 Windows nodes); keep it.');
  });

  it('warns about two CNIs side by side, naming the refresh when there is one', () => {
    const none = run(cniDefaultChoice, migrating());
    expect(none.status).toBe('warn');
    expect(none.recommendation).toContain('no platform refresh planned');
    const planned = run(
      cniDefaultChoice,
      migrating(),
      context({ platformRefresh: '2027-03-01' }),
    );
    expect(planned.status).toBe('warn');
    expect(planned.recommendation).toContain(
      'within the platform refresh of 2027-03-01',
    );
    expect(planned.evidence).toContain(
      'catalog: network-scorecard.io/platform-refresh=2027-03-01',
    );
  });

  it('fails Flannel in production and leaves it alone elsewhere', () => {
    expect(run(cniDefaultChoice, flannelCluster()).status).toBe('fail');
    expect(
      run(
        cniDefaultChoice,
        flannelCluster(),
        context({ lifecycle: 'development' }),
      ).status,
    ).toBe('not-applicable');
  });

  it('is unknown when the list of CNIs is unknown (a second CNI could hide)', () => {
    expect(
      run(cniDefaultChoice, merge(ciliumCharm(), unknown('cni.all'))).status,
    ).toBe('unknown');
  });
});

describe('cni.kernel', () => {
  it('fails Cilium on the 5.4 kernels of the EKS nodes', () => {
    expect(run(cniKernel, ciliumCharm())).toEqual({
      status: 'fail',
      evidence: EV.eksNodes,
      recommendation:
        '2 of 2 Linux nodes run a kernel below 5.10 (lowest 5.4.129-63.229.amzn2.aarch64) under Cilium. Move the node image to a 5.10+ kernel before enabling kube-proxy replacement or newer eBPF features.',
    });
  });

  it('passes Cilium on a 6.12 kernel', () => {
    expect(run(cniKernel, ciliumAks())).toMatchObject({
      status: 'pass',
      evidence: [EV.minikubeNode],
    });
  });

  it('warns a Calico cluster whose refresh brings Cilium, unless Calico must stay', () => {
    const refresh = context({ platformRefresh: '2027-03-01' });
    expect(run(cniKernel, calicoIptables(), refresh).status).toBe('warn');
    expect(run(cniKernel, calicoIptables()).status).toBe('not-applicable');
    expect(
      run(
        cniKernel,
        calicoIptables(),
        context({
          platformRefresh: '2027-03-01',
          requirements: ['bgp-peering'],
        }),
      ).status,
    ).toBe('not-applicable');
  });

  it('is unknown without the node list', () => {
    expect(
      run(cniKernel, merge(ciliumCharm(), unknown('nodes', 'timeout')))
        .evidence,
    ).toEqual(['nodes: timeout']);
  });
});

describe('cni.windows', () => {
  it('fails Windows nodes on Cilium and passes them on Calico', () => {
    const cilium = run(cniWindows, withWindows(ciliumCharm()));
    expect(cilium.status).toBe('fail');
    expect(cilium.recommendation).toContain(
      '3 Windows nodes but the CNI is Cilium',
    );
    expect(run(cniWindows, withWindows(calicoIptables())).status).toBe('pass');
  });

  it('follows the windows-nodes requirement even when nodes are unreadable', () => {
    const facts = merge(calicoIptables(), unknown('nodes'));
    expect(run(cniWindows, facts, requiring('windows-nodes')).status).toBe(
      'pass',
    );
    expect(run(cniWindows, facts).status).toBe('unknown');
  });

  it('does not apply to Linux-only clusters', () => {
    expect(run(cniWindows, ciliumCharm()).status).toBe('not-applicable');
  });
});

describe('cni.calico-dataplane', () => {
  it('warns Calico on iptables and passes Calico on eBPF', () => {
    const iptables = run(cniCalicoDataplane, calicoIptables());
    expect(iptables.status).toBe('warn');
    expect(iptables.evidence).toEqual([EV.calicoIptables]);
    expect(iptables.recommendation).toContain('Test eBPF mode');
    expect(run(cniCalicoDataplane, calicoBpf())).toMatchObject({
      status: 'pass',
      evidence: [EV.calicoBpf],
    });
  });

  it('does not apply to Cilium and is unknown without the dataplane', () => {
    expect(run(cniCalicoDataplane, ciliumCharm()).status).toBe(
      'not-applicable',
    );
    expect(
      run(
        cniCalicoDataplane,
        merge(calicoIptables(), unknown('calico.dataplane')),
      ).status,
    ).toBe('unknown');
  });
});
