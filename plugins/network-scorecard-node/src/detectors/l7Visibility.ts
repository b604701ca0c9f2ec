import { Fact, L7VisibilityDetails } from '@network-scorecard/common';
import { listAll } from '../reader/paging';
import { RESOURCES, builtIn } from '../reader/resources';
import { ClusterReader, KubeObject } from '../reader/types';
import {
  ciliumConfig,
  ciliumImageEvidence,
  findCilium,
  versionAtLeast,
} from './support/cilium';
import { known } from './support/facts';
import { asArray, capped, dig, ref } from './support/objects';
import { customObjects, daemonSets } from './support/workloads';

/** Labels every Cilium endpoint carries: selecting on them alone names no workload. */
const ENDPOINT_WIDE_KEYS = [
  'io.kubernetes.pod.namespace',
  'io.cilium.k8s.policy.cluster',
];
const NAMESPACE_KEY = 'io.kubernetes.pod.namespace';

/** "k8s:app" and "any:app" select on the same label as "app". */
function labelKey(key: string): string {
  return key.replace(/^(k8s|any|container|reserved):/, '');
}

type Reach = 'cluster' | 'namespaces' | 'workloads';
const WIDTH: Record<Reach, number> = {
  workloads: 0,
  namespaces: 1,
  cluster: 2,
};
const wider = (a: Reach | null, b: Reach): Reach =>
  a === null || WIDTH[b] > WIDTH[a] ? b : a;

/**
 * What an endpointSelector picks. It names workloads only through an
 * equality (matchLabels, or In) on a label that not every endpoint has:
 * Exists, DoesNotExist and NotIn leave every pod without the label, or with
 * any other value, selected, so they stay broad.
 */
export function selectorReach(selector: unknown, namespaced: boolean): Reach {
  const equalities = [
    ...Object.keys((dig(selector, 'matchLabels') as object) ?? {}),
    ...asArray(dig(selector, 'matchExpressions'))
      .filter(e => dig(e, 'operator') === 'In')
      .map(e => String(dig(e, 'key'))),
  ].map(labelKey);
  if (equalities.some(k => !ENDPOINT_WIDE_KEYS.includes(k))) return 'workloads';
  if (namespaced || equalities.includes(NAMESPACE_KEY)) return 'namespaces';
  return 'cluster';
}

/** HTTP, Kafka and generic L7 rules of one policy spec (DNS rules are not L7 request visibility). */
function l7Rules(spec: unknown): number {
  let count = 0;
  for (const direction of ['ingress', 'egress']) {
    for (const rule of asArray(dig(spec, direction))) {
      for (const port of asArray(dig(rule, 'toPorts'))) {
        for (const kind of ['http', 'kafka', 'l7'])
          count += asArray(dig(port, 'rules', kind)).length;
      }
    }
  }
  return count;
}

function dnsRules(spec: unknown): number {
  let count = 0;
  for (const rule of asArray(dig(spec, 'egress')))
    for (const port of asArray(dig(rule, 'toPorts')))
      count += asArray(dig(port, 'rules', 'dns')).length;
  return count;
}

function specsOf(policy: KubeObject): unknown[] {
  return [dig(policy, 'spec'), ...asArray(dig(policy, 'specs'))].filter(
    Boolean,
  );
}

const REACH_TEXT: Record<Reach, (policy: KubeObject) => string> = {
  cluster: () => 'every endpoint of the cluster',
  namespaces: p =>
    p.metadata.namespace
      ? `every pod of namespace ${p.metadata.namespace}`
      : 'every pod of the namespaces it names',
  workloads: () => 'selected workloads',
};

interface PolicyReach {
  reach: Reach | null;
  evidence?: string;
}

/** The widest reach of a policy's HTTP/Kafka/L7 rules; DNS-only specs are noted, not counted. */
function policyReach(policy: KubeObject, kind: string): PolicyReach {
  const namespaced = !!policy.metadata.namespace;
  let widest: Reach | null = null;
  let dnsOnly: Reach | null = null;
  for (const spec of specsOf(policy)) {
    // Host policies (nodeSelector) cannot carry L7 rules.
    const selector = dig(spec, 'endpointSelector');
    if (selector === undefined) continue;
    const reach = selectorReach(selector, namespaced);
    if (l7Rules(spec) > 0) widest = wider(widest, reach);
    else if (dnsRules(spec) > 0 && reach !== 'workloads')
      dnsOnly = wider(dnsOnly, reach);
  }
  if (widest)
    return {
      reach: widest,
      evidence: `${ref(policy, kind)}: HTTP/Kafka/L7 rules on ${REACH_TEXT[
        widest
      ](policy)}`,
    };
  if (dnsOnly)
    return {
      reach: null,
      evidence: `${ref(policy, kind)}: DNS rules only on ${REACH_TEXT[dnsOnly](
        policy,
      )} (DNS visibility, no HTTP/Kafka/L7)`,
    };
  return { reach: null };
}

