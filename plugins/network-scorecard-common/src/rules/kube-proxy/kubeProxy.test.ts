import { context, requiring, withUnreadable } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { run } from '../__fixtures__/run';
import { readinessKubeProxyReplacement } from '../readiness';
import { kubeProxyRedundant, kubeProxyReplaced, kubeProxyScale } from '.';

const KUBEADM_KUBE_PROXY = [
  'DaemonSet kube-system/kube-proxy: present (no status)',
  'ConfigMap kube-system/kube-proxy: config.conf mode="" (iptables on Linux)',
];

describe('kube-proxy.replaced', () => {
  it('fails Cilium that still leaves Services to kube-proxy (kube-proxy-replacement=false)', () => {
    const result = run(
      kubeProxyReplaced,
      golden('cni-cilium-charm-old-kernels'),
    );
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      ...KUBEADM_KUBE_PROXY,
      'ConfigMap kube-system/cilium-config: kube-proxy-replacement=false',
      'DaemonSet kube-system/cilium: image quay.io/cilium/cilium:v1.16.10',
    ]);
    expect(result.recommendation).toContain(
      'Set kube-proxy-replacement=true in cilium-config',
    );
  });

  it('passes Cilium (also GKE Dataplane V2) and Calico eBPF replacements', () => {
    expect(run(kubeProxyReplaced, golden('cni-cilium-kpr'))).toMatchObject({
      status: 'pass',
      recommendation: 'Cilium replaces kube-proxy; keep it that way.',
    });
    expect(run(kubeProxyReplaced, golden('cni-gke-dpv2')).evidence).toContain(
      'DaemonSet kube-system/anetd: GKE Dataplane V2 serves Services in eBPF, without kube-proxy',
    );
    expect(run(kubeProxyReplaced, golden('cni-calico-bpf')).status).toBe(
      'pass',
    );
  });

  it('warns Calico on iptables: the replacement comes with its eBPF dataplane', () => {
    expect(run(kubeProxyReplaced, golden('cni-calico-iptables')).status).toBe(
      'warn',
    );
  });

  it('warns, with the reason, where the CNI cannot replace kube-proxy (EKS VPC CNI, Flannel, k3s, Canal)', () => {
    const eks = run(kubeProxyReplaced, golden('cni-eks-vpc-cni'));
    expect(eks.status).toBe('warn');
    expect(eks.recommendation).toContain(
      'The AWS VPC CNI does not route Services, so kube-proxy has to stay',
    );
    expect(
      run(kubeProxyReplaced, golden('cni-flannel')).recommendation,
    ).toContain('Flannel cannot replace kube-proxy');
    expect(run(kubeProxyReplaced, golden('cni-k3s'))).toMatchObject({
      status: 'warn',
      recommendation: expect.stringContaining(
        "k3s's built-in Flannel cannot replace kube-proxy",
      ),
    });
    expect(
      run(kubeProxyReplaced, golden('cni-rke2-canal')).recommendation,
    ).toContain(
      "Canal's Calico enforces policy only and cannot route Services",
    );
  });

  it("points a managed Cilium at the provider's setting, not at a cilium-config edit the provider reverts", () => {
    // the charm cluster's facts, on the platform of the AKS variant (Azure CNI powered by Cilium)
    const facts = {
      ...golden('cni-cilium-charm-old-kernels'),
      platform: golden('cni-aks-cilium').platform,
    };
    const result = run(kubeProxyReplaced, facts);
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain(
      'AKS manages the Cilium of Azure CNI powered by Cilium and its cilium-config (edits are reverted)',
    );
    expect(result.recommendation).not.toContain(
      'Set kube-proxy-replacement=true in cilium-config',
    );
    expect(run(readinessKubeProxyReplacement, facts).steps[0]).toMatch(
      /^Turn on kube-proxy replacement the platform's way: AKS manages/,
    );
  });

  it('accepts kube-proxy kept for iptables-based tooling, and flags a replacement that breaks it', () => {
    expect(
      run(
        kubeProxyReplaced,
        golden('cni-cilium-charm-old-kernels'),
        requiring('iptables-tooling'),
      ).status,
    ).toBe('pass');
    const conflict = run(
      kubeProxyReplaced,
      golden('cni-cilium-kpr'),
      requiring('iptables-tooling'),
    );
    expect(conflict.status).toBe('warn');
    expect(conflict.recommendation).toContain(
      'although the catalog declares iptables-tooling',
    );
  });
});

