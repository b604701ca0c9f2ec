import { Fact, PoliciesFact, PolicyCoverage } from '@network-scorecard/common';
import { ClusterReader, KubeObject } from '../reader/types';
import { Coverage, computeCoverage } from './policy/coverage';
import { readEnforcement } from './policy/enforcement';
import { readInventory } from './policy/inventory';
import { AppNamespace, applicationNamespaces } from './policy/namespaces';
import { Detector, guarded, known } from './support/facts';
import { asArray, capped, dig, ref } from './support/objects';
import { namespaces } from './support/workloads';

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

function describeL7(policy: KubeObject, kind: string): string | undefined {
  const { http, dns } = l7Rules(policy);
  if (!http && !dns) return undefined;
  return `${ref(policy, kind)}: ${http} HTTP/L7 rules, ${dns} DNS rules`;
}

const MAX_NAMES = 50;

function namesOf(set: Iterable<string>): string[] {
  return [...set].sort().slice(0, MAX_NAMES);
}

function coverageValue(
  apps: AppNamespace[],
  coverage: Coverage,
): PolicyCoverage {
  const uncovered = apps.map(a => a.name).filter(n => !coverage.covered.has(n));
  return {
    application: apps.length,
    covered: namesOf(coverage.covered),
    uncovered: namesOf(uncovered),
    defaultDeny: namesOf(coverage.defaultDeny),
    totals: {
      covered: coverage.covered.size,
      uncovered: uncovered.length,
      defaultDeny: coverage.defaultDeny.size,
    },
  };
}

function namespaceEvidence(
  value: PolicyCoverage,
  coverage: Coverage,
  apps: AppNamespace[],
  left: string[],
): string[] {
  const list = (names: string[], total: number) =>
    `${names.slice(0, 10).join(', ')}${
      total > 10 ? ` and ${total - 10} more` : ''
    }`;
  const withoutDeny = apps
    .map(a => a.name)
    .filter(n => !coverage.defaultDeny.has(n));
  return [
    `Namespaces: ${value.application} application namespaces${
      left.length ? ` (platform namespaces left out: ${left.join(', ')})` : ''
    }`,
    value.totals.uncovered
      ? `Namespaces no enforced policy selects: ${list(
          value.uncovered,
          value.totals.uncovered,
        )}`
      : 'Namespaces: an enforced policy selects pods in every application namespace',
    value.totals.defaultDeny === value.application
      ? 'Namespaces: every application namespace denies ingress by default'
      : `Namespaces without a default-deny ingress policy: ${list(
          withoutDeny,
          withoutDeny.length,
        )}`,
  ];
}

async function policiesFact(
  reader: ClusterReader,
): Promise<Fact<PoliciesFact>> {
  const [inventory, enforcement, allNamespaces] = await Promise.all([
    readInventory(reader),
    readEnforcement(reader),
    namespaces(reader),
  ]);
  const l7 = [
    ...inventory.cilium.map(p => ({ p, kind: 'CiliumNetworkPolicy' })),
    ...inventory.ciliumClusterwide.map(p => ({
      p,
      kind: 'CiliumClusterwideNetworkPolicy',
    })),
  ];
  const totals = l7.reduce(
    (t, { p }) => {
      const c = l7Rules(p);
      return { http: t.http + c.http, dns: t.dns + c.dns };
    },
    { http: 0, dns: 0 },
  );
  const { apps, left } = applicationNamespaces(
    allNamespaces,
    enforcement.agentNamespaces,
  );
  const coverage = computeCoverage(apps, inventory, enforcement);
  const value = allNamespaces.length ? coverageValue(apps, coverage) : null;
  const evidence = [
    inventory.evidence.kubernetes,
    inventory.evidence.cilium,
    ...capped(
      l7
        .map(({ p, kind }) => describeL7(p, kind))
        .filter((e): e is string => !!e),
      5,
    ),
    inventory.evidence.calico,
    inventory.evidence.admin,
    ...enforcement.evidence,
    ...coverage.evidence,
    ...(value
      ? namespaceEvidence(value, coverage, apps, left)
      : [
          'Namespaces: none listed (every cluster has kube-system), so coverage is unknown',
        ]),
  ];
  return known<PoliciesFact>(
    {
      networkPolicies: inventory.networkPolicies.length,
      ciliumPolicies: inventory.cilium.length,
      ciliumClusterwide: inventory.ciliumClusterwide.length,
      calicoGlobal: inventory.calicoGlobal.length,
      calicoNamespaced: inventory.calico.length,
      calicoTiers: inventory.tiers.length,
      calicoStaged: inventory.staged,
      adminNetworkPolicies: inventory.admin.length,
      unenforced: coverage.unenforced,
      l7Rules: totals.http,
      dnsRules: totals.dns,
      enforcement: enforcement.value,
      namespaces: value,
    },
    evidence,
  );
}

/** Fact policies (L7 visibility is l7Visibility.ts's). */
export const detectPolicies: Detector = async reader => ({
  policies: await guarded(() => policiesFact(reader)),
});
