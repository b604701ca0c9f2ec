import { ClusterFacts, CniName, FactId } from '../facts';
import { factEvidence, factValue, unknownReason } from '../facts/access';
import { EvaluationContext, RequirementId } from '../context';
import { MESH_REQUIREMENTS } from '../context/requirements';
import { AntiPatternResult, CheckResult, ReadinessResult } from './types';
import { joined } from '../text/joined';
import { contains, distinct } from '../text/distinct';

function reasonsFor(facts: ClusterFacts, ids: FactId[]): string[] {
  const reasons: string[] = [];
  for (const id of ids) {
    const reason = unknownReason(facts, id);
    if (reason !== undefined) reasons.push(reason);
  }
  return reasons;
}

/** A check result for a rule whose input fact is unknown: never pass, never fail. */
export function unknownBecause(
  facts: ClusterFacts,
  ids: FactId[],
): CheckResult {
  const reasons = reasonsFor(facts, ids);
  return {
    status: 'unknown',
    evidence: reasons,
    recommendation: `Cannot judge until these facts can be read: ${joined(
      reasons,
      '; ',
    )}. Check the scanner's access to the cluster.`,
  };
}

/** The anti-pattern counterpart of {@link unknownBecause}. */
export function antiPatternUnknown(
  facts: ClusterFacts,
  ids: FactId[],
): AntiPatternResult {
  return { status: 'unknown', evidence: reasonsFor(facts, ids) };
}

/** The readiness counterpart of {@link unknownBecause}. */
export function readinessUnknown(
  facts: ClusterFacts,
  ids: FactId[],
): ReadinessResult {
  const reasons = reasonsFor(facts, ids);
  return {
    status: 'unknown',
    blockers: [],
    steps: [
      `Make these facts readable, then scan again: ${joined(reasons, '; ')}`,
    ],
  };
}

/** "1 node" / "3 nodes" */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Evidence quoted inside a recommendation: "(a; b)", or "" when there is none. */
export function cite(evidence: string[]): string {
  return evidence.length > 0 ? ` (${joined(evidence, '; ')})` : '';
}

/** Display name of a CNI in sentences. */
export function cniLabel(cni: CniName): string {
  switch (cni) {
    case 'cilium':
      return 'Cilium';
    case 'calico':
      return 'Calico';
    case 'flannel':
      return 'Flannel';
    case 'none':
      return 'no recognised CNI';
    default:
      return 'a CNI outside the framework';
  }
}

/**
 * Every CNI seen (the primary one included), or null when `cni` or `cni.all`
 * is unknown: a second CNI we could not see would change the verdict.
 */
export function cniSet(facts: ClusterFacts): CniName[] | null {
  const cni = factValue(facts, 'cni');
  const all = factValue(facts, 'cni.all');
  if (cni === null || all === null) return null;
  return all.includes(cni) ? all : [cni, ...all];
}

/**
 * Cilium next to Calico or Flannel is a migration in progress. Calico with
 * Flannel is Canal (Calico policy on Flannel networking), a steady state.
 */
export function isCniMigration(all: CniName[]): boolean {
  return (
    all.includes('cilium') &&
    (all.includes('calico') || all.includes('flannel'))
  );
}

/** The declared requirements that only a service mesh answers. */
export function meshRequirements(context: EvaluationContext): RequirementId[] {
  return context.requirements.filter(r => MESH_REQUIREMENTS.includes(r));
}

/** Evidence lines for what the catalog says. */
export const catalog = {
  lifecycle(context: EvaluationContext): string {
    return `catalog: spec.lifecycle=${context.lifecycle ?? '(not set)'}`;
  },
  requirements(ids: readonly string[]): string {
    return `catalog: network-scorecard.io/requirements=${
      ids.length > 0 ? joined(ids, ', ') : '(none)'
    }`;
  },
  refresh(context: EvaluationContext): string {
    return `catalog: network-scorecard.io/platform-refresh=${
      context.platformRefresh ?? '(not set)'
    }`;
  },
};

/**
 * BGP peering with the physical network or Windows nodes are the framework's
 * reasons to stay on Calico: a refresh on such a cluster does not bring Cilium.
 */
export function keepsCalico(context: EvaluationContext): boolean {
  return (
    context.requirements.includes('bgp-peering') ||
    context.requirements.includes('windows-nodes')
  );
}

/** Where a planned platform refresh stands on the evaluation date. */
export function refreshState(
  context: EvaluationContext,
): 'none' | 'past' | 'planned' {
  if (context.platformRefresh === null) return 'none';
  const at = Date.parse(context.platformRefresh);
  if (Number.isNaN(at)) return 'none';
  return at < Date.parse(context.now) ? 'past' : 'planned';
}

/** One input of a readiness verdict: a blocker, a step, or an unknown. */
export interface ReadinessFinding {
  blocker?: string;
  step?: string;
  /** the fact that could not be read */
  unknown?: FactId;
}

/**
 * Blocked when anything blocks; otherwise unknown when an input could not be
 * read (never "ready" on a guess); otherwise ready.
 */
export function readinessFrom(
  facts: ClusterFacts,
  findings: ReadinessFinding[],
  finalSteps: string[] = [],
): ReadinessResult {
  const blockers: string[] = [];
  const steps: string[] = [];
  const unknownIds: FactId[] = [];
  for (const f of findings) {
    if (f.blocker) blockers.push(f.blocker);
    if (f.step) steps.push(f.step);
    if (f.unknown && !unknownIds.includes(f.unknown))
      unknownIds.push(f.unknown);
  }
  if (unknownIds.length > 0) {
    steps.push(
      `Confirm what the scanner could not read: ${joined(
        reasonsFor(facts, unknownIds),
        '; ',
      )}`,
    );
  }
  if (blockers.length > 0) {
    return { status: 'blocked', blockers, steps: [...steps, ...finalSteps] };
  }
  if (unknownIds.length > 0) return { status: 'unknown', blockers: [], steps };
  return { status: 'ready', blockers: [], steps: [...steps, ...finalSteps] };
}

/** "a, b, c and 4 more", duplicates dropped. */
export function listNames(names: string[], max = 5): string {
  const once = distinct(names);
  const shown = joined(once.length > max ? once.slice(0, max) : once, ', ');
  return once.length > max ? `${shown} and ${once.length - max} more` : shown;
}

/** The evidence of several facts, each line once. */
export function evidenceOf(facts: ClusterFacts, ...ids: FactId[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    for (const line of factEvidence(facts, id))
      if (!contains(out, line)) out.push(line);
  }
  return out;
}
