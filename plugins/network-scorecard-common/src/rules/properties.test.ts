/**
 * Unknown is never guessed into a verdict: taking a fact away (null, as the
 * collector reports a forbidden or failed read, or missing altogether) may
 * turn a rule's answer into "unknown" (or "not-applicable"), never into
 * another verdict, and never into pass / clear / ready.
 */
import fs from 'fs';
import path from 'path';
import { ClusterFacts, FACT_IDS, FactId } from '../facts';
import { EvaluationContext } from '../context';
import { defaultRuleset } from './ruleset';
import { golden } from './__fixtures__/golden';

const CLUSTERS = fs
  .readdirSync(path.resolve(__dirname, '../../../../fixtures/golden'))
  .map(f => f.replace(/\.json$/, ''));

function context(partial: Partial<EvaluationContext> = {}): EvaluationContext {
  return {
    requirements: [],
    lifecycle: 'production',
    platformRefresh: null,
    catalogServiceCount: null,
    now: '2026-11-26T09:00:00Z',
    ...partial,
  };
}

const CONTEXTS: EvaluationContext[] = [
  context(),
  context({ lifecycle: 'development' }),
  context({ platformRefresh: '2027-03-01', catalogServiceCount: 8 }),
  context({
    requirements: [
      'mtls-all-east-west',
      'l7-policy',
      'per-request-observability',
    ],
  }),
  context({ requirements: ['auditable-l7', 'windows-nodes', 'bgp-peering'] }),
  context({
    requirements: ['iptables-tooling', 'canary-traffic-shifting'],
    lifecycle: null,
  }),
];

const ESCAPES = new Set(['unknown', 'not-applicable']);

interface Verdicts {
  [ruleId: string]: string;
}

function verdicts(facts: ClusterFacts, ctx: EvaluationContext): Verdicts {
  const out: Verdicts = {};
  for (const rule of defaultRuleset.checks)
    out[rule.id] = rule.evaluate(facts, ctx).status;
  for (const rule of defaultRuleset.antiPatterns)
    out[rule.id] = rule.evaluate(facts, ctx).status;
  for (const rule of defaultRuleset.readiness)
    out[rule.id] = rule.evaluate(facts, ctx).status;
  return out;
}

function without(
  facts: ClusterFacts,
  ids: FactId[],
  how: 'null' | 'missing',
): ClusterFacts {
  const copy: ClusterFacts = { ...facts };
  for (const id of ids) {
    if (how === 'missing') delete copy[id];
    else
      (copy as Record<string, unknown>)[id] = {
        value: null,
        evidence: [],
        reason: 'forbidden',
      };
  }
  return copy;
}

/** Violations of the property between a full fact set and a reduced one. */
function violations(
  full: Verdicts,
  reduced: Verdicts,
  label: string,
): string[] {
  return Object.keys(full).flatMap(id => {
    const before = full[id];
    const after = reduced[id];
    if (before === after) return [];
    const isAntiPattern = id.startsWith('ap.');
    const allowed = isAntiPattern ? after === 'unknown' : ESCAPES.has(after);
    return allowed ? [] : [`${label}: ${id} ${before} -> ${after}`];
  });
}

/** Deterministic PRNG so a failure reproduces. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('no unknown fact ever yields a verdict', () => {
  it.each(CLUSTERS)('%s: taking any one fact away', name => {
    const facts = golden(name);
    const found: string[] = [];
    for (const ctx of CONTEXTS) {
      const full = verdicts(facts, ctx);
      for (const id of FACT_IDS) {
        for (const how of ['null', 'missing'] as const) {
          found.push(
            ...violations(
              full,
              verdicts(without(facts, [id], how), ctx),
              `${id} ${how}`,
            ),
          );
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('taking random sets of facts away (seeded)', () => {
    const random = mulberry32(20261126);
    const found: string[] = [];
    for (const name of CLUSTERS) {
      const facts = golden(name);
      for (const ctx of CONTEXTS) {
        const full = verdicts(facts, ctx);
        for (let i = 0; i < 25; i++) {
          const ids = FACT_IDS.filter(() => random() < 0.3);
          found.push(
            ...violations(
              full,
              verdicts(without(facts, ids, 'null'), ctx),
              ids.join(','),
            ),
          );
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('with no fact at all, nothing passes, nothing is clear, nothing is ready', () => {
    for (const ctx of CONTEXTS) {
      const none = verdicts({}, ctx);
      for (const [id, status] of Object.entries(none)) {
        expect([
          id,
          ESCAPES.has(status) || (id.startsWith('ap.') && status === 'unknown'),
        ]).toEqual([id, true]);
      }
    }
  });
});
