#!/usr/bin/env node
// Prometheus reader benchmark (prints figures; not a timed test).
//   node test/bench/prometheus-bench.mjs      (from the repository root; ~1 min on 2 cores)
// Env: BENCH_NODES (default 10,100,1000,5000).
// For clusters of 10 … 5,000 nodes (one Cilium agent each, every agent exporting Hubble
// flow, drop, policy, dns, http and lost-event series and the feature gauges, as in
// fixtures/prometheus), backfills a real Prometheus (promtool + prometheus, Debian's) and
// reads the traffic facts once: queries and response bytes per cluster must stay flat,
// since every query aggregates over agents.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePrometheus } from '../setup/ensure-services.mjs';
import {
  clusterFamilies,
  openMetrics,
} from '../../fixtures/prometheus/generate.mjs';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const { collectFromPrometheus } = require('@network-scorecard/node');

const NODES = (process.env.BENCH_NODES ?? '10,100,1000,5000')
  .split(',')
  .map(Number);
const AT = '2026-11-26T12:00:00.000Z';
const binaries = ensurePrometheus();

function freePort() {
  return new Promise(resolve => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function prometheusWith(text) {
  const dir = mkdtempSync(join(tmpdir(), 'prometheus-bench-'));
  writeFileSync(join(dir, 'input.om'), text);
  execFileSync(
    binaries.promtool,
    [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      join(dir, 'input.om'),
      join(dir, 'data'),
    ],
    { stdio: 'ignore' },
  );
  writeFileSync(join(dir, 'prometheus.yml'), 'global: {}\n');
  const port = await freePort();
  const child = spawn(
    binaries.prometheus,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=error',
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {
      // starting
    }
    await new Promise(r => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const pad = (value, width) => String(value).padStart(width);
console.log(
  'Prometheus reader: one cluster, every agent exporting Hubble and feature series',
);
console.log(
  `${pad('nodes', 6)} ${pad('series', 8)} ${pad('queries', 8)} ${pad(
    'KB read',
    8,
  )} ${pad('ms', 6)}  facts`,
);
const rows = [];
for (const nodes of NODES) {
  const families = clusterFamilies({
    agents: nodes,
    workloads: 3,
    httpWorkloads: 2,
    auditRate: 0.1,
    lostRate: 0.01,
    features: {
      kpr: [1],
      encryption: ['wireguard'],
      mutualAuth: [1],
      bgp: [0],
    },
  });
  const series = Object.values(families).reduce(
    (n, f) => n + f.series.length,
    0,
  );
  const prometheus = await prometheusWith(openMetrics(families, 3, 1800));
  try {
    const started = Date.now();
    const { facts, errors, stats } = await collectFromPrometheus(
      'bench',
      { url: prometheus.url },
      { at: AT, timeoutMs: 30_000 },
    );
    const ms = Date.now() - started;
    const known = Object.values(facts).filter(f => f.value !== null).length;
    rows.push({ nodes, ...stats });
    console.log(
      `${pad(nodes, 6)} ${pad(series, 8)} ${pad(stats.requests, 8)} ${pad(
        (stats.bytes / 1024).toFixed(1),
        8,
      )} ${pad(ms, 6)}  ${known} known, ${
        errors.length
      } unknown; agents reporting features: ${
        facts['traffic.features']?.value?.agents
      }`,
    );
  } finally {
    await prometheus.stop();
  }
}
const queries = new Set(rows.map(r => r.requests));
const bytes = rows.map(r => r.bytes);
const growth = Math.max(...bytes) / Math.min(...bytes);
console.log(
  `queries per cluster: ${[...queries].join(', ')} (flat: ${
    queries.size === 1
  }); bytes largest/smallest: ${growth.toFixed(2)}×`,
);
if (queries.size !== 1 || growth > 1.5) process.exit(1);
