import { KubeProxyFact, KubeProxyMode } from '@network-scorecard/common';
import { parse } from 'yaml';
import { RESOURCES, builtIn } from '../reader/resources';
import { ClusterReader, KubeObject, ReadFailure } from '../reader/types';
import { calicoDataplane, findCalico } from './support/calico';
import { ciliumConfig, kubeProxyReplacement } from './support/cilium';
import { Detector, guarded, known, unknownFact } from './support/facts';
import {
  asArray,
  asString,
  containers,
  dig,
  labels,
  podNodeSelector,
  ref,
} from './support/objects';
import { readNodes } from './support/nodeList';
import { distributionOf } from './support/platform';
import { daemonSets } from './support/workloads';

/** ConfigMaps that hold a KubeProxyConfiguration: EKS's kube-proxy-config (key config), kubeadm's kube-proxy (key config.conf). */
const CONFIG_MAPS = ['kube-proxy-config', 'kube-proxy'];
const CONFIG_KEYS = ['config.conf', 'config'];
const MODES: KubeProxyMode[] = ['iptables', 'ipvs', 'nftables'];
const DISABLE_LABEL = 'operator.tigera.io/disable-kube-proxy';

function isLinuxKubeProxy(ds: KubeObject): boolean {
  return (
    ds.metadata.namespace === 'kube-system' &&
    (ds.metadata.name === 'kube-proxy' ||
      labels(ds)['k8s-app'] === 'kube-proxy') &&
    podNodeSelector(ds)['kubernetes.io/os'] !== 'windows'
  );
}

function flagMode(ds: KubeObject): string | undefined {
  const words = containers(ds).flatMap(c => [
    ...(c.command ?? []),
    ...(c.args ?? []),
  ]);
  for (let i = 0; i < words.length; i++) {
    const m = /^--proxy-mode(?:=(.*))?$/.exec(words[i]);
    if (m) return m[1] ?? words[i + 1];
  }
  return undefined;
}

function toMode(raw: string): KubeProxyMode | null {
  if (raw === '') return 'iptables';
  return MODES.find(m => m === raw.toLowerCase()) ?? null;
}

/** Mode from the KubeProxyConfiguration the DaemonSet mounts, else --proxy-mode, else the Linux default. */
async function kubeProxyMode(
  reader: ClusterReader,
  ds: KubeObject,
): Promise<{ mode: KubeProxyMode | null; evidence: string }> {
  const mounted = asArray(dig(ds, 'spec', 'template', 'spec', 'volumes'))
    .map(v => asString(dig(v, 'configMap', 'name')))
    .filter((n): n is string => !!n && CONFIG_MAPS.includes(n))
    .sort((a, b) => CONFIG_MAPS.indexOf(a) - CONFIG_MAPS.indexOf(b));
  for (const name of mounted) {
    const cm = await reader.get(
      builtIn(RESOURCES.ConfigMap),
      name,
      ds.metadata.namespace,
    );
    for (const key of CONFIG_KEYS) {
      const text = asString(dig(cm, 'data', key));
      if (!text || !/KubeProxyConfiguration|^mode:/m.test(text)) continue;
      let config: unknown;
      try {
        config = parse(text);
      } catch {
        throw new ReadFailure(
          'error',
          `${ref(cm, 'ConfigMap')}: key ${key} is not valid YAML`,
        );
      }
      const raw = asString(dig(config, 'mode')) ?? '';
      const shown = raw === '' ? '"" (iptables on Linux)' : raw;
      return {
        mode: toMode(raw),
        evidence: `${ref(cm, 'ConfigMap')}: ${key} mode=${shown}`,
      };
    }
  }
  const flag = flagMode(ds);
  if (flag !== undefined) {
    return {
      mode: toMode(flag),
      evidence: `${ref(ds, 'DaemonSet')}: --proxy-mode=${flag}`,
    };
  }
  return {
    mode: 'iptables',
    evidence: `${ref(ds, 'DaemonSet')}: no mode configured (iptables on Linux)`,
  };
}

