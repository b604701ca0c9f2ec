import {
  calicoBpf,
  calicoIptables,
  ciliumAks,
  ciliumCharm,
  ciliumMesh,
  flannelCluster,
  merge,
  requiring,
  set,
  unknown,
} from '../__fixtures__/clusters';
import { EV } from '../__fixtures__/evidence';
import { kubeProxy } from '../__fixtures__/platform';
import { run } from '../__fixtures__/run';
import { kubeProxyRedundant, kubeProxyReplaced, kubeProxyScale } from '.';

describe('kube-proxy.replaced', () => {
  it('fails Cilium that still leaves Services to kube-proxy (kube-proxy-replacement=false)', () => {
    const result = run(kubeProxyReplaced, ciliumCharm());
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      EV.kubeProxyDs(2),
      EV.kubeProxyMode,
      EV.kpr('false'),
      EV.ciliumCharm,
    ]);
    expect(result.recommendation).toContain(
      'Set kube-proxy-replacement=true in cilium-config',
    );
  });

  it('passes Cilium and Calico eBPF replacements', () => {
    expect(run(kubeProxyReplaced, ciliumAks())).toMatchObject({
      status: 'pass',
      recommendation: 'Cilium replaces kube-proxy; keep it that way.',
    });
    expect(run(kubeProxyReplaced, calicoBpf()).evidence).toEqual([
      'DaemonSet kube-system/kube-proxy: image 602401143452.dkr.ecr.ap-northeast-2.amazonaws.com/eks/kube-proxy:v1.25.6-minimal-eksbuild.1, desiredNumberScheduled=0',
      EV.kubeProxyMode,
      'Installation default: spec.calicoNetwork.kubeProxyManagement=Enabled',
    ]);
  });

  it('warns Calico on iptables: the replacement comes with its eBPF dataplane', () => {
    expect(run(kubeProxyReplaced, calicoIptables()).status).toBe('warn');
  });

  it('accepts kube-proxy kept for iptables-based tooling, and flags a replacement that breaks it', () => {
    expect(
      run(kubeProxyReplaced, ciliumCharm(), requiring('iptables-tooling'))
        .status,
    ).toBe('pass');
    const conflict = run(
      kubeProxyReplaced,
      ciliumAks(),
      requiring('iptables-tooling'),
    );
    expect(conflict.status).toBe('warn');
    expect(conflict.recommendation).toContain(
      'although the catalog declares iptables-tooling',
    );
  });

  it('does not apply to Flannel, which cannot replace kube-proxy', () => {
    expect(run(kubeProxyReplaced, flannelCluster()).status).toBe(
      'not-applicable',
    );
  });

  it('is unknown when neither kube-proxy nor a replacement is seen', () => {
    const facts = merge(
      ciliumCharm(),
      kubeProxy({ by: null, evidence: EV.kpr('false') }, null),
    );
    expect(run(kubeProxyReplaced, facts).status).toBe('unknown');
    expect(
      run(kubeProxyReplaced, merge(ciliumCharm(), unknown('kubeProxy'))).status,
    ).toBe('unknown');
  });
});

describe('kube-proxy.redundant', () => {
  it('fails a kube-proxy DaemonSet left next to Cilium kube-proxy replacement, naming both', () => {
    const result = run(kubeProxyRedundant, ciliumAks());
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      EV.kubeProxyDs(1),
      EV.kubeProxyMode,
      EV.kpr('true'),
    ]);
    expect(result.recommendation).toBe(
      `kube-proxy still runs while Cilium replaces it (${EV.kubeProxyDs(1)}; ${
        EV.kubeProxyMode
      }; ${EV.kpr(
        'true',
      )}): delete the kube-proxy DaemonSet (and its ConfigMap) and clean its iptables rules off the nodes, e.g. by rolling them.`,
    );
  });

  it('passes when the replacement runs alone (Cilium, or Calico eBPF scaling kube-proxy to zero)', () => {
    expect(run(kubeProxyRedundant, ciliumMesh()).status).toBe('pass');
    expect(run(kubeProxyRedundant, calicoBpf()).status).toBe('pass');
  });

  it('does not apply without a replacement', () => {
    expect(run(kubeProxyRedundant, ciliumCharm()).status).toBe(
      'not-applicable',
    );
  });
});

describe('kube-proxy.scale', () => {
  it('fails iptables kube-proxy routing 1,250 Services and points Calico at eBPF', () => {
    const result = run(kubeProxyScale, calicoIptables());
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      EV.kubeProxyDs(2),
      EV.kubeProxyMode,
      'DaemonSet kube-system/calico-node: FELIX_BPFENABLED not set',
      'Service list: 1250 items',
    ]);
    expect(result.recommendation).toMatch(
      /^1250 Services are routed by iptables-mode kube-proxy .*Switch Calico to its eBPF dataplane/,
    );
  });

  it('passes below 1,000 Services and with IPVS or nftables at any size', () => {
    expect(run(kubeProxyScale, ciliumCharm()).recommendation).toBe(
      '4 Services is below the ~1,000 where iptables routing starts to cost; replace kube-proxy before the cluster grows there.',
    );
    const nft = merge(
      calicoIptables(),
      kubeProxy(
        { by: null, evidence: 'calico' },
        { nodes: 2, mode: 'nftables' },
      ),
    );
    expect(run(kubeProxyScale, nft).status).toBe('pass');
  });

  it('only warns when iptables-tooling holds kube-proxy in place', () => {
    expect(
      run(kubeProxyScale, calicoIptables(), requiring('iptables-tooling'))
        .status,
    ).toBe('warn');
  });

  it('is unknown without the Service count, and not applicable once kube-proxy is replaced', () => {
    expect(
      run(kubeProxyScale, merge(calicoIptables(), unknown('services'))).status,
    ).toBe('unknown');
    expect(run(kubeProxyScale, ciliumAks()).status).toBe('not-applicable');
    expect(
      run(
        kubeProxyScale,
        merge(ciliumCharm(), set('services', 999, ['Service list: 999 items'])),
      ).status,
    ).toBe('pass');
  });
});
