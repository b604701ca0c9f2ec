import {
  AntiPatternRule,
  factEvidence,
  factValue,
  ReadinessRule,
  Ruleset,
  defaultRuleset,
} from '@network-scorecard/common';

/*
 * Test-only stand-ins for two DESIGN.md §6 rules that the common package does
 * not ship yet, so that fixtures exercise anti-patterns and readiness too.
 * A rule the default ruleset already has always wins over its stand-in.
 */

const globalL7Visibility: AntiPatternRule = {
  id: 'ap.global-l7-visibility',
  title: 'L7 visibility switched on cluster-wide',
  lesson:
    'Parsing every request on every node costs CPU and memory on the datapath; aim L7 visibility at the services being debugged.',
  evaluate(facts) {
    const l7 = factValue(facts, 'l7Visibility');
    const hubble = factValue(facts, 'hubble');
    if (l7 === null && hubble === null) return { status: 'unknown', evidence: [] };
    const global = l7 === 'global' || (hubble?.metrics.includes('http') ?? false);
    return {
      status: global ? 'detected' : 'clear',
      evidence: [...factEvidence(facts, 'l7Visibility'), ...factEvidence(facts, 'hubble')],
    };
  },
};

const hubbleReadiness: ReadinessRule = {
  id: 'readiness.hubble',
  title: 'Hubble flow observability',
  evaluate(facts) {
    const cni = factValue(facts, 'cni');
    if (cni === null) return { status: 'unknown', blockers: [], steps: [] };
    if (cni !== 'cilium') {
      return {
        status: 'blocked',
        blockers: [`Hubble needs Cilium; the cluster runs ${cni}`],
        steps: [],
      };
    }
    const hubble = factValue(facts, 'hubble');
    const dashboards = factValue(facts, 'dashboards') ?? [];
    const steps: string[] = [];
    if (!hubble?.enabled) steps.push('enable Hubble');
    if (!hubble?.relay) steps.push('deploy Hubble Relay');
    if (!hubble?.ui) steps.push('deploy Hubble UI');
    if ((hubble?.metrics.length ?? 0) === 0) steps.push('export Hubble metrics');
    if (dashboards.length < 4) steps.push(`link ${4 - dashboards.length} more Grafana dashboards`);
    return { status: 'ready', blockers: [], steps };
  },
};

function withStandIns<T extends { id: string }>(shipped: T[], standIns: T[]): T[] {
  return [...shipped, ...standIns.filter(s => !shipped.some(r => r.id === s.id))];
}

export const fixtureRuleset: Ruleset = {
  ...defaultRuleset,
  antiPatterns: withStandIns(defaultRuleset.antiPatterns, [globalL7Visibility]),
  readiness: withStandIns(defaultRuleset.readiness, [hubbleReadiness]),
};
