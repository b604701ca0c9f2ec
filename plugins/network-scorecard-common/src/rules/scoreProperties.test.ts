/**
 * The scoring rules as properties, over every golden cluster (what the real
 * collector reads from the demo dumps and the variants) in several catalog
 * contexts: seeing less never raises a score, an active acknowledgement never
 * lowers one, and every penalty and cap is traceable to one rule.
 */
import fs from 'fs';
import path from 'path';
import { ClusterFacts, FACT_IDS, FactId } from '../facts';
import { EvaluationContext } from '../context';
import { ClusterReport } from '../report';
import { ANTI_PATTERN_PENALTY } from '../scoring';
import { defaultRuleset } from './ruleset';
import { evaluateCluster } from './evaluate';
import { golden } from './__fixtures__/golden';

const GOLDEN = path.resolve(__dirname, '../../../../fixtures/golden');
const CLUSTERS = fs
  .readdirSync(GOLDEN)
  .filter(f => f.endsWith('.json'))
  .map(f => f.replace(/\.json$/, ''));

const NOW = '2026-11-26T09:00:00Z';
const base: EvaluationContext = {
  requirements: [],
  lifecycle: 'production',
  platformRefresh: null,
  catalogServiceCount: null,
  now: NOW,
};
const CONTEXTS: EvaluationContext[] = [
  base,
  { ...base, lifecycle: 'development' },
  { ...base, platformRefresh: '2027-03-01', catalogServiceCount: 8 },
  { ...base, requirements: ['mtls-all-east-west', 'l7-policy'] },
  {
    ...base,
    requirements: ['auditable-l7', 'bgp-peering'],
    catalogServiceCount: 60,
  },
  { ...base, requirements: ['iptables-tooling'], lifecycle: null },
];

function report(
  facts: ClusterFacts,
  context: EvaluationContext,
  acknowledgements?: ClusterReport['antiPatterns'][number]['acknowledged'] extends infer A
    ? Record<string, NonNullable<A>>
    : never,
): ClusterReport {
  return evaluateCluster(
    {
      cluster: 'c',
      source: 'snapshot',
      scannedAt: NOW,
      facts,
      errors: [],
      context,
      acknowledgements,
    },
    defaultRuleset,
  );
}

/** A score as a number to compare: "?" sees too little to be better than anything. */
const rank = (r: ClusterReport) => (r.score === null ? -1 : r.score);

function hidden(facts: ClusterFacts, ids: FactId[]): ClusterFacts {
  const copy: ClusterFacts = { ...facts };
  for (const id of ids)
    (copy as Record<string, unknown>)[id] = {
      value: null,
      evidence: [],
      reason: 'forbidden',
    };
  return copy;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('seeing less never raises a score', () => {
  it.each(CLUSTERS)('%s: hiding any one fact, in every context', name => {
    const facts = golden(name);
    const raised: string[] = [];
    for (const context of CONTEXTS) {
      const full = rank(report(facts, context));
      for (const id of FACT_IDS) {
        const less = rank(report(hidden(facts, [id]), context));
        if (less > full)
          raised.push(
            `${context.lifecycle}/${context.requirements}: hiding ${id} ${full} -> ${less}`,
          );
      }
    }
    expect(raised).toEqual([]);
  });

  it('hiding random sets of facts (seeded)', () => {
    const random = mulberry32(20261201);
    const raised: string[] = [];
    for (const name of CLUSTERS) {
      const facts = golden(name);
      for (const context of CONTEXTS) {
        const full = rank(report(facts, context));
        for (let i = 0; i < 10; i++) {
          const ids = FACT_IDS.filter(() => random() < 0.3);
          const less = rank(report(hidden(facts, ids), context));
          if (less > full)
            raised.push(`${name}: hiding ${ids} ${full} -> ${less}`);
        }
      }
    }
    expect(raised).toEqual([]);
  });
});

describe('acknowledgements', () => {
  it.each(CLUSTERS)(
    '%s: an active acknowledgement never lowers the score, an expired one changes nothing',
    name => {
      const facts = golden(name);
      for (const context of CONTEXTS) {
        const plain = report(facts, context);
        for (const ap of plain.antiPatterns.filter(
          a => a.status === 'detected',
        )) {
          const ack = (expiresAt: string | null) => ({
            [ap.id]: {
              by: 'user:default/jo',
              reason: 'planned',
              at: NOW,
              expiresAt,
            },
          });
          expect(
            rank(report(facts, context, ack(null))),
          ).toBeGreaterThanOrEqual(rank(plain));
          expect(
            report(facts, context, ack('2026-01-01T00:00:00Z')).score,
          ).toBe(plain.score);
        }
      }
    },
  );
});

describe('every penalty and cap is traceable', () => {
  it.each(CLUSTERS)('%s', name => {
    const facts = golden(name);
    for (const context of CONTEXTS) {
      const r = report(facts, context);
      const open = r.antiPatterns.filter(a => a.status !== 'clear');
      expect(r.scoring.penalties.map(p => p.antiPatternId)).toEqual(
        open.map(a => a.id),
      );
      for (const penalty of r.scoring.penalties)
        expect(penalty.points).toBe(penalty.waived ? 0 : ANTI_PATTERN_PENALTY);
      if (r.score === null) continue;
      const penalties = r.scoring.penalties.reduce((s, p) => s + p.points, 0);
      const expected = Math.max(
        0,
        Math.min(
          r.scoring.weighted! - penalties,
          ...r.scoring.caps.map(c => c.max),
        ),
      );
      // weighted is shown rounded to one decimal, so allow for that rounding
      expect(Math.abs(r.score - expected)).toBeLessThanOrEqual(0.1);
      expect(r.scoring.caps.some(c => c.id === 'open-anti-pattern')).toBe(
        r.scoring.penalties.some(p => !p.waived),
      );
      // an A has no open penalty
      expect(r.grade !== 'A' || r.scoring.penalties.every(p => p.waived)).toBe(
        true,
      );
      const unknownChecks = r.checks
        .filter(c => c.status === 'unknown')
        .map(c => c.id);
      expect(r.scoring.atStake.map(s => s.checkId)).toEqual(unknownChecks);
    }
  });
});
