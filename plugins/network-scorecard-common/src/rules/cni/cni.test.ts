import { context, requiring, withUnreadable } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import {
  cniCalicoDataplane,
  cniDefaultChoice,
  cniKernel,
  cniProductionGrade,
  cniWindows,
} from '.';

const REFRESH = context({ platformRefresh: '2027-03-01' });
const TO_CILIUM = context({
  platformRefresh: '2027-03-01',
  targetCni: 'cilium',
});

describe('cni.production-grade', () => {
  it('passes Cilium (also as GKE Dataplane V2) and Calico (also as RKE2 Canal) in production', () => {
    expect(run(cniProductionGrade, golden('cni-cilium-kpr'))).toEqual({
      status: 'pass',
      evidence: [
        'DaemonSet kube-system/cilium: image quay.io/cilium/cilium:v1.16.10',
      ],
      recommendation: 'Cilium is production-grade; nothing to change.',
    });
    expect(run(cniProductionGrade, golden('cni-gke-dpv2')).evidence).toEqual([
      'DaemonSet kube-system/anetd: image quay.io/cilium/cilium:v1.16.10',
    ]);
    expect(run(cniProductionGrade, golden('cni-calico-iptables')).status).toBe(
      'pass',
    );
    expect(run(cniProductionGrade, golden('cni-rke2-canal')).status).toBe(
      'pass',
    );
  });

  it('accepts Flannel off production and fails it in production, whatever its DaemonSet is called', () => {
    const dev = run(
      cniProductionGrade,
      golden('cni-flannel'),
      context({ lifecycle: 'development' }),
    );
    expect(dev.status).toBe('pass');
    expect(dev.evidence).toEqual([
      'DaemonSet kube-flannel/kube-flannel-ds: image ghcr.io/flannel-io/flannel:v0.28.9',
      'catalog: spec.lifecycle=development',
    ]);
    for (const name of ['cni-flannel', 'cni-flannel-renamed', 'cni-k3s']) {
      const prod = run(cniProductionGrade, golden(name));
      expect(prod.status).toBe('fail');
      expect(prod.recommendation).toContain(
        'Flannel carries production traffic',
      );
    }
    expect(
      run(cniProductionGrade, golden('cni-flannel-renamed')).evidence[0],
    ).toBe(
      'DaemonSet kube-system/kube-flannel: image ghcr.io/flannel-io/flannel:v0.28.9',
    );
  });

  it("names k3s's built-in Flannel from the nodes, with no DaemonSet to point at", () => {
    expect(run(cniProductionGrade, golden('cni-k3s')).evidence).toEqual([
      'Node k3s-agent-1: nodeInfo.kubeletVersion v1.25.6+k3s1',
      'DaemonSets: no agent of Cilium, Calico, Flannel or another known CNI',
      'k3s runs Flannel inside its own process unless started with --flannel-backend=none',
      'catalog: spec.lifecycle=production',
    ]);
  });

  it('is unknown, not "no CNI", when Ready nodes run a CNI it does not recognise', () => {
    const result = run(cniProductionGrade, golden('cni-unrecognised'));
    expect(result.status).toBe('unknown');
    expect(result.evidence).toEqual([
      'cni: not recognised: Nodes: 3 listed, 3 Ready (a node reports Ready only once a CNI is configured), but no agent of a known CNI runs',
    ]);
  });

  it('warns when the lifecycle is not declared', () => {
    const result = run(
      cniProductionGrade,
      golden('cni-flannel'),
      context({ lifecycle: null }),
    );
    expect(result.status).toBe('warn');
    expect(result.evidence.at(-1)).toBe('catalog: spec.lifecycle=(not set)');
  });
});

