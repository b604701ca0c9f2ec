#!/usr/bin/env node
// Reports evaluated per second: the whole ruleset plus scoring (evaluateCluster)
// over 10,000 varied fact sets built from the golden facts. Loads the TypeScript sources of
// @network-scorecard/common through Backstage's Node transform.
//
//   node test/bench/rules-bench.mjs [count]   (default 10000; BENCH_MIN_RATE=10000 fails below that rate)
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
for (const input of inputs.slice(0, 2000))
  evaluateCluster(input, defaultRuleset); // warm-up (JIT)

// Best of three passes over the same fleet: other processes on the machine only ever slow a pass down.
const PASSES = 3;
let best = Infinity;
let graded = 0;
for (let pass = 0; pass < PASSES; pass++) {
  graded = 0;
  const start = process.hrtime.bigint();
  for (const input of inputs) {
    if (evaluateCluster(input, defaultRuleset).grade !== '?') graded += 1;
  }
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
}
const rate = Math.round((COUNT / best) * 1000);

console.log(
  `rules: ${COUNT.toLocaleString('en-US')} reports in ${Math.round(
    best,
  )} ms = ${rate.toLocaleString('en-US')} reports/s ` +
    `(best of ${PASSES} passes; ruleset ${
      defaultRuleset.version
    }; ${graded} graded, ${COUNT - graded} "?")`,
);
const min = Number(process.env.BENCH_MIN_RATE ?? 0);
if (min && rate < min) {
  console.error(
    `rules: below the target of ${min.toLocaleString('en-US')} reports/s`,
  );
  process.exit(1);
}
