/**
 * CNI facts as the collector derives them, from real upstream manifests.
 * Each builder names the objects and fields it read in the evidence.
 */
import { ClusterFacts, Fact, KubeProxyFact } from '../../facts';
import {
  dig,
  image,
  K8sObject,
  load,
  must,
  ofKind,
  ref,
  versionOf,
} from './upstream';

/** How the CNI takes over Service routing, for the kube-proxy fact. */
export interface Replacement {
  by: KubeProxyFact['replacedBy'];
  evidence: string;
}

export interface CniParts {
  facts: ClusterFacts;
  replacement: Replacement;
  /** every Service object in the files read */
  services: K8sObject[];
}

function configMap(files: string[], name: string): K8sObject {
  for (const file of files) {
    const found = load(file).find(
      o => o.kind === 'ConfigMap' && o.metadata.name === name,
    );
    if (found) return found;
  }
  throw new Error(`no ConfigMap ${name} in ${files.join(', ')}`);
}

function workload(
  files: string[],
  kind: string,
  name: string,
): K8sObject | undefined {
  for (const file of files) {
    const found = load(file).find(
      o => o.kind === kind && o.metadata.name === name,
    );
    if (found) return found;
  }
  return undefined;
}

function servicesIn(files: string[]): K8sObject[] {
  return files.flatMap(f => ofKind(load(f), 'Service'));
}

function version(img: string, where: string): Fact<string> {
  const v = versionOf(img);
  return v === null
    ? {
        value: null,
        evidence: [`${where}: image ${img}`],
        reason: 'image tag is a placeholder',
      }
    : { value: v, evidence: [`${where}: image ${img}`] };
}

export interface CiliumOptions {
  /** keys set on cilium-config as `kubectl patch` would, for variants no upstream file shows */
  patch?: Record<string, string>;
}

/**
 * Cilium from a cilium-config ConfigMap and the files holding the agent
 * DaemonSet and (optionally) hubble-relay / hubble-ui Deployments.
 */
export function cilium(files: string[], options: CiliumOptions = {}): CniParts {
  const cm = configMap(files, 'cilium-config');
  const data: Record<string, string> = { ...cm.data, ...options.patch };
  const cmRef = ref(cm, cm.metadata.namespace ?? 'kube-system');
  const key = (k: string) =>
    `${cmRef}: ${k}=${(data[k] ?? '(not set)').trim().split(/\s+/).join(' ')}`;
  const agent = workload(files, 'DaemonSet', 'cilium');
  if (!agent) throw new Error('no cilium DaemonSet');
  const agentRef = ref(agent, agent.metadata.namespace ?? 'kube-system');
  const img = image(agent, 'cilium-agent');

  const kpr = (data['kube-proxy-replacement'] ?? 'false').trim();
  const replaced = kpr === 'true' || kpr === 'strict';
  const relay = workload(files, 'Deployment', 'hubble-relay');
  const ui = workload(files, 'Deployment', 'hubble-ui');
  const metrics = (data['hubble-metrics'] ?? '').split(/\s+/).filter(Boolean);
  let encryption: 'wireguard' | 'ipsec' | 'none' = 'none';
  if (data['enable-wireguard'] === 'true') encryption = 'wireguard';
  else if (data['enable-ipsec'] === 'true') encryption = 'ipsec';

  const facts: ClusterFacts = {
    cni: { value: 'cilium', evidence: [`${agentRef}: image ${img}`] },
    'cni.all': { value: ['cilium'], evidence: [`${agentRef}: image ${img}`] },
    'cni.version': version(img, agentRef),
    hubble: {
      value: {
        enabled: data['enable-hubble'] === 'true',
        relay: relay !== undefined,
        ui: ui !== undefined,
        metrics: metrics.map(m => m.split(':')[0]),
      },
      evidence: [
        key('enable-hubble'),
        `${cmRef}: hubble-metrics=${
          metrics.map(m => m.split(':')[0]).join(',') || '(not set)'
        }`,
        relay
          ? `${ref(relay, relay.metadata.namespace ?? 'kube-system')}: present`
          : 'Deployment hubble-relay: not found',
        ui
          ? `${ref(ui, ui.metadata.namespace ?? 'kube-system')}: present`
          : 'Deployment hubble-ui: not found',
      ],
    },
    encryption: {
      value: encryption,
      evidence: [key('enable-wireguard'), key('enable-ipsec')],
    },
    bgp: {
      value: {
        calicoBgp: false,
        peers: 0,
        ciliumBgpControlPlane: data['enable-bgp-control-plane'] === 'true',
      },
      evidence: [key('enable-bgp-control-plane')],
    },
  };
  // mesh-auth-enabled is on by default; only the mutual (SPIRE) key means mutual authentication.
  if (data['mesh-auth-mutual-enabled'] === 'true') {
    const auth = key('mesh-auth-mutual-enabled');
    facts.mesh = { value: 'cilium', evidence: [auth] };
    facts['mesh.all'] = { value: ['cilium'], evidence: [auth] };
    facts['mesh.details'] = {
      value: {
        version: facts['cni.version']?.value ?? null,
        ambientNamespaces: [],
        injectedNamespaces: [],
        waypoints: 0,
        strictMtls: false,
        ciliumMutualAuth: true,
      },
      evidence: [auth],
    };
  }
  return {
    facts,
    replacement: {
      by: replaced ? 'cilium' : null,
      evidence: key('kube-proxy-replacement'),
    },
    services: servicesIn(files),
  };
}

