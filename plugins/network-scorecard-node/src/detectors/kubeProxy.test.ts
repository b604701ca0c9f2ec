import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { KubeObject } from '../reader/types';
import {
  UPSTREAM,
  factsOf,
  find,
  fixtures,
  object,
  patched,
} from '../__testUtils__/fixtures';
import { VARIANTS } from '../__fixtures__/variants';

/** kubeadm's ConfigMap kube-system/kube-proxy with the defaulted KubeProxyConfiguration as config.conf. */
function kubeadmConfigMap(mode?: string): KubeObject {
  const text = readFileSync(
    resolve(UPSTREAM, 'kube-proxy/kubeadm-defaulted-controlplane.yaml'),
    'utf8',
  );
  let conf = text
    .split(/^---$/m)
    .find(doc => doc.includes('kind: KubeProxyConfiguration'))!
    .trimStart();
  if (mode !== undefined) conf = conf.replace('mode: ""', `mode: ${mode}`);
  return object('v1', 'ConfigMap', 'kube-proxy', 'kube-system', {
    data: { 'config.conf': conf },
  });
}

/** The EKS kube-proxy DaemonSet, as kubeadm mounts it (ConfigMap kube-proxy only). */
function kubeadmDaemonSet(): KubeObject {
  return patched(
    find(
      fixtures('kube-proxy/eksctl-sample-1.25-default-addons.json'),
      'DaemonSet',
      'kube-proxy',
    ),
    c => {
      c.spec.template.spec.volumes = c.spec.template.spec.volumes.filter(
        (v: any) => v.name !== 'config',
      );
    },
  );
}

