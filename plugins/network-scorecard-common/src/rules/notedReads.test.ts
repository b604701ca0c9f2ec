/**
 * The facts an undecided check needed come from the reads the accessors
 * note (facts/reads) for the checks of this package, and from a Proxy for
 * any other check. Both must name the same facts in the same order: this
 * holds every check to it, on every golden cluster, in several contexts and
 * with facts missing or unreadable.
 */
import fs from 'fs';
import path from 'path';
import { ClusterFacts, FACT_IDS } from '../facts';
import { endWatch, readsBetween, readsNoted, watchReads } from '../facts/reads';
import { EvaluationContext } from '../context';
import { defaultRuleset } from './ruleset';
import { evaluateCluster } from './evaluate';
import { readsAreNoted } from './notedReads';
import { proxiedReads } from './unknownReads';
import { CheckRule } from './types';
import { golden } from './__fixtures__/golden';
import { context, withUnreadable } from './__fixtures__/context';

const GOLDEN = path.resolve(__dirname, '../../../../fixtures/golden');
const CLUSTERS = fs
  .readdirSync(GOLDEN)
  .filter(f => f.endsWith('.json'))
  .map(f => f.replace(/\.json$/, ''));

const CONTEXTS: EvaluationContext[] = [
  context(),
  context({ lifecycle: 'development', targetCni: 'cilium' }),
  context({ platformRefresh: '2027-03-01', catalogServiceCount: 8 }),
  context({ requirements: ['mtls-all-east-west', 'l7-policy'] }),
  context({
    requirements: ['auditable-l7', 'canary-traffic-shifting'],
    targetCni: 'calico',
  }),
  context({ requirements: ['iptables-tooling', 'windows-nodes'] }),
];

/** The golden facts, then variants with each fact unreadable and with each fact missing. */
function variants(name: string): ClusterFacts[] {
  const facts = golden(name);
  const out = [facts];
  for (const id of FACT_IDS) {
    out.push(withUnreadable(facts, id));
    const missing = { ...facts };
    delete missing[id];
    out.push(missing);
  }
  return out;
}

function noted(
  rule: CheckRule,
  facts: ClusterFacts,
  ctx: EvaluationContext,
): string[] {
  watchReads(facts);
  try {
    rule.evaluate(facts, ctx);
  } finally {
    endWatch();
  }
  return [...new Set(readsBetween(0, readsNoted()))];
}

describe('reads noted by the accessors', () => {
  it('covers every check of the default ruleset', () => {
    expect(defaultRuleset.checks.every(readsAreNoted)).toBe(true);
  });

  it.each(CLUSTERS)('%s: every check notes what a Proxy sees', name => {
    const differing: { rule: string; noted: string[]; proxied: string[] }[] =
      [];
    for (const facts of variants(name)) {
      for (const ctx of CONTEXTS) {
        for (const rule of defaultRuleset.checks) {
          const read = noted(rule, facts, ctx);
          const proxied = proxiedReads(rule, facts, ctx);
          if (read.join() !== proxied.join())
            differing.push({ rule: rule.id, noted: read, proxied });
        }
      }
    }
    expect(differing).toEqual([]);
  });

  it('leaves a check of another ruleset to the Proxy', () => {
    const custom: CheckRule = {
      id: 'custom.cni-known',
      area: 'cni',
      weight: 1,
      title: 'The CNI is known',
      default: 'a known CNI',
      switchWhen: 'never',
      rationale: 'Reads the fact directly, not through facts/access.',
      evaluate: facts =>
        facts.cni?.value
          ? { status: 'pass', evidence: [], recommendation: 'Known.' }
          : { status: 'unknown', evidence: [], recommendation: 'Unknown.' },
    };
    expect(readsAreNoted(custom)).toBe(false);
    const report = evaluateCluster(
      {
        cluster: 'c',
        source: 'snapshot',
        scannedAt: context().now,
        facts: withUnreadable(golden(CLUSTERS[0]), 'cni'),
        errors: [],
        context: context(),
      },
      { ...defaultRuleset, checks: [custom] },
    );
    expect(report.scoring.atStake).toEqual([
      expect.objectContaining({
        checkId: 'custom.cni-known',
        reads: [{ fact: 'cni', reason: 'forbidden' }],
      }),
    ]);
  });
});