const VISIBILITY_ANNOTATIONS = [
  'policy.cilium.io/proxy-visibility',
  'io.cilium.proxy-visibility',
];

/** "<Ingress/80/TCP/HTTP>,<Egress/53/UDP/DNS>" asks for HTTP (or Kafka) parsing? */
function asksL7(value: string): boolean {
  return /\/(HTTP|Kafka)>/i.test(value);
}

/**
 * Pod templates asking for HTTP/Kafka visibility by annotation. Cilium read
 * it on Pods only and dropped it in 1.16; Pods are not read here, so the pod
 * templates of Deployments and DaemonSets stand for them.
 */
async function annotatedWorkloads(
  reader: ClusterReader,
  version: string | null,
): Promise<{ count: number; evidence: string[] }> {
  const honoured = versionAtLeast(version, 1, 16);
  if (honoured === true) {
    return {
      count: 0,
      evidence: [
        `proxy-visibility annotations not read: Cilium ${version} no longer honours them (removed in 1.16)`,
      ],
    };
  }
  const workloads = [
    ...(await listAll(reader, builtIn(RESOURCES.Deployment))).map(w => ({
      w,
      kind: 'Deployment',
    })),
    ...(await daemonSets(reader)).map(w => ({ w, kind: 'DaemonSet' })),
  ];
  const found: string[] = [];
  for (const { w, kind } of workloads) {
    const template =
      (dig(w, 'spec', 'template', 'metadata', 'annotations') as
        | Record<string, string>
        | undefined) ?? {};
    const key = VISIBILITY_ANNOTATIONS.find(a => template[a]);
    if (key && asksL7(template[key]))
      found.push(
        `${ref(w, kind)}: pod template annotation ${key}=${template[key]}${
          honoured === null
            ? ` (Cilium version ${version ?? 'unknown'}: assumed to honour it)`
            : ''
        }`,
      );
  }
  return { count: found.length, evidence: found };
}

/**
 * Fact l7Visibility.details: how far HTTP/Kafka/L7 parsing by Cilium's proxy
 * reaches. Global when such rules select every pod of the cluster or of
 * whole namespaces; targeted when they (or still-honoured annotations) name
 * workloads. Without the agent's L7 proxy nothing is parsed.
 */
export async function l7VisibilityDetails(
  reader: ClusterReader,
): Promise<Fact<L7VisibilityDetails>> {
  const none = (evidence: string[]) =>
    known<L7VisibilityDetails>(
      {
        scope: 'none',
        broadPolicies: 0,
        targetedPolicies: 0,
        annotatedWorkloads: 0,
      },
      evidence,
    );
  const agent = await findCilium(reader);
  if (!agent)
    return none([
      'DaemonSets: no Cilium agent, so no L7 proxy to parse requests',
    ]);
  const proxy = (await ciliumConfig(reader))!.flag('enable-l7-proxy', true);
  if (!proxy.on)
    return none([`${proxy.evidence} (no L7 proxy: nothing is parsed at L7)`]);
  const policies = [
    ...(await customObjects(reader, RESOURCES.CiliumNetworkPolicy)).map(p =>
      policyReach(p, 'CiliumNetworkPolicy'),
    ),
    ...(
      await customObjects(reader, RESOURCES.CiliumClusterwideNetworkPolicy)
    ).map(p => policyReach(p, 'CiliumClusterwideNetworkPolicy')),
  ];
  const broad = policies.filter(p => p.reach && p.reach !== 'workloads');
  const targeted = policies.filter(p => p.reach === 'workloads');
  const notes = policies.filter(p => !p.reach && p.evidence);
  const annotated = await annotatedWorkloads(
    reader,
    ciliumImageEvidence(agent).version,
  );
  let scope: L7VisibilityDetails['scope'] = 'none';
  if (targeted.length || annotated.count) scope = 'targeted';
  if (broad.length) scope = 'global';
  const value: L7VisibilityDetails = {
    scope,
    broadPolicies: broad.length,
    targetedPolicies: targeted.length,
    annotatedWorkloads: annotated.count,
  };
  const lines = [...broad, ...targeted, ...notes].map(p => p.evidence!);
  return known(value, [
    ...capped(
      lines.length ? lines : ['Cilium policies: no HTTP/Kafka/L7 rules'],
      6,
    ),
    ...capped(annotated.evidence, 4),
  ]);
}
