import { POLICY_VARIANTS } from '../__fixtures__/variants/policy';
import {
  factsOf,
  fixtures,
  object,
  patched,
  withNamespace,
} from '../__testUtils__/fixtures';
import { KubeObject } from '../reader/types';

const examples = () =>
  withNamespace(
    fixtures('cilium/dns.yaml', 'cilium/cnp-with-mutual-auth.yaml'),
    'checkout',
  );
const cilium = () => fixtures('cilium/charm-cilium-1.16.10-rendered.yaml');
const variant = (name: string) => factsOf(POLICY_VARIANTS[name].objects());

describe('detectPolicies: L7 and DNS rules', () => {
  it('counts L7 HTTP and DNS rules of the upstream CiliumNetworkPolicy examples', async () => {
    const facts = await factsOf([
      ...cilium(),
      ...examples(),
      ...fixtures('opentelemetry/build_collector_base.yaml'),
    ]);
    expect(facts.policies?.value).toMatchObject({
      networkPolicies: 1,
      ciliumPolicies: 2,
      ciliumClusterwide: 0,
      calicoGlobal: 0,
      l7Rules: 1,
      dnsRules: 3,
    });
    expect(facts.policies?.evidence.slice(0, 4)).toEqual([
      'NetworkPolicies: 1 in all namespaces',
      'CiliumNetworkPolicies: 2, CiliumClusterwideNetworkPolicies: 0',
      'CiliumNetworkPolicy checkout/mutual-auth-echo: 1 HTTP/L7 rules, 0 DNS rules',
      'CiliumNetworkPolicy checkout/tofqdn-dns-visibility: 0 HTTP/L7 rules, 3 DNS rules',
    ]);
  });

  it('reads an L7 rule on an empty endpointSelector of a clusterwide policy as global visibility', async () => {
    const everything = object(
      'cilium.io/v2',
      'CiliumClusterwideNetworkPolicy',
      'l7-everywhere',
      undefined,
      {
        spec: {
          endpointSelector: {},
          egress: [
            {
              toPorts: [
                {
                  ports: [{ port: '80', protocol: 'TCP' }],
                  rules: { http: [{}] },
                },
              ],
            },
          ],
        },
      },
    );
    const facts = await factsOf([...cilium(), ...examples(), everything]);
    expect(facts.policies?.value).toMatchObject({
      ciliumClusterwide: 1,
      l7Rules: 2,
    });
  });

  it('sees no L7 visibility when enable-l7-proxy is "false" (AKS 1.18 config), whatever the policies say', async () => {
    const facts = await factsOf([
      ...fixtures(
        'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
        'cilium/aks-acn-v1.18-cilium-config-hubble.yaml',
      ),
      ...examples(),
    ]);
    expect(facts.policies?.value).toMatchObject({ l7Rules: 1, dnsRules: 3 });
  });
});

