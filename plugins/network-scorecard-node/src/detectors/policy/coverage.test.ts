import { POLICY_VARIANTS } from '../../__fixtures__/variants/policy';
import { factsOf, fixtures, object } from '../../__testUtils__/fixtures';
import { SYSTEM_NAMESPACES } from './namespaces';

const variant = (name: string) => factsOf(POLICY_VARIANTS[name].objects());

describe('policy coverage per application namespace (#8)', () => {
  it('names the application namespaces no policy selects, and those without a default-deny', async () => {
    const facts = await variant('policy-cilium-partial');
    expect(facts.policies?.value?.namespaces).toEqual({
      application: 3,
      covered: ['checkout', 'test'],
      uncovered: ['default'],
      defaultDeny: [],
      totals: { covered: 2, uncovered: 1, defaultDeny: 0 },
    });
    expect(facts.policies?.evidence).toEqual(
      expect.arrayContaining([
        'Namespaces: 3 application namespaces (platform namespaces left out: kube-node-lease, kube-public, kube-system)',
        'Namespaces no enforced policy selects: default',
        'Namespaces without a default-deny ingress policy: checkout, default, test',
      ]),
    );
  });

  it("one policy object somewhere no longer passes for the cluster: Cilium's all-ingress-deny in every namespace does", async () => {
    const zeroTrust = await variant('policy-cilium-zero-trust');
    expect(zeroTrust.policies?.value?.namespaces).toMatchObject({
      uncovered: [],
      defaultDeny: ['default', 'shop'],
    });
    const none = await variant('policy-cilium-no-policy');
    expect(none.policies?.value?.namespaces?.uncovered).toEqual([
      'default',
      'shop',
    ]);
  });

  it("leaves out the platform's namespaces: kube-*, the CNI's (also where its agent runs) and the mesh's", async () => {
    const extra = ['calico-system', 'istio-system', 'linkerd', 'cilium-spire'];
    const facts = await factsOf([
      ...POLICY_VARIANTS['policy-flannel'].objects(),
      ...extra.map(n => object('v1', 'Namespace', n)),
    ]);
    expect(facts.policies?.value?.namespaces?.application).toBe(2);
    expect(SYSTEM_NAMESPACES).toEqual(
      expect.arrayContaining(['kube-flannel', ...extra]),
    );
  });

  it('detects a default-deny in each kind: Kubernetes, Calico (namespaced and global) and Cilium', async () => {
    for (const name of [
      'policy-cilium-enforcement-never',
      'policy-calico-namespaced-deny',
      'policy-calico-global-deny',
      'policy-cilium-zero-trust',
    ]) {
      const facts = await variant(name);
      const ns = facts.policies?.value?.namespaces;
      expect({ name, deny: ns?.totals.defaultDeny }).toEqual({
        name,
        deny: name.includes('never') ? 0 : ns?.application,
      });
    }
  });

  it("evaluates a GlobalNetworkPolicy's namespaceSelector on the namespaces, and never counts a selector on pod labels", async () => {
    const facts = await factsOf([
      ...POLICY_VARIANTS['policy-calico-global-deny'].objects(),
      // a namespace deny-app-policy leaves out by name
      object('v1', 'Namespace', 'calico-system'),
    ]);
    expect(facts.policies?.evidence).toEqual(
      expect.arrayContaining([
        'GlobalNetworkPolicy deny-app-policy: selects every pod in every application namespace, denying ingress by default',
        'GlobalNetworkPolicy deny-blue: selects by pod labels, not counted as coverage (pods are not read)',
      ]),
    );
  });

  it('covers by a clusterwide Cilium policy whose selector is on the namespace only (NotIn kube-system), without a default-deny', async () => {
    const facts = await variant('policy-cilium-clusterwide-egress');
    expect(facts.policies?.value?.namespaces).toMatchObject({
      covered: ['default', 'shop'],
      defaultDeny: [],
    });
    expect(facts.policies?.evidence).toContain(
      'CiliumClusterwideNetworkPolicy default-deny: selects every pod in every application namespace',
    );
  });

  it('keeps at most 50 names per list, with the full counts', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      object('v1', 'Namespace', `team-${String(i).padStart(2, '0')}`),
    );
    const facts = await factsOf([
      ...fixtures('cilium/charm-cilium-1.16.10-rendered.yaml'),
      ...many,
    ]);
    const ns = facts.policies?.value?.namespaces;
    expect(ns?.application).toBe(60);
    expect(ns?.uncovered).toHaveLength(50);
    expect(ns?.totals.uncovered).toBe(60);
    expect(
      facts.policies?.evidence.find(e => e.startsWith('Namespaces no')),
    ).toMatch(/team-09 and 50 more$/);
  });
});