describe('cni.default-choice', () => {
  it('passes Cilium', () => {
    expect(run(cniDefaultChoice, golden('cni-cilium-kpr'))).toMatchObject({
      status: 'pass',
      recommendation: 'Cilium is the default choice; keep it.',
    });
  });

  it('keeps a stable Calico when only a refresh date is set: the date is a window, not a plan', () => {
    const result = run(
      cniDefaultChoice,
      golden('cni-calico-iptables'),
      REFRESH,
    );
    expect(result.status).toBe('pass');
    expect(result.recommendation).toContain('a working Calico is kept');
    expect(result.recommendation).toContain(
      'declare network-scorecard.io/target-cni: cilium',
    );
    expect(result.evidence).toContain(
      'catalog: network-scorecard.io/target-cni=(not set)',
    );
  });

  it('names the physical BGP peers it saw, without a declared requirement', () => {
    const result = run(cniDefaultChoice, golden('cni-calico-bgp-tor'));
    expect(result.recommendation).toBe(
      'Calico is the right choice here (2 BGP peers outside the cluster); keep it.',
    );
  });

  it('does not count in-cluster route reflectors as peering with the physical network', () => {
    const result = run(cniDefaultChoice, golden('cni-calico-route-reflectors'));
    expect(result.status).toBe('pass');
    expect(result.recommendation).toContain(
      'Calico without BGP peering to the physical network',
    );
    expect(result.evidence).toContain(
      '2 BGP peerings inside the cluster (route reflectors or node IPs): not peering with the physical network',
    );
  });

  it('warns when a move to Cilium is declared on a cluster whose Windows nodes keep it on Calico', () => {
    const result = run(
      cniDefaultChoice,
      golden('cni-calico-windows'),
      TO_CILIUM,
    );
    expect(result.status).toBe('warn');
    expect(result.recommendation).toMatch(
      /^The catalog declares a move to Cilium, but 2 Windows nodes keep this cluster on Calico/,
    );
    expect(
      run(cniDefaultChoice, golden('cni-calico-windows')).recommendation,
    ).toBe('Calico is the right choice here (2 Windows nodes); keep it.');
  });

  it('passes a declared move off a BGP Calico and says the peering must move to Cilium BGP', () => {
    expect(
      run(cniDefaultChoice, golden('cni-calico-bgp-tor'), TO_CILIUM)
        .recommendation,
    ).toContain("carry that peering over to Cilium's BGP control plane");
  });

  it('warns about two CNIs side by side, naming the refresh when there is one', () => {
    const none = run(cniDefaultChoice, golden('cni-migrating'));
    expect(none.status).toBe('warn');
    expect(none.recommendation).toContain('no platform refresh planned');
    const planned = run(cniDefaultChoice, golden('cni-migrating'), REFRESH);
    expect(planned.recommendation).toContain(
      'within the platform refresh of 2027-03-01',
    );
  });

  it('fails a managed CNI outside the framework in production with the way the provider offers Cilium', () => {
    const eks = run(cniDefaultChoice, golden('cni-eks-vpc-cni'));
    expect(eks.status).toBe('fail');
    expect(eks.recommendation).toContain(
      'On EKS, plan Cilium at the next refresh',
    );
    const aks = run(cniDefaultChoice, golden('cni-aks-azure-cni'));
    expect(aks.status).toBe('fail');
    expect(aks.recommendation).toContain(
      'az aks update --network-dataplane cilium',
    );
  });

  it('fails Flannel in production and leaves it alone elsewhere', () => {
    expect(run(cniDefaultChoice, golden('cni-flannel')).status).toBe('fail');
    expect(
      run(
        cniDefaultChoice,
        golden('cni-flannel'),
        context({ lifecycle: 'development' }),
      ).status,
    ).toBe('not-applicable');
  });

  it('is unknown when the CNI is not recognised or the list of CNIs is unknown', () => {
    expect(run(cniDefaultChoice, golden('cni-unrecognised')).status).toBe(
      'unknown',
    );
    expect(
      run(cniDefaultChoice, withUnreadable(golden('cni-cilium-kpr'), 'cni.all'))
        .status,
    ).toBe('unknown');
  });
});