describe("detectPolicies: Calico's own kinds (#7)", () => {
  it('counts namespaced Calico NetworkPolicies, Tiers and staged policies next to GlobalNetworkPolicies', async () => {
    const facts = await variant('policy-calico-namespaced-deny');
    expect(facts.policies?.value).toMatchObject({
      networkPolicies: 0,
      calicoGlobal: 0,
      calicoNamespaced: 4,
      calicoTiers: 1,
      calicoStaged: 1,
      unenforced: 0,
    });
    expect(facts.policies?.evidence).toContain(
      "GlobalNetworkPolicies: 0, Calico NetworkPolicies: 4, Tiers besides Calico's own: 1, staged policies: 1",
    );
  });

  it('leaves out the Tiers Calico creates itself and the policies its API server translates from other kinds', async () => {
    const own = ['default', 'kube-admin', 'kube-baseline', 'allow-tigera'].map(
      n =>
        object('crd.projectcalico.org/v1', 'Tier', n, undefined, { spec: {} }),
    );
    const translated = object(
      'crd.projectcalico.org/v1',
      'NetworkPolicy',
      'knp.default.default-deny',
      'engineering',
      { spec: { selector: 'all()' } },
    );
    const facts = await factsOf([
      ...POLICY_VARIANTS['policy-calico-namespaced-deny'].objects(),
      ...own,
      translated,
    ]);
    expect(facts.policies?.value).toMatchObject({
      calicoTiers: 1,
      calicoNamespaced: 4,
    });
  });

  it("reads projectcalico.org/v3 when only Calico's API server serves the policy kinds", async () => {
    const v3 = fixtures(
      'calico/docs-kubernetes-default-deny.yaml',
      'calico/docs-tier-staged.yaml',
    ).filter(o => o.apiVersion === 'projectcalico.org/v3');
    const node = fixtures('calico/calico.yaml').filter(
      o => o.kind === 'DaemonSet' || o.kind === 'ConfigMap',
    );
    const facts = await factsOf([...node, ...v3]);
    expect(facts.policies?.value).toMatchObject({
      calicoGlobal: 2,
      calicoNamespaced: 1,
      calicoTiers: 1,
      calicoStaged: 1,
    });
  });

  it('counts AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy, and says which ones Calico 3.32 enforces', async () => {
    const facts = await variant('policy-calico-admin-kinds');
    expect(facts.policies?.value).toMatchObject({
      adminNetworkPolicies: 3,
      unenforced: 2,
    });
    expect(facts.policies?.evidence).toEqual(
      expect.arrayContaining([
        'AdminNetworkPolicies: 1, BaselineAdminNetworkPolicies: 1, ClusterNetworkPolicies: 1',
        '1 AdminNetworkPolicy: not enforced (DaemonSet kube-system/calico-node: image quay.io/calico/node:v3.32.1: Calico enforces AdminNetworkPolicy from 3.29 to 3.31)',
        '1 BaselineAdminNetworkPolicy: not enforced (DaemonSet kube-system/calico-node: image quay.io/calico/node:v3.32.1: Calico enforces BaselineAdminNetworkPolicy from 3.30 to 3.31)',
        'ClusterNetworkPolicy admin-ingress-isolation: selects every pod in 1 of 3 application namespaces',
      ]),
    );
  });

  it('enforces AdminNetworkPolicy on Calico 3.30, never on Cilium', async () => {
    const objects = POLICY_VARIANTS['policy-calico-admin-kinds'].objects();
    const calico330 = objects.map(o =>
      o.kind === 'DaemonSet' && o.metadata.name === 'calico-node'
        ? patched(o, c => {
            for (const k of c.spec.template.spec.containers)
              k.image = 'quay.io/calico/node:v3.30.0';
          })
        : o,
    );
    const on330 = await factsOf(calico330);
    expect(on330.policies?.value).toMatchObject({ unenforced: 1 });
    expect(on330.policies?.value?.namespaces?.covered).toEqual(['demo']);

    const onCilium = await factsOf([
      ...cilium(),
      ...objects.filter(o => o.apiVersion?.startsWith('policy.networking')),
      ...objects.filter(o => o.kind === 'Namespace'),
    ]);
    expect(onCilium.policies?.evidence).toContain(
      '1 AdminNetworkPolicy: not enforced (Cilium does not implement AdminNetworkPolicy)',
    );
    expect(onCilium.policies?.evidence).toContain(
      '1 ClusterNetworkPolicy: not enforced (Cilium reads them only with enable-k8s-cluster-network-policy=true)',
    );
  });
});

describe('detectPolicies: unreadable or partial input', () => {
  it('has no coverage (null) when the dump holds no Namespace', async () => {
    const facts = await variant('policy-calico-no-namespaces');
    expect(facts.policies?.value?.namespaces).toBeNull();
    expect(facts.policies?.value?.calicoGlobal).toBe(1);
    expect(facts.policies?.evidence).toContain(
      'Namespaces: none listed (every cluster has kube-system), so coverage is unknown',
    );
  });

  it('is unknown when cilium-config cannot be read: what is enforced depends on it', async () => {
    const objects: KubeObject[] = cilium().filter(
      o => !(o.kind === 'ConfigMap' && o.metadata.name === 'cilium-config'),
    );
    const facts = await factsOf(objects);
    expect(facts.policies?.value).toBeNull();
    expect(facts.policies?.reason).toMatch(
      /^not found: get ConfigMap kube-system\/cilium-config/,
    );
  });
});
