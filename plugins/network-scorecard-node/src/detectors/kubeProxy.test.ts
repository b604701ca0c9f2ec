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

  it('reads probe (Cilium 1.9) as hybrid, false (charm 1.16) as off', async () => {
    const probe = await factsOf(
      fixtures('cilium/experimental-install-v1.9-dev.yaml'),
    );
    expect(probe.kubeProxy?.value?.replacedBy).toBeNull();
    expect(probe.kubeProxy?.evidence).toContain(
      'ConfigMap kube-system/cilium-config: kube-proxy-replacement=probe (hybrid: kube-proxy still needed)',
    );
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

  it('ignores the Windows kube-proxy DaemonSet (sig-windows-tools)', async () => {
    const facts = await factsOf(
      fixtures('kube-proxy/sig-windows-tools-calico-kube-proxy-windows.yml'),
    );
    expect(facts.kubeProxy?.value).toEqual({
      present: false,
      mode: null,
      replacedBy: null,
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