/** Distributions that run kube-proxy outside a DaemonSet, and how. */
const BUILT_IN: Partial<Record<string, string>> = {
  k3s: 'k3s runs kube-proxy inside its own process, not as a DaemonSet (unless started with --disable-kube-proxy)',
  rke2: 'RKE2 runs kube-proxy as a static pod, not as a DaemonSet (unless started with --disable-kube-proxy)',
};

/**
 * Fact kubeProxy: whether kube-proxy runs, in which mode, and what replaces
 * it. Unknown (with the reason) when neither kube-proxy nor a replacement is
 * seen: kube-proxy may then run as static pods, which are not read.
 */
export const detectKubeProxy: Detector = async reader => ({
  kubeProxy: await guarded(async () => {
    const evidence: string[] = [];
    const all = await daemonSets(reader);
    const ds = all.find(isLinuxKubeProxy);
    let present = false;
    let mode: KubeProxyMode | null = null;
    if (!ds) {
      evidence.push('DaemonSets: no kube-proxy in kube-system');
    } else {
      const desired = dig(ds, 'status', 'desiredNumberScheduled');
      const disabled = podNodeSelector(ds)[DISABLE_LABEL] === 'true';
      present = typeof desired === 'number' ? desired > 0 : !disabled;
      if (disabled)
        evidence.push(
          `${ref(
            ds,
            'DaemonSet',
          )}: nodeSelector ${DISABLE_LABEL}=true (switched off by Calico)`,
        );
      evidence.push(
        typeof desired === 'number'
          ? `${ref(ds, 'DaemonSet')}: status.desiredNumberScheduled=${desired}`
          : `${ref(ds, 'DaemonSet')}: present (no status)`,
      );
      if (present) {
        const found = await kubeProxyMode(reader, ds);
        mode = found.mode;
        evidence.push(found.evidence);
      }
    }
    let replacedBy: KubeProxyFact['replacedBy'] = null;
    const anetd = all.find(
      d =>
        d.metadata.name === 'anetd' && d.metadata.namespace === 'kube-system',
    );
    if (anetd) {
      replacedBy = 'cilium';
      evidence.push(
        `${ref(
          anetd,
          'DaemonSet',
        )}: GKE Dataplane V2 serves Services in eBPF, without kube-proxy`,
      );
    }
    const cilium = anetd ? undefined : await ciliumConfig(reader);
    if (cilium) {
      const kpr = kubeProxyReplacement(cilium);
      evidence.push(
        kpr.mode === 'hybrid'
          ? `${kpr.evidence} (hybrid: kube-proxy still needed)`
          : kpr.evidence,
      );
      if (kpr.mode === 'replaced') replacedBy = 'cilium';
    }
    if (!replacedBy && (await findCalico(reader))) {
      const dataplane = await calicoDataplane(reader);
      if (dataplane.value === null)
        return unknownFact(dataplane.reason ?? 'unknown');
      evidence.push(...dataplane.evidence);
      if (dataplane.value === 'bpf') replacedBy = 'calico-bpf';
    }
    if (!ds && !replacedBy) {
      const { distribution, evidence: seen } = distributionOf(
        all,
        await readNodes(reader),
      );
      const outside = distribution ? BUILT_IN[distribution] : undefined;
      if (outside) {
        // Services are routed by something; with no replacement it is the distribution's kube-proxy.
        return known<KubeProxyFact>(
          { present: true, mode: null, replacedBy: null },
          [
            ...evidence,
            ...seen,
            `${outside}; its mode is not readable through the API`,
          ],
        );
      }
      return unknownFact(
        'not found: no kube-proxy DaemonSet in kube-system and no replacement (Cilium kube-proxy-replacement, Calico eBPF); kube-proxy may run as static pods, which the scanner does not read',
        evidence,
      );
    }
    return known<KubeProxyFact>({ present, mode, replacedBy }, evidence);
  }),
});
