import { Fact, L7Visibility, PoliciesFact } from '@network-scorecard/common';
import { RESOURCES } from '../reader/resources';
import { ClusterReader, KubeObject, ReadFailure } from '../reader/types';
import { ciliumConfig } from './support/cilium';
import { Detector, guarded, known } from './support/facts';
import { annotations, asArray, capped, dig, ref } from './support/objects';
import {
  customObjects,
  namespaces,
  notServed,
  servedType,
} from './support/workloads';
import { builtIn } from '../reader/resources';

interface L7Count {
  http: number;
  dns: number;
}

/** HTTP (and Kafka / generic L7) and DNS rules under toPorts[].rules of every spec of a Cilium policy. */
export function l7Rules(policy: KubeObject): L7Count {
  const specs = [dig(policy, 'spec'), ...asArray(dig(policy, 'specs'))].filter(
    Boolean,
  );
  const count: L7Count = { http: 0, dns: 0 };
  for (const spec of specs) {
    for (const direction of ['ingress', 'egress']) {
      for (const rule of asArray(dig(spec, direction))) {
        for (const port of asArray(dig(rule, 'toPorts'))) {
          count.http += asArray(dig(port, 'rules', 'http')).length;
          count.http += asArray(dig(port, 'rules', 'kafka')).length;
          count.http += asArray(dig(port, 'rules', 'l7')).length;
          count.dns += asArray(dig(port, 'rules', 'dns')).length;
        }
      }
    }
  }
  return count;
}

/** A clusterwide policy whose endpointSelector is empty selects every endpoint. */
function selectsAll(policy: KubeObject): boolean {
  const specs = [dig(policy, 'spec'), ...asArray(dig(policy, 'specs'))].filter(
    Boolean,
  );
  return specs.some(spec => {
    const selector = dig(spec, 'endpointSelector') as
      | { matchLabels?: object; matchExpressions?: unknown[] }
      | undefined;
    return (
      !!selector &&
      Object.keys(selector.matchLabels ?? {}).length === 0 &&
      !(selector.matchExpressions ?? []).length
    );
  });
}

async function countOf(
  reader: ClusterReader,
  resource: typeof RESOURCES.GlobalNetworkPolicy,
): Promise<number | undefined> {
  const type = await servedType(reader, resource);
  if (!type) return undefined;
  try {
    return await reader.count(type);
  } catch (error) {
    if (error instanceof ReadFailure && error.kind === 'not-found') return 0;
    throw error;
  }
}

async function ciliumPolicies(reader: ClusterReader) {
  return {
    namespaced: await customObjects(reader, RESOURCES.CiliumNetworkPolicy),
    clusterwide: await customObjects(
      reader,
      RESOURCES.CiliumClusterwideNetworkPolicy,
    ),
    served: !!(await servedType(reader, RESOURCES.CiliumNetworkPolicy)),
  };
}

function describeL7(policy: KubeObject, kind: string): string | undefined {
  const { http, dns } = l7Rules(policy);
  if (!http && !dns) return undefined;
  return `${ref(policy, kind)}: ${http} HTTP/L7 rules, ${dns} DNS rules`;
}

async function policiesFact(
  reader: ClusterReader,
): Promise<Fact<PoliciesFact>> {
  const networkPolicies = await reader.count(builtIn(RESOURCES.NetworkPolicy));
  const cilium = await ciliumPolicies(reader);
  const calicoGlobal = await countOf(reader, RESOURCES.GlobalNetworkPolicy);
  const all = [
    ...cilium.namespaced.map(p => ({ p, kind: 'CiliumNetworkPolicy' })),
    ...cilium.clusterwide.map(p => ({
      p,
      kind: 'CiliumClusterwideNetworkPolicy',
    })),
  ];
  const totals = all.reduce(
    (t, { p }) => {
      const c = l7Rules(p);
      return { http: t.http + c.http, dns: t.dns + c.dns };
    },
    { http: 0, dns: 0 },
  );
  const evidence = [`NetworkPolicies: ${networkPolicies} in all namespaces`];
  evidence.push(
    cilium.served
      ? `CiliumNetworkPolicies: ${cilium.namespaced.length}, CiliumClusterwideNetworkPolicies: ${cilium.clusterwide.length}`
      : notServed(RESOURCES.CiliumNetworkPolicy),
  );
  evidence.push(
    ...capped(
      all
        .map(({ p, kind }) => describeL7(p, kind))
        .filter((e): e is string => !!e),
      5,
    ),
  );
  evidence.push(
    calicoGlobal === undefined
      ? notServed(RESOURCES.GlobalNetworkPolicy)
      : `GlobalNetworkPolicies: ${calicoGlobal}`,
  );
  return known<PoliciesFact>(
    {
      networkPolicies,
      ciliumPolicies: cilium.namespaced.length,
      ciliumClusterwide: cilium.clusterwide.length,
      calicoGlobal: calicoGlobal ?? 0,
      l7Rules: totals.http,
      dnsRules: totals.dns,
    },
    evidence,
  );
}

/**
 * Global when a clusterwide policy with an empty endpointSelector carries L7
 * rules (every endpoint goes through the proxy); targeted when L7 rules, or
 * the proxy-visibility annotation, select some endpoints. Without the agent's
 * L7 proxy (enable-l7-proxy, chart default true) nothing is seen at L7.
 */
async function visibilityFact(
  reader: ClusterReader,
): Promise<Fact<L7Visibility>> {
  const cilium = await ciliumPolicies(reader);
  const global = cilium.clusterwide
    .filter(p => selectsAll(p) && describeL7(p, 'x'))
    .map(
      p =>
        `${ref(
          p,
          'CiliumClusterwideNetworkPolicy',
        )}: empty endpointSelector with L7 rules`,
    );
  const targeted = [
    ...cilium.namespaced.map(p => describeL7(p, 'CiliumNetworkPolicy')),
    ...cilium.clusterwide.map(p =>
      describeL7(p, 'CiliumClusterwideNetworkPolicy'),
    ),
  ].filter((e): e is string => !!e);
  const annotated = (await namespaces(reader))
    .filter(ns => annotations(ns)['policy.cilium.io/proxy-visibility'])
    .map(
      ns =>
        `Namespace ${ns.metadata.name}: annotation policy.cilium.io/proxy-visibility`,
    );
  if (!targeted.length && !annotated.length) {
    return known('none', ['Cilium policies: no L7 (HTTP/DNS) rules']);
  }
  const proxy = (await ciliumConfig(reader))?.flag('enable-l7-proxy', true);
  if (proxy && !proxy.on)
    return known('none', [`${proxy.evidence} (L7 rules are not enforced)`]);
  if (global.length) return known('global', global);
  return known('targeted', capped([...targeted, ...annotated], 5));
}

/** Facts policies and l7Visibility. */
export const detectPolicies: Detector = async reader => {
  const [policies, l7Visibility] = await Promise.all([
    guarded(() => policiesFact(reader)),
    guarded(() => visibilityFact(reader)),
  ]);
  return { policies, l7Visibility };
};
