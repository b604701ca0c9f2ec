import { POLICY_VARIANTS } from '../../__fixtures__/variants/policy';
import {
  factsOf,
  fixtures,
  object,
  patched,
} from '../../__testUtils__/fixtures';
import { resolve } from 'node:path';
import { KubeObject } from '../../reader/types';
import { loadSnapshotFile } from '../../snapshot/loadSnapshot';

const variant = (name: string) => factsOf(POLICY_VARIANTS[name].objects());

function withConfig(objects: KubeObject[], key: string, value: string) {
  return objects.map(o =>
    o.kind === 'ConfigMap' && o.metadata.name === 'cilium-config'
      ? patched(o, c => {
          c.data[key] = value;
        })
      : o,
  );
}

describe('policy enforcement switches (#6)', () => {
  it('enable-policy=never: nothing is enforced, the switch and its ConfigMap key are named', async () => {
    const facts = await variant('policy-cilium-enforcement-never');
    expect(facts.policies?.value).toMatchObject({
      networkPolicies: 2,
      unenforced: 2,
      enforcement: { off: true, switches: ['cilium-enable-policy-never'] },
      namespaces: { covered: [], uncovered: ['default', 'shop'] },
    });
    expect(facts.policies?.evidence).toEqual(
      expect.arrayContaining([
        'ConfigMap kube-system/cilium-config: enable-policy=never (no policy is enforced)',
        '2 NetworkPolicies: not enforced (a switch turns enforcement off)',
      ]),
    );
  });

  it("the demo's prod-us-1 (enable-policy: never) no longer has its policies counted as enforced", async () => {
    const dump = await loadSnapshotFile(
      resolve(__dirname, '../../../../../examples/clusters/prod-us-1.json'),
    );
    const facts = await factsOf(dump.items);
    expect(facts.policies?.value?.enforcement).toEqual({
      off: true,
      switches: ['cilium-enable-policy-never'],
    });
    expect(facts.policies?.value?.namespaces?.totals.covered).toBe(0);
  });

  it('policy-audit-mode=true: drops are only logged, nothing is enforced', async () => {
    const facts = await variant('policy-cilium-audit-mode');
    expect(facts.policies?.value?.enforcement).toEqual({
      off: true,
      switches: ['cilium-policy-audit-mode'],
    });
    expect(facts.policies?.evidence).toContain(
      'ConfigMap kube-system/cilium-config: policy-audit-mode=true (drops are only logged)',
    );
  });

  it('enable-k8s-networkpolicy=false: Kubernetes NetworkPolicies are paper, Cilium policies still count', async () => {
    const facts = await variant('policy-cilium-k8s-networkpolicy-off');
    expect(facts.policies?.value).toMatchObject({
      unenforced: 2,
      enforcement: { off: false, switches: ['cilium-k8s-networkpolicy-off'] },
      namespaces: { covered: [] },
    });
    expect(facts.policies?.evidence).toContain(
      '2 NetworkPolicies: not enforced (Cilium ignores them (enable-k8s-networkpolicy=false))',
    );
    const withCnp = await factsOf([
      ...POLICY_VARIANTS['policy-cilium-k8s-networkpolicy-off'].objects(),
      ...POLICY_VARIANTS['policy-cilium-deny-only']
        .objects()
        .filter(o => o.kind === 'CiliumNetworkPolicy'),
    ]);
    expect(withCnp.policies?.value?.namespaces?.defaultDeny).toEqual([
      'default',
      'shop',
    ]);
  });

  it('enable-policy=always: every application namespace denies by default, with no policy at all', async () => {
    const objects = withConfig(
      POLICY_VARIANTS['policy-cilium-no-policy'].objects(),
      'enable-policy',
      'always',
    );
    const facts = await factsOf(objects);
    expect(facts.policies?.value?.namespaces).toMatchObject({
      covered: ['default', 'shop'],
      defaultDeny: ['default', 'shop'],
    });
    expect(facts.policies?.evidence).toContain(
      'ConfigMap kube-system/cilium-config: enable-policy=always (every endpoint denies what no policy allows)',
    );
  });

  it("Calico Enterprise's dropActionOverride=Accept lets denied packets through: nothing is enforced", async () => {
    // FelixConfiguration default as the docs show it, with the field Calico Enterprise adds
    const felix = object(
      'crd.projectcalico.org/v1',
      'FelixConfiguration',
      'default',
      undefined,
      { spec: { dropActionOverride: 'LogAndAccept' } },
    );
    const facts = await factsOf([
      ...POLICY_VARIANTS['policy-calico-global-deny'].objects(),
      felix,
    ]);
    expect(facts.policies?.value?.enforcement).toEqual({
      off: true,
      switches: ['calico-drop-action-accept'],
    });
    expect(facts.policies?.evidence).toContain(
      'FelixConfiguration default: spec.dropActionOverride=LogAndAccept (denied packets are let through)',
    );
    const drop = await factsOf([
      ...POLICY_VARIANTS['policy-calico-global-deny'].objects(),
      patched(felix, c => {
        c.spec.dropActionOverride = 'Drop';
      }),
    ]);
    expect(drop.policies?.value?.enforcement.off).toBe(false);
  });

  it('mid-migration (Calico and Cilium agents): a kind counts only when both enforce it', async () => {
    const facts = await factsOf([
      ...POLICY_VARIANTS['policy-cilium-deny-only'].objects(),
      ...fixtures('calico/calico.yaml'),
    ]);
    expect(facts.policies?.value).toMatchObject({
      unenforced: 2,
      namespaces: { covered: [] },
    });
    expect(facts.policies?.evidence).toContain(
      '2 CiliumNetworkPolicies: not enforced (Calico does not read Cilium policies)',
    );
  });
});
