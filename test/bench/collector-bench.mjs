#!/usr/bin/env node
// Collector benchmark (prints figures; not a timed test).
//   node test/bench/collector-bench.mjs            (from the repository root; ~1 min on 2 cores)
// Env: BENCH_CLUSTERS (default 1000), BENCH_CONCURRENCY (default 50), BENCH_LATENCY_MS (default 50),
//      BENCH_TIMEOUT_MS (per-request timeout, default 5000),
//      BENCH_SECTIONS (default fleet,services,nodes: the sections to run, e.g. BENCH_SECTIONS=nodes).
// 1. A fleet of clusters behind 50 ms of latency, scanned with bounded concurrency; one of them
//    accepts connections and never answers.
// 2. Requests and response bytes of one scan of a 10-node cluster with 100 … 20,000 Services,
//    beside a naive collector that lists every Service and Deployment.
// 3. Requests and response bytes of one scan of clusters of 10 … 5,000 Nodes (Nodes as kubelets
//    register them, ~17 KB each with their image lists), with 100 and 10,000 Services, beside
//    what a list of the whole Node objects costs.
import https from 'node:https';
import { fork } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const { collectFromKubernetes } = require('@network-scorecard/node');
const {
  createTestCertificates,
  naiveCollect,
} = require('@internal/network-scorecard-test-utils');

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 5000);
const SECTIONS = new Set(
  (process.env.BENCH_SECTIONS ?? 'fleet,services,nodes')
    .split(',')
    .map(s => s.trim()),
);
const certificates = createTestCertificates('collector-bench-ca');
const serverScript = fileURLToPath(
  new URL('./collector-bench.server.mjs', import.meta.url),
);

/** Starts the API server in a child process; resolves with its connection settings. */
function apiServer(options) {
  const child = fork(serverScript, [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    // The node transform also reports the files it loads over IPC ({ type: 'watch' }).
    child.on(
      'message',
      info =>
        info && info.url && resolve({ ...info, stop: () => child.kill() }),
    );
    child.once('error', reject);
    child.send({ ...options, certificates });
  });
}

const kb = bytes => (bytes / 1024).toFixed(1);
const pad = (value, width) => String(value).padStart(width);

async function costPerScan() {
  console.log(
    '\n2. One scan of a 10-node cluster (requests / KB of responses)\n',
  );
  console.log(
    `${pad('Services', 9)} ${pad('collector', 16)} ${pad(
      'naive (list all)',
      20,
    )} ${pad('ratio req', 10)} ${pad('ratio bytes', 12)}`,
  );
  for (const services of [100, 1_000, 10_000, 20_000]) {
    const server = await apiServer({ nodes: 10, services, latencyMs: 0 });
    const connection = {
      name: `bench-${services}`,
      url: server.url,
      serviceAccountToken: server.token,
      caData: server.caData,
    };
    try {
      const scan = await collectFromKubernetes(connection, {
        timeoutMs: 60_000,
      });
      if (scan.errors.length)
        throw new Error(`scan failed: ${JSON.stringify(scan.errors)}`);
      if (scan.facts.services.value !== services)
        throw new Error(`counted ${scan.facts.services.value} Services`);
      const naive = await naiveCollect(connection);
      console.log(
        `${pad(services.toLocaleString('en'), 9)} ${pad(
          `${scan.stats.requests} / ${kb(scan.stats.bytes)}`,
          16,
        )} ${pad(`${naive.requests} / ${kb(naive.bytes)}`, 20)} ${pad(
          `${(naive.requests / scan.stats.requests).toFixed(1)}x`,
          10,
        )} ${pad(`${(naive.bytes / scan.stats.bytes).toFixed(1)}x`, 12)}`,
      );
    } finally {
      server.stop();
    }
  }
}

/** A server that accepts TCP connections and never answers (an unreachable API server behind a firewall). */
function blackhole() {
  const sockets = new Set();
  const server = createServer(socket => sockets.add(socket));
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `https://127.0.0.1:${server.address().port}`,
        stop: () => {
          sockets.forEach(s => s.destroy());
          server.close();
        },
      }),
    ),
  );
}