describe('kube-proxy.redundant', () => {
  it('fails a kube-proxy DaemonSet left next to Cilium kube-proxy replacement, naming both', () => {
    const result = run(
      kubeProxyRedundant,
      golden('cni-cilium-kpr-kube-proxy-left'),
    );
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      ...KUBEADM_KUBE_PROXY,
      'ConfigMap kube-system/cilium-config: kube-proxy-replacement=true',
    ]);
    expect(result.recommendation).toBe(
      `kube-proxy still runs while Cilium replaces it (${KUBEADM_KUBE_PROXY.join(
        '; ',
      )}; ConfigMap kube-system/cilium-config: kube-proxy-replacement=true): delete the kube-proxy DaemonSet (and its ConfigMap) and clean its iptables rules off the nodes, e.g. by rolling them.`,
    );
  });

  it('passes when the replacement runs alone (Cilium, or Calico eBPF scaling kube-proxy to zero)', () => {
    expect(run(kubeProxyRedundant, golden('cni-cilium-kpr')).status).toBe(
      'pass',
    );
    expect(run(kubeProxyRedundant, golden('cni-calico-bpf')).status).toBe(
      'pass',
    );
  });

  it('does not apply without a replacement', () => {
    expect(run(kubeProxyRedundant, golden('cni-calico-iptables')).status).toBe(
      'not-applicable',
    );
  });
});

describe('kube-proxy.scale', () => {
  it('fails iptables kube-proxy routing 1,250 Services and points Calico at eBPF', () => {
    const result = run(kubeProxyScale, golden('cni-calico-iptables'));
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      ...KUBEADM_KUBE_PROXY,
      'DaemonSet kube-system/calico-node: env FELIX_BPFENABLED not set',
      'no FelixConfiguration default',
      'Services: 1250 in all namespaces',
    ]);
    expect(result.recommendation).toMatch(
      /^1250 Services are routed by iptables-mode kube-proxy .*Switch Calico to its eBPF dataplane/,
    );
  });

  it('passes below 1,000 Services, even where the mode cannot be read (k3s)', () => {
    expect(run(kubeProxyScale, golden('cni-flannel')).recommendation).toBe(
      '3 Services is below the ~1,000 where iptables routing starts to cost; replace kube-proxy before the cluster grows there.',
    );
    expect(run(kubeProxyScale, golden('cni-k3s')).status).toBe('pass');
  });

  it('only warns when iptables-tooling holds kube-proxy in place', () => {
    expect(
      run(
        kubeProxyScale,
        golden('cni-calico-iptables'),
        requiring('iptables-tooling'),
      ).status,
    ).toBe('warn');
  });

  it('is unknown without the Service count, and not applicable once kube-proxy is replaced', () => {
    expect(
      run(
        kubeProxyScale,
        withUnreadable(golden('cni-calico-iptables'), 'services'),
      ).status,
    ).toBe('unknown');
    expect(run(kubeProxyScale, golden('cni-cilium-kpr')).status).toBe(
      'not-applicable',
    );
  });
});

describe('one reading of the kubeProxy fact', () => {
  it('is unknown in every kube-proxy check and in readiness when neither kube-proxy nor a replacement is seen', () => {
    const facts = golden('cni-cilium-probe');
    const reason =
      'kubeProxy: not found: no kube-proxy DaemonSet in kube-system and no replacement (Cilium kube-proxy-replacement, Calico eBPF); kube-proxy may run as static pods, which the scanner does not read';
    for (const rule of [
      kubeProxyReplaced,
      kubeProxyRedundant,
      kubeProxyScale,
    ]) {
      expect(run(rule, facts)).toMatchObject({
        status: 'unknown',
        evidence: [reason],
      });
    }
    expect(run(readinessKubeProxyReplacement, facts, context())).toEqual({
      status: 'unknown',
      blockers: [],
      steps: [`Make these facts readable, then scan again: ${reason}`],
    });
  });
});
