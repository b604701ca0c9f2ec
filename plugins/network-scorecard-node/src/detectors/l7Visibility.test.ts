import {
  factsOf,
  find,
  fixtureObjects,
  fixtures,
  object,
  patched,
  withNamespace,
} from '../__testUtils__/fixtures';
import { VARIANTS } from '../__fixtures__/variants';
import { KubeObject } from '../reader/types';
import { selectorReach } from './l7Visibility';

const CHARM = 'cilium/charm-cilium-1.16.10-rendered.yaml';

/** The Hubble docs' http-visibility policy, as a clusterwide policy with another selector. */
function httpClusterwide(endpointSelector: unknown): KubeObject {
  return patched(
    fixtureObjects('cilium/hubble-docs-http-visibility.yaml')[0],
    c => {
      c.kind = 'CiliumClusterwideNetworkPolicy';
      c.spec.endpointSelector = endpointSelector;
    },
  );
}

async function l7(objects: KubeObject[]) {
  return (await factsOf([...fixtures(CHARM), ...objects]))[
    'l7Visibility.details'
  ];
}

/** The charm's agent image set to another release. */
function charmAt(tag: string): KubeObject[] {
  const all = fixtures(CHARM);
  const agent = find(all, 'DaemonSet', 'cilium');
  return all.map(o =>
    o === agent
      ? patched(o, d => {
          for (const c of [
            ...d.spec.template.spec.containers,
            ...(d.spec.template.spec.initContainers ?? []),
          ])
            c.image = c.image.replace(/:v1\.16\.10/, `:${tag}`);
        })
      : o,
  );
}

function annotated(value: string): KubeObject {
  return object('apps/v1', 'Deployment', 'echo', 'checkout', {
    spec: {
      template: {
        metadata: {
          annotations: { 'policy.cilium.io/proxy-visibility': value },
        },
        spec: { containers: [{ name: 'echo', image: 'echo:1' }] },
      },
    },
  });
}