describe('detectKubeProxy', () => {
  it('reads mode "" of the kubeadm KubeProxyConfiguration as iptables', async () => {
    const facts = await factsOf([kubeadmDaemonSet(), kubeadmConfigMap()]);
    expect(facts.kubeProxy).toEqual({
      value: { present: true, mode: 'iptables', replacedBy: null },
      evidence: [
        'DaemonSet kube-system/kube-proxy: present (no status)',
        'ConfigMap kube-system/kube-proxy: config.conf mode="" (iptables on Linux)',
      ],
    });
  });

  it('reads ipvs from the ConfigMap the DaemonSet mounts', async () => {
    const facts = await factsOf([kubeadmDaemonSet(), kubeadmConfigMap('ipvs')]);
    expect(facts.kubeProxy?.value).toEqual({
      present: true,
      mode: 'ipvs',
      replacedBy: null,
    });
  });

  it('is unknown when the EKS kube-proxy-config ConfigMap it mounts is missing (real EKS export)', async () => {
    const facts = await factsOf(
      fixtures('kube-proxy/eksctl-sample-1.25-default-addons.json'),
    );
    expect(facts.kubeProxy).toEqual({
      value: null,
      evidence: [],
      reason: 'not found: get ConfigMap kube-system/kube-proxy-config',
    });
  });

  it('sees kube-proxy switched off by Calico eBPF (operator.tigera.io/disable-kube-proxy)', async () => {
    const off = patched(kubeadmDaemonSet(), c => {
      c.spec.template.spec.nodeSelector = {
        'kubernetes.io/os': 'linux',
        'operator.tigera.io/disable-kube-proxy': 'true',
      };
      c.status = { desiredNumberScheduled: 0 };
    });
    const node = patched(
      find(fixtures('calico/calico.yaml'), 'DaemonSet', 'calico-node'),
      c => {
        c.metadata.namespace = 'calico-system';
      },
    );
    const facts = await factsOf([
      off,
      kubeadmConfigMap(),
      node,
      ...fixtures('calico/custom-resources-bpf.yaml'),
    ]);
    expect(facts.kubeProxy).toEqual({
      value: { present: false, mode: null, replacedBy: 'calico-bpf' },
      evidence: [
        'DaemonSet kube-system/kube-proxy: nodeSelector operator.tigera.io/disable-kube-proxy=true (switched off by Calico)',
        'DaemonSet kube-system/kube-proxy: status.desiredNumberScheduled=0',
        'Installation default: spec.calicoNetwork.linuxDataplane=BPF',
      ],
    });
  });

  it('reads Cilium kube-proxy replacement: strict (AKS 1.13) replaces it', async () => {
    const facts = await factsOf([
      ...fixtures(
        'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
        'cilium/aks-acn-v1.13-cilium-config.yaml',
      ),
    ]);
    expect(facts.kubeProxy).toEqual({
      value: { present: false, mode: null, replacedBy: 'cilium' },
      evidence: [
        'DaemonSets: no kube-proxy in kube-system',
        'ConfigMap kube-system/cilium-config: kube-proxy-replacement=strict',
      ],
    });
  });

  it('reads probe (Cilium 1.9) as hybrid: with no kube-proxy DaemonSet seen, the fact is unknown, never "not routed"', async () => {
    const probe = await factsOf(
      fixtures('cilium/experimental-install-v1.9-dev.yaml'),
    );
    expect(probe.kubeProxy).toEqual({
      value: null,
      evidence: [
        'DaemonSets: no kube-proxy in kube-system',
        'ConfigMap kube-system/cilium-config: kube-proxy-replacement=probe (hybrid: kube-proxy still needed)',
      ],
      reason:
        'not found: no kube-proxy DaemonSet in kube-system and no replacement (Cilium kube-proxy-replacement, Calico eBPF); kube-proxy may run as static pods, which the scanner does not read',
    });
  });

  it('reads false (charm 1.16) as off', async () => {
    const off = await factsOf([
      ...fixtures('cilium/charm-cilium-1.16.10-rendered.yaml'),
      kubeadmDaemonSet(),
      kubeadmConfigMap(),
    ]);
    expect(off.kubeProxy?.value).toEqual({
      present: true,
      mode: 'iptables',
      replacedBy: null,
    });
    expect(off.kubeProxy?.evidence).toContain(
      'ConfigMap kube-system/cilium-config: kube-proxy-replacement=false',
    );
  });

  it('ignores the Windows kube-proxy DaemonSet (sig-windows-tools): the Linux one is then unknown', async () => {
    const facts = await factsOf(
      fixtures('kube-proxy/sig-windows-tools-calico-kube-proxy-windows.yml'),
    );
    expect(facts.kubeProxy?.value).toBeNull();
    expect(facts.kubeProxy?.reason).toMatch(
      /^not found: no kube-proxy DaemonSet/,
    );
  });

  it('knows k3s and RKE2 run kube-proxy outside a DaemonSet, its mode unreadable', async () => {
    const k3s = await factsOf(fixtures('k3s/k3s-master-01-node.yaml'));
    expect(k3s.kubeProxy).toEqual({
      value: { present: true, mode: null, replacedBy: null },
      evidence: [
        'DaemonSets: no kube-proxy in kube-system',
        'Node k3s-master-01: nodeInfo.kubeletVersion v1.25.6+k3s1',
        'k3s runs kube-proxy inside its own process, not as a DaemonSet (unless started with --disable-kube-proxy); its mode is not readable through the API',
      ],
    });
    const rke2 = await factsOf(VARIANTS['cni-rke2-canal'].objects());
    expect(rke2.kubeProxy?.value).toEqual({
      present: true,
      mode: null,
      replacedBy: null,
    });
  });

  it('reads GKE Dataplane V2 (anetd) as the replacement', async () => {
    const facts = await factsOf(VARIANTS['cni-gke-dpv2'].objects());
    expect(facts.kubeProxy).toEqual({
      value: { present: false, mode: null, replacedBy: 'cilium' },
      evidence: [
        'DaemonSets: no kube-proxy in kube-system',
        'DaemonSet kube-system/anetd: GKE Dataplane V2 serves Services in eBPF, without kube-proxy',
      ],
    });
  });

  it('reads --proxy-mode when no configuration is mounted', async () => {
    const ds = patched(kubeadmDaemonSet(), c => {
      c.spec.template.spec.volumes = [];
      c.spec.template.spec.containers[0].command = [
        'kube-proxy',
        '--proxy-mode=nftables',
      ];
    });
    const facts = await factsOf([ds]);
    expect(facts.kubeProxy?.value).toEqual({
      present: true,
      mode: 'nftables',
      replacedBy: null,
    });
    expect(facts.kubeProxy?.evidence).toContain(
      'DaemonSet kube-system/kube-proxy: --proxy-mode=nftables',
    );
  });
});