/** Calico installed from the upstream manifest (calico.yaml): iptables dataplane, BIRD BGP. */
export function calicoManifest(): CniParts {
  const objects = load('calico/calico.yaml');
  const node = must(objects, 'DaemonSet', 'calico-node');
  const nodeRef = ref(node);
  const img = image(node, 'calico-node');
  const env =
    (dig(node, 'spec', 'template', 'spec', 'containers', 0, 'env') as {
      name: string;
      value?: string;
    }[]) ?? [];
  const bpf = env.find(e => e.name === 'FELIX_BPFENABLED')?.value === 'true';
  const cfg = must(objects, 'ConfigMap', 'calico-config');
  const backend = cfg.data?.calico_backend ?? '';
  return {
    facts: {
      cni: { value: 'calico', evidence: [`${nodeRef}: image ${img}`] },
      'cni.all': { value: ['calico'], evidence: [`${nodeRef}: image ${img}`] },
      'cni.version': version(img, nodeRef),
      'calico.dataplane': {
        value: bpf ? 'bpf' : 'iptables',
        evidence: [
          `${nodeRef}: FELIX_BPFENABLED ${bpf ? '=true' : 'not set'} (${
            bpf ? 'eBPF' : 'iptables'
          } dataplane)`,
        ],
      },
      bgp: {
        value: {
          calicoBgp: backend === 'bird',
          peers: 0,
          ciliumBgpControlPlane: false,
        },
        evidence: [
          `${ref(cfg)}: calico_backend=${backend}`,
          'BGPPeer list: 0 items',
        ],
      },
      encryption: {
        value: 'none',
        evidence: ['FelixConfiguration default: wireguardEnabled not set'],
      },
    },
    replacement: { by: null, evidence: `${nodeRef}: FELIX_BPFENABLED not set` },
    services: [],
  };
}

/** Calico installed by the Tigera operator with the BPF Installation (custom-resources-bpf.yaml). */
export function calicoOperatorBpf(): CniParts {
  const operator = must(
    load('calico/tigera-operator.yaml'),
    'Deployment',
    'tigera-operator',
  );
  const installation = must(
    load('calico/custom-resources-bpf.yaml'),
    'Installation',
    'default',
  );
  const net = (installation.spec?.calicoNetwork ?? {}) as Record<
    string,
    string
  >;
  const instRef = ref(installation);
  const dataplane = net.linuxDataplane === 'BPF' ? 'bpf' : 'iptables';
  return {
    facts: {
      cni: {
        value: 'calico',
        evidence: [
          `${instRef}: present (Tigera operator)`,
          `${ref(operator)}: image ${image(operator)}`,
        ],
      },
      'cni.all': { value: ['calico'], evidence: [`${instRef}: present`] },
      'cni.version': {
        value: null,
        evidence: [`${ref(operator)}: image ${image(operator)}`],
        reason:
          'operator version is not the Calico version; calico-node not in the dump',
      },
      'calico.dataplane': {
        value: dataplane,
        evidence: [
          `${instRef}: spec.calicoNetwork.linuxDataplane=${net.linuxDataplane}`,
        ],
      },
      bgp: {
        value: { calicoBgp: false, peers: 0, ciliumBgpControlPlane: false },
        evidence: ['BGPPeer list: 0 items'],
      },
      encryption: {
        value: 'none',
        evidence: ['FelixConfiguration default: wireguardEnabled not set'],
      },
    },
    replacement: {
      by:
        dataplane === 'bpf' && net.kubeProxyManagement === 'Enabled'
          ? 'calico-bpf'
          : null,
      evidence: `${instRef}: spec.calicoNetwork.kubeProxyManagement=${net.kubeProxyManagement}`,
    },
    services: [],
  };
}

/** Flannel from its upstream manifest. */
export function flannel(): CniParts {
  const objects = load('flannel/kube-flannel.yml');
  const ds = must(objects, 'DaemonSet', 'kube-flannel-ds');
  const img = image(ds, 'kube-flannel');
  return {
    facts: {
      cni: { value: 'flannel', evidence: [`${ref(ds)}: image ${img}`] },
      'cni.all': { value: ['flannel'], evidence: [`${ref(ds)}: image ${img}`] },
      'cni.version': version(img, ref(ds)),
      bgp: {
        value: { calicoBgp: false, peers: 0, ciliumBgpControlPlane: false },
        evidence: [],
      },
      encryption: {
        value: 'none',
        evidence: [
          `${ref(
            must(objects, 'ConfigMap', 'kube-flannel-cfg'),
          )}: Backend.Type=vxlan`,
        ],
      },
    },
    replacement: {
      by: null,
      evidence: `${ref(ds)}: Flannel does not route Services`,
    },
    services: [],
  };
}