describe('l7Visibility.details', () => {
  it('does not count the cluster-wide DNS-visibility policy as L7: DNS rules only', async () => {
    expect(
      (await factsOf(VARIANTS['obs-dns-visibility-clusterwide'].objects()))[
        'l7Visibility.details'
      ],
    ).toEqual({
      value: {
        scope: 'none',
        broadPolicies: 0,
        targetedPolicies: 0,
        annotatedWorkloads: 0,
      },
      evidence: [
        'CiliumClusterwideNetworkPolicy dns-visibility: DNS rules only on every endpoint of the cluster (DNS visibility, no HTTP/Kafka/L7)',
        'proxy-visibility annotations not read: Cilium 1.16.10 no longer honours them (removed in 1.16)',
      ],
    });
  });

  it.each([
    [
      'k8s-app Exists',
      { matchExpressions: [{ key: 'k8s-app', operator: 'Exists' }] },
    ],
    [
      'io.kubernetes.pod.namespace Exists',
      {
        matchExpressions: [
          { key: 'io.kubernetes.pod.namespace', operator: 'Exists' },
        ],
      },
    ],
    ['an empty selector', {}],
    [
      'reserved:ingress DoesNotExist',
      {
        matchExpressions: [
          { key: 'reserved:ingress', operator: 'DoesNotExist' },
        ],
      },
    ],
    [
      'app NotIn (debug)',
      {
        matchExpressions: [
          { key: 'app', operator: 'NotIn', values: ['debug'] },
        ],
      },
    ],
  ])(
    'counts HTTP rules of a clusterwide policy selecting by %s as global',
    async (_, selector) => {
      const fact = await l7([httpClusterwide(selector)]);
      expect(fact?.value).toMatchObject({ scope: 'global', broadPolicies: 1 });
      expect(fact?.evidence[0]).toBe(
        'CiliumClusterwideNetworkPolicy http-visibility: HTTP/Kafka/L7 rules on every endpoint of the cluster',
      );
    },
  );

  it('counts a clusterwide policy selecting whole namespaces, and an empty selector in a namespace, as global', async () => {
    const byNamespace = await l7([
      httpClusterwide({
        matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'shop' },
      }),
    ]);
    expect(byNamespace?.value?.scope).toBe('global');
    expect(byNamespace?.evidence[0]).toBe(
      'CiliumClusterwideNetworkPolicy http-visibility: HTTP/Kafka/L7 rules on every pod of the namespaces it names',
    );
    const namespaced = await l7(
      withNamespace(
        fixtures('cilium/hubble-docs-http-visibility.yaml'),
        'shop',
      ),
    );
    expect(namespaced?.value?.scope).toBe('global');
    expect(namespaced?.evidence[0]).toBe(
      'CiliumNetworkPolicy shop/http-visibility: HTTP/Kafka/L7 rules on every pod of namespace shop',
    );
  });

  it('calls HTTP rules on named workloads targeted', async () => {
    const fact = await l7(
      withNamespace(fixtures('cilium/cnp-with-mutual-auth.yaml'), 'checkout'),
    );
    expect(fact?.value).toEqual({
      scope: 'targeted',
      broadPolicies: 0,
      targetedPolicies: 1,
      annotatedWorkloads: 0,
    });
    expect(fact?.evidence[0]).toBe(
      'CiliumNetworkPolicy checkout/mutual-auth-echo: HTTP/Kafka/L7 rules on selected workloads',
    );
  });

  it('parses nothing at L7 with the agent L7 proxy off (AKS: enable-l7-proxy=false)', async () => {
    const fact = (
      await factsOf([
        ...fixtures(
          'cilium/aks-acn-v1.18-cilium-config-hubble.yaml',
          'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
        ),
        httpClusterwide({}),
      ])
    )['l7Visibility.details'];
    expect(fact).toEqual({
      value: {
        scope: 'none',
        broadPolicies: 0,
        targetedPolicies: 0,
        annotatedWorkloads: 0,
      },
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-l7-proxy=false (no L7 proxy: nothing is parsed at L7)',
      ],
    });
  });

  it('counts an HTTP proxy-visibility annotation on pod templates where Cilium still honours it (before 1.16)', async () => {
    const fact = (
      await factsOf([
        ...charmAt('v1.15.17'),
        annotated('<Ingress/80/TCP/HTTP>'),
      ])
    )['l7Visibility.details'];
    expect(fact?.value).toMatchObject({
      scope: 'targeted',
      annotatedWorkloads: 1,
    });
    expect(fact?.evidence.at(-1)).toBe(
      'Deployment checkout/echo: pod template annotation policy.cilium.io/proxy-visibility=<Ingress/80/TCP/HTTP>',
    );
  });

  it('ignores the annotation on Cilium 1.16+, and DNS-only annotations anywhere', async () => {
    const current = (
      await factsOf([...fixtures(CHARM), annotated('<Ingress/80/TCP/HTTP>')])
    )['l7Visibility.details'];
    expect(current?.value).toMatchObject({
      scope: 'none',
      annotatedWorkloads: 0,
    });
    const dns = (
      await factsOf([...charmAt('v1.15.17'), annotated('<Egress/53/UDP/DNS>')])
    )['l7Visibility.details'];
    expect(dns?.value?.annotatedWorkloads).toBe(0);
  });

  it('has no L7 proxy without Cilium', async () => {
    expect(
      (await factsOf(fixtures('calico/calico.yaml')))['l7Visibility.details'],
    ).toEqual({
      value: {
        scope: 'none',
        broadPolicies: 0,
        targetedPolicies: 0,
        annotatedWorkloads: 0,
      },
      evidence: [
        'DaemonSets: no Cilium agent, so no L7 proxy to parse requests',
      ],
    });
  });
});

describe('selectorReach', () => {
  it('names workloads only through an equality on a workload label', () => {
    expect(selectorReach({ matchLabels: { app: 'echo' } }, true)).toBe(
      'workloads',
    );
    expect(
      selectorReach({ matchLabels: { 'any:org': 'alliance' } }, false),
    ).toBe('workloads');
    expect(
      selectorReach(
        { matchExpressions: [{ key: 'app', operator: 'In', values: ['a'] }] },
        false,
      ),
    ).toBe('workloads');
    expect(selectorReach({ matchLabels: {} }, true)).toBe('namespaces');
    expect(
      selectorReach(
        {
          matchExpressions: [
            {
              key: 'k8s:io.kubernetes.pod.namespace',
              operator: 'In',
              values: ['a'],
            },
          ],
        },
        false,
      ),
    ).toBe('namespaces');
    expect(
      selectorReach(
        { matchExpressions: [{ key: 'k8s-app', operator: 'Exists' }] },
        false,
      ),
    ).toBe('cluster');
  });
});
