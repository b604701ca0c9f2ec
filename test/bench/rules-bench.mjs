#!/usr/bin/env node
// Reports evaluated per second: the whole ruleset plus scoring (evaluateCluster)
// over 10,000 varied fact sets built from the golden facts. Loads the TypeScript sources of
// @network-scorecard/common through Backstage's Node transform.
//
// Throughput is a steady-state figure for a long-lived backend: the JIT keeps
// optimising the ~30 rules (each runs once per report) for several passes, so
// whole passes warm it up first (see below), then the best of MEASURED_PASSES
// counts. The cold first pass is printed too: what a freshly started backend
// does with its first 10,000 reports.
//
// Why 15 measured passes (there were 5): on this 2-core machine a neighbour
// process only ever slows a pass down (the same plain memory-walking loop
// varies 1.7x from pass to pass, with no deopt or extra GC in the slow ones),
// so the fastest pass is the one that measures the code; five passes often
// hold no quiet one, fifteen (about 3 s more) usually do. A busy machine
// still reads low, never high.
//
//   node test/bench/rules-bench.mjs [count]   (default 10000; exits 1 below BENCH_MIN_RATE reports/s
//   steady state, default 50000, the target; BENCH_MIN_RATE=0 only prints)
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { defaultRuleset, evaluateCluster, FACT_IDS } = require(resolve(
  root,
  'plugins/network-scorecard-common/src/index.ts',
));

const COUNT = Number(process.argv[2] ?? 10000);

// Seeded, so every run measures the same fleet.
let seed = 20261126;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = list => list[Math.floor(random() * list.length)];

// The fleet is made of golden facts — what the real collector reads from the
// demo dumps and every variant (fixtures/golden) — never a second, hand-made
// detector; each fact set hides a few facts and sits in its own catalog context.
const goldenDir = resolve(root, 'fixtures/golden');
const golden = readdirSync(goldenDir)
  .filter(f => f.endsWith('.json'))
  .map(f => JSON.parse(readFileSync(resolve(goldenDir, f), 'utf8')).facts);

function factSet(i) {
  const facts = { ...pick(golden) };
  // Some clusters hide a few facts (forbidden reads), as real scans do.
  for (const id of FACT_IDS)
    if (random() < 0.05)
      facts[id] = { value: null, evidence: [], reason: 'forbidden' };
  const context = {
    requirements: pick([
      [],
      [],
      ['mtls-all-east-west'],
      ['auditable-l7', 'mtls-all-east-west'],
      ['l7-policy'],
      ['bgp-peering'],
      ['windows-nodes', 'iptables-tooling'],
      ['canary-traffic-shifting'],
    ]),
    lifecycle: pick([
      'production',
      'production',
      'Prod',
      'staging',
      'development',
      null,
    ]),
    platformRefresh: pick([null, '2027-03-01', '2025-06-01']),
    catalogServiceCount: pick([null, 8, 40, 120]),
    now: '2026-11-26T09:00:00Z',
  };
  return {
    cluster: `bench-${i}`,
    source: 'snapshot',
    scannedAt: '2026-11-26T09:00:00Z',
    facts,
    errors: [],
    context,
  };
}

const inputs = Array.from({ length: COUNT }, (_, i) => factSet(i));

// Warm-up ends once STABLE_PASSES passes in a row have not beaten the best so
// far by more than WARM_TOLERANCE: two close passes alone can be a plateau
// between two rounds of optimisation. Never before MIN_WARM_PASSES: the JIT
// is still optimising rules until about the eighth pass, and on a busy
// machine slow passes would otherwise look stable.
const WARM_TOLERANCE = 0.03;
const STABLE_PASSES = 3;
const MIN_WARM_PASSES = 8;
const MAX_WARM_PASSES = 25;
const MEASURED_PASSES = 15;

let graded = 0;
/** One whole pass over the fleet, in ms. */
function pass() {
  graded = 0;
  const start = process.hrtime.bigint();
  for (const input of inputs) {
    if (evaluateCluster(input, defaultRuleset).grade !== '?') graded += 1;
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const perSecond = ms => Math.round((COUNT / ms) * 1000);

const first = pass();
let warmPasses = 1;
for (let fastest = first, stable = 0; warmPasses < MAX_WARM_PASSES; ) {
  const ms = pass();
  warmPasses += 1;
  if (ms < fastest * (1 - WARM_TOLERANCE)) stable = 0;
  else if (++stable >= STABLE_PASSES && warmPasses >= MIN_WARM_PASSES) break;
  fastest = Math.min(fastest, ms);
}
// Other processes on the machine only ever slow a pass down: the best one counts.
let best = Infinity;
for (let i = 0; i < MEASURED_PASSES; i++) best = Math.min(best, pass());
const rate = perSecond(best);

console.log(
  `rules: ${COUNT.toLocaleString('en-US')} reports in ${Math.round(
    best,
  )} ms = ${rate.toLocaleString('en-US')} reports/s steady state ` +
    `(best of ${MEASURED_PASSES} passes after ${warmPasses} warm-up passes; first pass ${perSecond(
      first,
    ).toLocaleString('en-US')} reports/s; ruleset ${
      defaultRuleset.version
    }; ${graded} graded, ${COUNT - graded} "?")`,
);
const min = Number(process.env.BENCH_MIN_RATE ?? 50_000);
if (min)
  console.log(
    `rules: target >= ${min.toLocaleString('en-US')} reports/s: ${
      rate >= min ? 'PASS' : 'FAIL'
    }`,
  );
if (min && rate < min) {
  console.error(
    `rules: steady state below the target of ${min.toLocaleString(
      'en-US',
    )} reports/s`,
  );
  process.exit(1);
}
