import { AREA_WEIGHTS, SCORING_FORMULA } from '../scoring';
import { defaultRuleset } from './ruleset';

/**
 * Append-only: the ids and weights each ruleset version was released with.
 * Changing a weight, or adding or removing a rule, fails this test until the
 * change gets a new version line here AND in ruleset.ts. Never edit an old line.
 */
const RELEASED: Record<string, string> = {
  '2026.11.1':
    'cni.production-grade:3 cni.default-choice:2 cni.kernel:2 cni.windows:2 cni.calico-dataplane:1 ' +
    'kube-proxy.replaced:3 kube-proxy.redundant:2 kube-proxy.scale:2 ' +
    'mesh.need:3 mesh.choice:2 mesh.mtls:3 encryption.transparent:2 ' +
    'observability.hubble:3 observability.metrics:2 observability.dashboards:2 observability.l7-targeted:2 observability.app-tracing:1 ' +
    'policy.enforced:3 | ' +
    'ap.mesh-too-early ap.mesh-without-question ap.sidecars-when-ambient-fits ap.two-control-planes ' +
    'ap.standalone-cni-migration ap.calico-ebpf-untested ap.global-l7-visibility ap.infra-tracing-everywhere | ' +
    'readiness.calico-to-cilium readiness.kube-proxy-replacement readiness.hubble readiness.mesh',
  // from here on the fingerprint also carries the scoring formula and the area weights
  '2026.12.1':
    'cni.production-grade:3 cni.default-choice:2 cni.kernel:2 cni.windows:2 cni.calico-dataplane:1 ' +
    'kube-proxy.replaced:3 kube-proxy.redundant:2 kube-proxy.scale:2 ' +
    'mesh.need:3 mesh.choice:2 mesh.mtls:3 encryption.transparent:2 ' +
    'observability.hubble:3 observability.metrics:2 observability.dashboards:2 observability.l7-targeted:2 observability.app-tracing:1 ' +
    'policy.enforced:3 | ' +
    'ap.mesh-too-early ap.mesh-without-question ap.sidecars-when-ambient-fits ap.two-control-planes ' +
    'ap.standalone-cni-migration ap.calico-ebpf-untested ap.global-l7-visibility ap.infra-tracing-everywhere | ' +
    'readiness.calico-to-cilium readiness.kube-proxy-replacement readiness.hubble readiness.mesh | ' +
    'scoring 2026.12 cni:20 kube-proxy:10 mesh:15 encryption:10 observability:20 policy:25',
  // traffic from Prometheus: cni.config-in-effect; observability.metrics passes only on arriving series; measured L7 reach
  '2026.12.2':
    'cni.production-grade:3 cni.default-choice:2 cni.kernel:2 cni.windows:2 cni.calico-dataplane:1 cni.config-in-effect:2 ' +
    'kube-proxy.replaced:3 kube-proxy.redundant:2 kube-proxy.scale:2 ' +
    'mesh.need:3 mesh.choice:2 mesh.mtls:3 encryption.transparent:2 ' +
    'observability.hubble:3 observability.metrics:2 observability.dashboards:2 observability.l7-targeted:2 observability.app-tracing:1 ' +
    'policy.enforced:3 | ' +
    'ap.mesh-too-early ap.mesh-without-question ap.sidecars-when-ambient-fits ap.two-control-planes ' +
    'ap.standalone-cni-migration ap.calico-ebpf-untested ap.global-l7-visibility ap.infra-tracing-everywhere | ' +
    'readiness.calico-to-cilium readiness.kube-proxy-replacement readiness.hubble readiness.mesh | ' +
    'scoring 2026.12 cni:20 kube-proxy:10 mesh:15 encryption:10 observability:20 policy:25',
};

function fingerprint(): string {
  return [
    defaultRuleset.checks.map(r => `${r.id}:${r.weight}`).join(' '),
    defaultRuleset.antiPatterns.map(r => r.id).join(' '),
    defaultRuleset.readiness.map(r => r.id).join(' '),
    `scoring ${SCORING_FORMULA} ${Object.entries(AREA_WEIGHTS)
      .map(([area, weight]) => `${area}:${weight}`)
      .join(' ')}`,
  ].join(' | ');
}

/** DESIGN.md §6, the contract. */
const DESIGN_IDS = {
  checks: [
    'cni.production-grade',
    'cni.default-choice',
    'cni.kernel',
    'cni.windows',
    'cni.calico-dataplane',
    // issue 12 (configured vs in effect); DESIGN §6 does not list it yet
    'cni.config-in-effect',
    'kube-proxy.replaced',
    'kube-proxy.redundant',
    'kube-proxy.scale',
    'mesh.need',
    'mesh.choice',
    'mesh.mtls',
    'encryption.transparent',
    'observability.hubble',
    'observability.metrics',
    'observability.dashboards',
    'observability.l7-targeted',
    'observability.app-tracing',
    'policy.enforced',
  ],
  antiPatterns: [
    'ap.mesh-too-early',
    'ap.mesh-without-question',
    'ap.sidecars-when-ambient-fits',
    'ap.two-control-planes',
    'ap.standalone-cni-migration',
    'ap.calico-ebpf-untested',
    'ap.global-l7-visibility',
    'ap.infra-tracing-everywhere',
  ],
  readiness: [
    'readiness.calico-to-cilium',
    'readiness.kube-proxy-replacement',
    'readiness.hubble',
    'readiness.mesh',
  ],
};

describe('defaultRuleset', () => {
  it('pins ids and weights to the ruleset version', () => {
    expect(RELEASED[defaultRuleset.version]).toBeDefined();
    expect(fingerprint()).toBe(RELEASED[defaultRuleset.version]);
  });

  it('implements exactly the ids of DESIGN §6', () => {
    expect(defaultRuleset.checks.map(r => r.id).sort()).toEqual(
      [...DESIGN_IDS.checks].sort(),
    );
    expect(defaultRuleset.antiPatterns.map(r => r.id).sort()).toEqual(
      [...DESIGN_IDS.antiPatterns].sort(),
    );
    expect(defaultRuleset.readiness.map(r => r.id).sort()).toEqual(
      [...DESIGN_IDS.readiness].sort(),
    );
  });

  it('gives every check its area prefix, a default, a switch condition and a rationale', () => {
    for (const rule of defaultRuleset.checks) {
      expect(rule.id.startsWith(`${rule.area}.`)).toBe(true);
      expect(rule.weight).toBeGreaterThan(0);
      for (const text of [
        rule.title,
        rule.default,
        rule.switchWhen,
        rule.rationale,
      ]) {
        expect(text.trim().length).toBeGreaterThan(3);
      }
    }
    for (const rule of defaultRuleset.antiPatterns)
      expect(rule.lesson.length).toBeGreaterThan(50);
  });
});
