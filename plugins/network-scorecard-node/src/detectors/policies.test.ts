import {
  factsOf,
  fixtures,
  object,
  withNamespace,
} from '../__testUtils__/fixtures';

const examples = () =>
  withNamespace(
    fixtures('cilium/dns.yaml', 'cilium/cnp-with-mutual-auth.yaml'),
    'checkout',
  );
const cilium = () => fixtures('cilium/charm-cilium-1.16.10-rendered.yaml');

describe('detectPolicies', () => {
  it('counts L7 HTTP and DNS rules of the upstream CiliumNetworkPolicy examples', async () => {
    const facts = await factsOf([
      ...cilium(),
      ...examples(),
      ...fixtures('opentelemetry/build_collector_base.yaml'),
    ]);
    expect(facts.policies).toEqual({
      value: {
        networkPolicies: 1,
        ciliumPolicies: 2,
        ciliumClusterwide: 0,
        calicoGlobal: 0,
        l7Rules: 1,
        dnsRules: 3,
      },
      evidence: [
        'NetworkPolicies: 1 in all namespaces',
        'CiliumNetworkPolicies: 2, CiliumClusterwideNetworkPolicies: 0',
        'CiliumNetworkPolicy checkout/mutual-auth-echo: 1 HTTP/L7 rules, 0 DNS rules',
        'CiliumNetworkPolicy checkout/tofqdn-dns-visibility: 0 HTTP/L7 rules, 3 DNS rules',
        'API discovery: crd.projectcalico.org / projectcalico.org not served (no GlobalNetworkPolicy)',
      ],
    });
    expect(facts.l7Visibility).toEqual({
      value: 'targeted',
      evidence: [
        'CiliumNetworkPolicy checkout/mutual-auth-echo: 1 HTTP/L7 rules, 0 DNS rules',
        'CiliumNetworkPolicy checkout/tofqdn-dns-visibility: 0 HTTP/L7 rules, 3 DNS rules',
      ],
    });
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
    expect(facts.l7Visibility).toEqual({
      value: 'global',
      evidence: [
        'CiliumClusterwideNetworkPolicy l7-everywhere: empty endpointSelector with L7 rules',
      ],
    });
    expect(facts.policies?.value).toMatchObject({
      ciliumClusterwide: 1,
      l7Rules: 2,
    });
  });

  it('counts Calico GlobalNetworkPolicies and sees no L7 visibility without Cilium', async () => {
    const gnp = object(
      'crd.projectcalico.org/v1',
      'GlobalNetworkPolicy',
      'deny-app-policy',
      undefined,
      { spec: {} },
    );
    const facts = await factsOf([...fixtures('calico/calico.yaml'), gnp]);
    expect(facts.policies?.value).toEqual({
      networkPolicies: 0,
      ciliumPolicies: 0,
      ciliumClusterwide: 0,
      calicoGlobal: 1,
      l7Rules: 0,
      dnsRules: 0,
    });
    expect(facts.l7Visibility?.value).toBe('none');
  });
});

describe('detectPolicies without the L7 proxy', () => {
  it('sees no L7 visibility when enable-l7-proxy is "false" (AKS 1.18 config), whatever the policies say', async () => {
    const facts = await factsOf([
      ...fixtures(
        'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
        'cilium/aks-acn-v1.18-cilium-config-hubble.yaml',
      ),
      ...examples(),
    ]);
    expect(facts.l7Visibility).toEqual({
      value: 'none',
      evidence: [
        'ConfigMap kube-system/cilium-config: enable-l7-proxy=false (L7 rules are not enforced)',
      ],
    });
    expect(facts.policies?.value).toMatchObject({ l7Rules: 1, dnsRules: 3 });
  });
});