describe('cni.kernel', () => {
  it('fails Cilium on the 5.4 kernels of the EKS nodes', () => {
    const result = run(cniKernel, golden('cni-cilium-charm-old-kernels'));
    expect(result.status).toBe('fail');
    expect(result.recommendation).toMatch(
      /^2 of 2 Linux nodes run a kernel below 5\.10 \(lowest 5\.4\.129-63\.229\.amzn2\.aarch64\) under Cilium/,
    );
  });

  it("passes RHEL 8.10's 4.18 kernel and says Cilium counts it as 5.10", () => {
    const result = run(cniKernel, golden('cni-cilium-rhel8'));
    expect(result.status).toBe('pass');
    expect(result.recommendation).toContain(
      "3 nodes run RHEL 8.10's 4.18 kernel, which Cilium documents as equivalent to 5.10",
    );
  });

  it('is unknown, not passed, when a Linux node reports no kernel version', () => {
    const result = run(cniKernel, golden('cni-cilium-unreadable-kernel'));
    expect(result.status).toBe('unknown');
    expect(result.evidence).toEqual([
      'nodes: 1 Linux node report no readable kernel version, so the lowest kernel is not known',
    ]);
  });

  it('gives no kernel warning for a move nobody declared, only for a declared one', () => {
    const calico = golden('cni-calico-old-kernels');
    expect(run(cniKernel, calico, REFRESH).status).toBe('not-applicable');
    const declared = run(cniKernel, calico, TO_CILIUM);
    expect(declared.status).toBe('warn');
    expect(declared.evidence).toContain(
      'catalog: network-scorecard.io/target-cni=cilium',
    );
  });

  it('is unknown without the node list', () => {
    expect(
      run(
        cniKernel,
        withUnreadable(golden('cni-cilium-kpr'), 'nodes', 'timeout'),
      ).evidence,
    ).toEqual(['nodes: timeout']);
  });
});

describe('cni.windows', () => {
  it('fails Windows nodes on Cilium and passes them on Calico', () => {
    const cilium = run(cniWindows, golden('cni-cilium-windows'));
    expect(cilium.status).toBe('fail');
    expect(cilium.recommendation).toContain(
      '2 Windows nodes but the CNI is Cilium',
    );
    expect(run(cniWindows, golden('cni-calico-windows')).status).toBe('pass');
  });

  it('passes Windows node pools on AKS, where Calico is not an option, with the reason', () => {
    const result = run(cniWindows, golden('cni-aks-azure-cni'));
    expect(result.status).toBe('pass');
    expect(result.recommendation).toBe(
      "AKS runs Windows node pools on Azure CNI only, so Calico is not an option for the 2 Windows nodes; the provider's CNI serves them.",
    );
  });

  it('follows the windows-nodes requirement even when nodes are unreadable', () => {
    const facts = withUnreadable(golden('cni-calico-iptables'), 'nodes');
    expect(run(cniWindows, facts, requiring('windows-nodes')).status).toBe(
      'pass',
    );
    expect(run(cniWindows, facts).status).toBe('unknown');
  });

  it('does not apply to Linux-only clusters', () => {
    expect(run(cniWindows, golden('cni-cilium-kpr')).status).toBe(
      'not-applicable',
    );
  });
});

describe('cni.calico-dataplane', () => {
  it('keeps a stable Calico on iptables, and asks for an eBPF test once a move is declared', () => {
    const stable = run(
      cniCalicoDataplane,
      golden('cni-calico-iptables'),
      REFRESH,
    );
    expect(stable.status).toBe('pass');
    const moving = run(
      cniCalicoDataplane,
      golden('cni-calico-iptables'),
      TO_CILIUM,
    );
    expect(moving.status).toBe('warn');
    expect(moving.recommendation).toContain('Test eBPF mode');
    expect(run(cniCalicoDataplane, golden('cni-migrating')).status).toBe(
      'warn',
    );
  });

  it('passes Calico on eBPF', () => {
    expect(run(cniCalicoDataplane, golden('cni-calico-bpf'))).toMatchObject({
      status: 'pass',
      evidence: ['Installation default: spec.calicoNetwork.linuxDataplane=BPF'],
    });
  });

  it('warns that Canal cannot run eBPF instead of asking to test it', () => {
    const result = run(cniCalicoDataplane, golden('cni-rke2-canal'), TO_CILIUM);
    expect(result.status).toBe('warn');
    expect(result.recommendation).toContain(
      'there is no eBPF mode to test here',
    );
    expect(result.recommendation).toContain('RKE2: cni: calico or cni: cilium');
  });

  it('does not apply to Cilium and is unknown without the dataplane', () => {
    expect(run(cniCalicoDataplane, golden('cni-cilium-kpr')).status).toBe(
      'not-applicable',
    );
    expect(
      run(
        cniCalicoDataplane,
        withUnreadable(golden('cni-calico-iptables'), 'calico.dataplane'),
      ).status,
    ).toBe('unknown');
  });
});