async function pool(items, size, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    }),
  );
  return results;
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function fleet() {
  console.log(
    `\n1. ${CLUSTERS.toLocaleString(
      'en',
    )} clusters, ${LATENCY_MS} ms latency per request, ${CONCURRENCY} scans at a time, per-request timeout ${TIMEOUT_MS} ms\n`,
  );
  const server = await apiServer({
    nodes: 10,
    services: 500,
    latencyMs: LATENCY_MS,
  });
  const dead = await blackhole();
  const unreachableAt = Math.floor(CLUSTERS / 2);
  const clusters = Array.from({ length: CLUSTERS }, (_, i) => ({
    name: `cluster-${String(i).padStart(4, '0')}`,
    url: i === unreachableAt ? dead.url : server.url,
    serviceAccountToken: server.token,
    caData: server.caData,
  }));
  const rssBefore = process.memoryUsage().rss;
  const started = Date.now();
  const results = await pool(clusters, CONCURRENCY, async connection => {
    const t0 = Date.now();
    const scan = await collectFromKubernetes(connection, {
      timeoutMs: TIMEOUT_MS,
    });
    return { name: connection.name, ms: Date.now() - t0, scan };
  });
  const wall = Date.now() - started;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  server.stop();
  dead.stop();

  const ok = results.filter(r => r.scan.errors.length === 0);
  const failed = results.filter(r => r.scan.errors.length > 0);
  const times = ok.map(r => r.ms).sort((a, b) => a - b);
  const requests = results.reduce((sum, r) => sum + r.scan.stats.requests, 0);
  const bytes = results.reduce((sum, r) => sum + r.scan.stats.bytes, 0);
  console.log(
    `wall time            ${(wall / 1000).toFixed(1)} s (${(
      CLUSTERS /
      (wall / 1000)
    ).toFixed(0)} clusters/s)`,
  );
  console.log(
    `peak RSS (collector) ${(peakRss / 1024 / 1024).toFixed(0)} MB (${(
      rssBefore /
      1024 /
      1024
    ).toFixed(0)} MB before the fleet scan)`,
  );
  console.log(
    `scans complete       ${
      ok.length
    } of ${CLUSTERS}; per scan p50 ${percentile(
      times,
      50,
    )} ms, p95 ${percentile(times, 95)} ms, max ${times[times.length - 1]} ms`,
  );
  console.log(
    `requests / bytes     ${requests.toLocaleString('en')} requests, ${(
      bytes /
      1024 /
      1024
    ).toFixed(1)} MB (${(requests / CLUSTERS).toFixed(1)} and ${kb(
      bytes / CLUSTERS,
    )} KB per scan)`,
  );
  for (const r of failed) {
    const reasons = [...new Set(r.scan.errors.map(e => e.reason))];
    console.log(
      `unreachable          ${r.name}: ${
        r.scan.errors.length
      } facts unknown after ${r.ms} ms (${reasons.join('; ')})`,
    );
  }
  if (failed.length !== 1 || failed[0].name !== clusters[unreachableAt].name) {
    throw new Error(
      `expected exactly the unreachable cluster to fail, got ${
        failed.map(r => r.name).join(', ') || 'none'
      }`,
    );
  }
}

/** Bytes and requests of listing every Node object, paged by 500 like the collector. */
async function wholeNodeList(server) {
  let requests = 0;
  let bytes = 0;
  let token;
  do {
    const query = new URLSearchParams({ limit: '500' });
    if (token) query.set('continue', token);
    const text = await new Promise((resolve, reject) => {
      https
        .get(
          `${server.url}/api/v1/nodes?${query}`,
          {
            ca: certificates.cert,
            headers: {
              Accept: 'application/json',
              Authorization: `Bearer ${server.token}`,
            },
          },
          res => {
            const chunks = [];
            res.on('data', c => chunks.push(c));
            res.on('end', () => resolve(Buffer.concat(chunks)));
          },
        )
        .on('error', reject);
    });
    requests += 1;
    bytes += text.length;
    token = JSON.parse(text.toString('utf8')).metadata?.continue;
  } while (token);
  return { requests, bytes };
}

const size = bytes =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MB`
    : `${kb(bytes)} KB`;
const NODE_BUDGET = 2 * 1024 * 1024;

async function nodeReads() {
  console.log(
    '\n3. One scan by number of Nodes (requests / bytes of responses)\n',
  );
  console.log(
    `${pad('Nodes', 6)} ${pad('collector, 100 Services', 25)} ${pad(
      'collector, 10,000 Services',
      28,
    )} ${pad('whole Node list', 20)} ${pad('ratio bytes', 12)}`,
  );
  const rows = [];
  for (const nodes of [10, 1_000, 5_000]) {
    const scans = [];
    let whole;
    for (const services of [100, 10_000]) {
      const server = await apiServer({ nodes, services, latencyMs: 0 });
      const connection = {
        name: `bench-nodes-${nodes}-${services}`,
        url: server.url,
        serviceAccountToken: server.token,
        caData: server.caData,
      };
      try {
        const scan = await collectFromKubernetes(connection, {
          timeoutMs: 60_000,
        });
        if (scan.errors.length)
          throw new Error(`scan failed: ${JSON.stringify(scan.errors)}`);
        if (scan.facts.nodes.value.total !== nodes)
          throw new Error(`counted ${scan.facts.nodes.value.total} Nodes`);
        scans.push(scan.stats);
        whole ??= await wholeNodeList(server);
      } finally {
        server.stop();
      }
    }
    const [few, many] = scans;
    console.log(
      `${pad(nodes.toLocaleString('en'), 6)} ${pad(
        `${few.requests} / ${size(few.bytes)}`,
        25,
      )} ${pad(`${many.requests} / ${size(many.bytes)}`, 28)} ${pad(
        `${whole.requests} / ${size(whole.bytes)}`,
        20,
      )} ${pad(`${(whole.bytes / few.bytes).toFixed(1)}x`, 12)}`,
    );
    rows.push({ nodes, few, many });
  }
  for (const { nodes, few, many } of rows) {
    if (few.requests !== many.requests)
      throw new Error(
        `${nodes} Nodes: ${few.requests} requests with 100 Services, ${many.requests} with 10,000`,
      );
  }
  const largest = rows[rows.length - 1];
  if (largest.many.bytes > NODE_BUDGET)
    throw new Error(
      `${largest.nodes} Nodes cost ${size(
        largest.many.bytes,
      )} a scan, over ${size(NODE_BUDGET)}`,
    );
}

const started = Date.now();
// The fleet first, so that its peak RSS is not the naive collector's 20,000-Service lists.
if (SECTIONS.has('fleet')) await fleet();
if (SECTIONS.has('services')) await costPerScan();
if (SECTIONS.has('nodes')) await nodeReads();
console.log(
  `\nbench finished in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
