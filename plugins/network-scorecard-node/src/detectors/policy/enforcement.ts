import { PolicyEnforcement, PolicySwitch } from '@network-scorecard/common';
import { ClusterReader } from '../../reader/types';
import {
  CalicoInstall,
  calicoAcceptsDrops,
  calicoVersion,
  findCalico,
} from '../support/calico';
import { ciliumConfig, findCilium } from '../support/cilium';

/** The policy kinds an agent may enforce. */
export type EnforcedKind =
  | 'NetworkPolicy'
  | 'CiliumNetworkPolicy'
  | 'CiliumClusterwideNetworkPolicy'
  | 'CalicoNetworkPolicy'
  | 'GlobalNetworkPolicy'
  | 'AdminNetworkPolicy'
  | 'BaselineAdminNetworkPolicy'
  | 'ClusterNetworkPolicy';

type Support = Record<EnforcedKind, true | string>;

export interface Enforcement {
  value: PolicyEnforcement;
  evidence: string[];
  /** Cilium enable-policy=always: every endpoint is default-deny, policy or not */
  always: boolean;
  /** the namespaces the policy agents run in */
  agentNamespaces: string[];
  /** true when every policy agent running enforces the kind, else why not */
  enforces(kind: EnforcedKind): true | string;
}

const NONE: Support = {
  NetworkPolicy: true,
  CiliumNetworkPolicy: 'Cilium does not run here',
  CiliumClusterwideNetworkPolicy: 'Cilium does not run here',
  CalicoNetworkPolicy: 'Calico does not run here',
  GlobalNetworkPolicy: 'Calico does not run here',
  AdminNetworkPolicy: 'neither Cilium nor Calico runs here',
  BaselineAdminNetworkPolicy: 'neither Cilium nor Calico runs here',
  ClusterNetworkPolicy: 'neither Cilium nor Calico runs here',
};

async function cilium(reader: ClusterReader) {
  const config = await ciliumConfig(reader);
  if (!config) return undefined;
  const mode = config.value('enable-policy')?.toLowerCase() ?? 'default';
  const audit = config.flag('policy-audit-mode', false);
  const k8s = config.flag('enable-k8s-networkpolicy', true);
  const kcnp = config.flag('enable-k8s-cluster-network-policy', false);
  const switches: PolicySwitch[] = [];
  const evidence: string[] = [];
  const policyLine = config.evidence('enable-policy', 'default');
  if (mode === 'never') {
    switches.push('cilium-enable-policy-never');
    evidence.push(`${policyLine} (no policy is enforced)`);
  } else if (mode === 'always') {
    evidence.push(
      `${policyLine} (every endpoint denies what no policy allows)`,
    );
  } else evidence.push(policyLine);
  if (audit.on) {
    switches.push('cilium-policy-audit-mode');
    evidence.push(`${audit.evidence} (drops are only logged)`);
  }
  if (!k8s.on) {
    switches.push('cilium-k8s-networkpolicy-off');
    evidence.push(`${k8s.evidence} (Kubernetes NetworkPolicies are ignored)`);
  }
  const support: Support = {
    NetworkPolicy:
      k8s.on || 'Cilium ignores them (enable-k8s-networkpolicy=false)',
    CiliumNetworkPolicy: true,
    CiliumClusterwideNetworkPolicy: true,
    CalicoNetworkPolicy: 'Cilium does not read Calico policies',
    GlobalNetworkPolicy: 'Cilium does not read Calico policies',
    AdminNetworkPolicy: 'Cilium does not implement AdminNetworkPolicy',
    BaselineAdminNetworkPolicy:
      'Cilium does not implement BaselineAdminNetworkPolicy',
    ClusterNetworkPolicy:
      kcnp.on ||
      'Cilium reads them only with enable-k8s-cluster-network-policy=true',
  };
  return { switches, evidence, support, always: mode === 'always' };
}

function between(
  v: { major: number; minor: number } | undefined,
  from: number,
  to: number | undefined,
): boolean {
  if (!v || v.major !== 3) return false;
  return v.minor >= from && (to === undefined || v.minor < to);
}

async function calico(reader: ClusterReader, install: CalicoInstall) {
  const accepts = await calicoAcceptsDrops(reader, install);
  const version = calicoVersion(install);
  const unknownVersion = 'the calico-node image tag is not a version';
  const since = (kind: string, from: number, to?: number): true | string => {
    if (!version) return unknownVersion;
    if (between(version, from, to)) return true;
    return `${version.evidence}: Calico enforces ${kind} from 3.${from}${
      to ? ` to 3.${to - 1}` : ''
    }`;
  };
  const support: Support = {
    NetworkPolicy: true,
    CiliumNetworkPolicy: 'Calico does not read Cilium policies',
    CiliumClusterwideNetworkPolicy: 'Calico does not read Cilium policies',
    CalicoNetworkPolicy: true,
    GlobalNetworkPolicy: true,
    // Calico 3.32 replaced both with ClusterNetworkPolicy
    AdminNetworkPolicy: since('AdminNetworkPolicy', 29, 32),
    BaselineAdminNetworkPolicy: since('BaselineAdminNetworkPolicy', 30, 32),
    ClusterNetworkPolicy: since('ClusterNetworkPolicy', 32),
  };
  return {
    switches: accepts.length
      ? (['calico-drop-action-accept'] as PolicySwitch[])
      : [],
    evidence: accepts.map(e => `${e} (denied packets are let through)`),
    support,
  };
}

const TOTAL_OFF: PolicySwitch[] = [
  'cilium-enable-policy-never',
  'cilium-policy-audit-mode',
  'calico-drop-action-accept',
];

/**
 * The CNI settings that decide whether written policies are enforced, and
 * which kinds each running agent enforces. Mid-migration (both agents), a
 * kind counts only if both enforce it: pods move between their nodes.
 */
export async function readEnforcement(
  reader: ClusterReader,
): Promise<Enforcement> {
  const [ciliumDs, calicoInstall] = await Promise.all([
    findCilium(reader),
    findCalico(reader),
  ]);
  const ciliumAgent = ciliumDs ? await cilium(reader) : undefined;
  const calicoAgent = calicoInstall
    ? await calico(reader, calicoInstall)
    : undefined;
  const agents = [ciliumAgent, calicoAgent].filter(
    <T>(a: T | undefined): a is T => !!a,
  );
  const switches = agents.flatMap(a => a.switches);
  const off = switches.some(s => TOTAL_OFF.includes(s));
  const supports = agents.length ? agents.map(a => a.support) : [NONE];
  return {
    value: { off, switches },
    evidence: agents.flatMap(a => a.evidence),
    always: !!ciliumAgent?.always && !calicoAgent,
    agentNamespaces: [
      ciliumDs?.metadata.namespace,
      calicoInstall?.node?.metadata.namespace,
    ].filter((n): n is string => !!n),
    enforces(kind) {
      if (off) return 'a switch turns enforcement off';
      for (const support of supports) {
        if (support[kind] !== true) return support[kind];
      }
      return true;
    },
  };
}
