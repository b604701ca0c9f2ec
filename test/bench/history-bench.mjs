#!/usr/bin/env node
// History benchmark (prints figures; exits 1 when a figure misses its target or a check fails).
//   node test/bench/history-bench.mjs        (from the repository root; a few minutes on 2 cores)
// Env: BENCH_HISTORY_CLUSTERS (default 1000, at least 3: shrink it for a quick run),
//      BENCH_HISTORY_REQUESTS (timed requests per route and database, default 60; a route
//      stops early, after at least 5, once its requests have taken BENCH_HISTORY_ROUTE_SECONDS,
//      default 30), BENCH_HISTORY_BYTES_SCANS (default 2000), BENCH_HISTORY_DATABASES (default
//      sqlite,pg), BENCH_HISTORY_KEEP=1 (keep the seeded databases, e.g. for EXPLAIN).
// SQLite (better-sqlite3, a temporary file) and PostgreSQL (`npm test`'s server, a fresh
// database of a random name, dropped at the end), side by side in one run:
// 1. Seeding: a year of history for 1,000 clusters, one of them scanned every 30 minutes
//    (17,520 scans), the rest daily (365 each); every cluster changes content twice (three
//    golden fact sets, evaluated by evaluateCluster), so history has real changes. Each
//    distinct content goes through the store's own insertScan; the other scan rows (and one
//    attempt row per scan) are bulk-inserted; then the seeded database is checked through
//    the store's latestPoints() and points(). PostgreSQL is then vacuumed and analysed, as
//    autovacuum keeps a year-old database. The bench's own connections commit without
//    waiting for the disk (SQLite synchronous=OFF, PostgreSQL synchronous_commit=off): the
//    same rows and bytes, sooner.
// 2. Latency through HTTP of the real backend (createBackend, the plugin, an in-memory catalog
//    of the 1,000 cluster Resources; one child process per database, with the defaults),
//    requests alternating between the databases, after warm-up and after the plugin's
//    retention task (a minute after start) has run: GET /clusters (p95 <= 50 ms), a year of
//    the 30-minute cluster's history (p95 <= 50 ms), GET /fleet/history for a year by week
//    (p95 <= 100 ms). The client asks for gzip and keeps its connection, as browsers do; a
//    figure is the time from the request to the response's last byte (the client's own
//    gunzipping and decoding of the body is timed apart and printed beside it). Each replica keeps the
//    serialised answers of the first two until the database says they changed, so these
//    are answered from what it kept; then the same two, each just after a write by the
//    backend itself (an attempt; a scan of that cluster), are made anew: the history then
//    asks for a range ending a millisecond later each time, as the Network tab asks for
//    one ending now (a kept history only holds for its own range).
// 3. Where the time goes: the store calls of those routes in this process, per SQL statement.
// 4. Database bytes per unchanged scan (<= 1 KB): insertScan of 2,000 scans with the content
//    of the cluster's newest scan, without and with the attempt row the scan service records
//    for each, sizes before and after, no VACUUM (SQLite: page_count * page_size, and dbstat
//    per table; PostgreSQL: pg_total_relation_size per table, i.e. heap, indexes and TOAST).
// BENCH_HISTORY_CPU_PROF=<dir>: each backend writes its V8 CPU profile there (where a route's time goes).
import { fork } from 'node:child_process';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ensurePostgres } from '../setup/ensure-services.mjs';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const backendSrc = resolve(root, 'plugins/network-scorecard-backend/src');
const { defaultRuleset, evaluateCluster } = require(resolve(
  root,
  'plugins/network-scorecard-common/src/index.ts',
));
const { DatabaseScanStore } = require(resolve(
  backendSrc,
  'database/DatabaseScanStore.ts',
));
const { contentHash, reportContent } = require(resolve(
  backendSrc,
  'database/scanPoint.ts',
));
const { scanColumns } = require(resolve(backendSrc, 'database/insertScan.ts'));
const { SCANS, REPORTS, CLUSTERS, ATTEMPTS, FLEET_BUCKETS } = require(resolve(
  backendSrc,
  'database/tables.ts',
));
const knexFactory = require('knex');

const CLUSTER_COUNT = Number(process.env.BENCH_HISTORY_CLUSTERS ?? 1000);
const REQUESTS = Number(process.env.BENCH_HISTORY_REQUESTS ?? 60);
const BYTES_SCANS = Number(process.env.BENCH_HISTORY_BYTES_SCANS ?? 2000);
const DATABASES = (process.env.BENCH_HISTORY_DATABASES ?? 'sqlite,pg')
  .split(',')
  .map(s => s.trim())
  .filter(Boolean);
if (!(CLUSTER_COUNT >= 3))
  throw new Error('BENCH_HISTORY_CLUSTERS: at least 3');
const WARMUP = 5;
const MIN_SAMPLES = 5;
const ROUTE_SECONDS = Number(process.env.BENCH_HISTORY_ROUTE_SECONDS ?? 30);
const TARGETS = { clusters: 50, history: 50, fleet: 100, bytes: 1024 };

const MINUTE = 60_000;
const HALF_HOUR = 30 * MINUTE;
const DAY = 24 * 60 * MINUTE;
const YEAR_DAYS = 365;
/** the newest scan of every cluster, a minute ago; history reaches back a year from here */
const END = Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE;
const FROM = new Date(END - YEAR_DAYS * DAY);
const iso = ms => new Date(ms).toISOString();

// Seeded, so every run measures the same fleet.
let randomState = 20261201;
function random() {
  randomState = (randomState + 0x6d2b79f5) | 0;
  let t = Math.imul(randomState ^ (randomState >>> 15), 1 | randomState);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

// Real collector output: the golden facts of the demo dumps and every variant.
const goldenDir = resolve(root, 'fixtures/golden');
const golden = readdirSync(goldenDir)
  .filter(f => f.endsWith('.json'))
  .sort()
  .map(f => JSON.parse(readFileSync(resolve(goldenDir, f), 'utf8')).facts);

/** A report as the scanner writes it (as src/__testUtils__/reports.ts builds them). */
function reportFor(cluster, scannedAtMs, facts) {
  const scannedAt = iso(scannedAtMs);
  return evaluateCluster(
    {
      cluster,
      source: 'kubernetes',
      scannedAt,
      facts,
      errors: [],
      context: {
        requirements: [],
        lifecycle: 'production',
        platformRefresh: null,
        catalogServiceCount: 3,
        now: scannedAt,
      },
    },
    defaultRuleset,
  );
}

/**
 * One cluster's year: `count` scans `step` apart ending at END (daily clusters a few
 * seconds to minutes apart, as one scan cycle reaches them), three contents, each from
 * the scan at `firsts[j]` on.
 */
function clusterPlan(c) {
  const halfHourly = c === 0;
  const count = halfHourly ? YEAR_DAYS * 48 : YEAR_DAYS;
  const step = halfHourly ? HALF_HOUR : DAY;
  const offset = halfHourly ? 0 : (c * 1777) % HALF_HOUR;
  const perDay = halfHourly ? 48 : 1;
  const changeDays = [
    0,
    90 + Math.floor(random() * 60),
    210 + Math.floor(random() * 60),
  ];
  const factSets = [];
  while (factSets.length < 3) {
    const i = Math.floor(random() * golden.length);
    if (!factSets.includes(i)) factSets.push(i);
  }
  const firsts = changeDays.map(d => d * perDay);
  return {
    name: `hist-${String(c).padStart(4, '0')}`,
    count,
    time: i => END - (count - 1 - i) * step - offset,
    firsts,
    contentOf: i => (i >= firsts[2] ? 2 : i >= firsts[1] ? 1 : 0),
    factSets,
    /** filled by seeding: what insertScan stored of each content */
    contents: [],
  };
}
const plans = Array.from({ length: CLUSTER_COUNT }, (_, c) => clusterPlan(c));
const halfHourly = plans[0];
const TOTAL_SCANS = plans.reduce((sum, p) => sum + p.count, 0);

const pad = (value, width) => String(value).padStart(width);
const padEnd = (value, width) => String(value).padEnd(width);
const seconds = ms => `${(ms / 1000).toFixed(1)} s`;
const percentile = (sorted, p) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
const fmtMs = ms => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const median = values =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const verdict = (value, target) => (value <= target ? 'PASS' : 'FAIL');
const failures = [];
function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

async function pool(items, size, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

// ---------------------------------------------------------------------------
// Databases

const tmp = mkdtempSync(join(tmpdir(), 'history-bench-'));
const postgresUrl = DATABASES.includes('pg') ? ensurePostgres() : undefined;
const pgPrefix = `hb_${randomBytes(4).toString('hex')}_`;
const PLUGIN_DB = 'network-scorecard';

const databases = {
  sqlite: {
    label: 'SQLite',
    /** backend.database: the plugin's file is <directory>/network-scorecard.sqlite */
    backendConfig: {
      client: 'better-sqlite3',
      connection: { directory: join(tmp, 'sqlite') },
    },
    knexConfig: () => ({
      client: 'better-sqlite3',
      connection: { filename: join(tmp, 'sqlite', `${PLUGIN_DB}.sqlite`) },
      useNullAsDefault: true,
    }),
    /** the bench's own connections do not wait for the disk at each commit (same bytes written) */
    afterCreate: (connection, done) => {
      connection.pragma('synchronous = OFF');
      done(null, connection);
    },
    /** insertScan calls at a time while seeding (SQLite has one connection) */
    seedConcurrency: 1,
  },
  pg: {
    label: 'PostgreSQL',
    /** backend.database: the plugin's database is `${prefix}network-scorecard` */
    backendConfig: { client: 'pg', connection: postgresUrl, prefix: pgPrefix },
    knexConfig: () => ({
      client: 'pg',
      connection: `${postgresUrl}/${pgPrefix}${PLUGIN_DB}`,
    }),
    afterCreate: (connection, done) =>
      connection.query('set synchronous_commit = off', error =>
        done(error, connection),
      ),
    seedConcurrency: 4,
  },
};

async function createDatabase(kind) {
  if (kind === 'sqlite') {
    mkdirSync(join(tmp, 'sqlite'), { recursive: true });
    return;
  }
  const admin = knexFactory({ client: 'pg', connection: postgresUrl });
  try {
    await admin.raw(`create database "${pgPrefix}${PLUGIN_DB}"`);
  } finally {
    await admin.destroy();
  }
}

async function dropDatabase(kind) {
  if (kind !== 'pg') return;
  const admin = knexFactory({ client: 'pg', connection: postgresUrl });
  try {
    await admin.raw(`drop database if exists "${pgPrefix}${PLUGIN_DB}"`);
  } finally {
    await admin.destroy();
  }
}

/** The store on the bench's own connection (the backends open theirs with the defaults). */
async function openStore(kind) {
  const db = knexFactory({
    ...databases[kind].knexConfig(),
    pool: { afterCreate: databases[kind].afterCreate },
  });
  const store = await DatabaseScanStore.create({
    database: { getClient: async () => db },
  });
  return { db, store };
}

const pgTypes = new Map();
async function pgColumnTypes(connection, table) {
  if (!pgTypes.has(table)) {
    const { rows } = await connection.query(
      'select column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = $1',
      [table],
    );
    pgTypes.set(table, new Map(rows.map(r => [r.column_name, r.udt_name])));
  }
  return pgTypes.get(table);
}

/**
 * Rows through the driver of the knex connection, with the values knex would bind: SQLite
 * one prepared insert in a transaction (values formatted by knex's better-sqlite3 client:
 * Date -> epoch ms, boolean -> 0/1), PostgreSQL one insert from unnest() of one array per
 * column (elements formatted by node-postgres, as knex's scalar bindings are).
 */
async function bulkInsert(kind, db, table, rows) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const connection = await db.client.acquireConnection();
  try {
    if (kind === 'sqlite') {
      const insert = connection.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns
          .map(() => '?')
          .join(', ')})`,
      );
      connection.transaction(() => {
        for (const row of rows)
          insert.run(db.client._formatBindings(columns.map(c => row[c])));
      })();
    } else {
      const types = await pgColumnTypes(connection, table);
      await connection.query(
        `insert into ${table} (${columns.join(
          ', ',
        )}) select * from unnest(${columns
          .map((c, i) => `$${i + 1}::${types.get(c)}[]`)
          .join(', ')})`,
        columns.map(c => rows.map(row => row[c])),
      );
    }
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/**
 * A year of history. The first scan of each distinct content goes through the store's
 * own insertScan, so report rows, items and cluster state are exactly what the plugin
 * writes. The other scans mirror insertScan for speed: the same compact row insertScan
 * writes (the same columns and values, pointing at the report_id of its content),
 * bulk-inserted; then network_scorecard_clusters.latest_scan_id/previous_scan_id are set
 * to the newest two scans by time, as insertScan leaves them. One attempt row per scan
 * (as the scan service records) and each cluster's newest attempt complete it.
 */
async function seedHistory(kind, db, store) {
  const started = Date.now();
  await pool(plans, databases[kind].seedConcurrency, async plan => {
    for (let j = 0; j < 3; j++) {
      const report = reportFor(
        plan.name,
        plan.time(plan.firsts[j]),
        golden[plan.factSets[j]],
      );
      const outcome = await store.insertScan(report);
      check(
        outcome.stored && outcome.reportStored && outcome.becameLatest,
        `insertScan of ${plan.name} content ${j}: ${JSON.stringify(outcome)}`,
      );
      plan.contents[j] = {
        hash: contentHash(reportContent(report)),
        row: scanColumns(report),
      };
    }
  });
  const throughStore = Date.now() - started;

  const reportIds = new Map(
    (await db(REPORTS).select('id', 'cluster', 'content_hash')).map(r => [
      `${r.cluster}\n${r.content_hash}`,
      r.id,
    ]),
  );
  let scans = [];
  let attempts = [];
  const flush = async () => {
    await bulkInsert(kind, db, SCANS, scans);
    await bulkInsert(kind, db, ATTEMPTS, attempts);
    scans = [];
    attempts = [];
  };
  for (const plan of plans) {
    const reportId = plan.contents.map(c =>
      reportIds.get(`${plan.name}\n${c.hash}`),
    );
    check(
      reportId.every(id => id !== undefined),
      `report rows of ${plan.name}`,
    );
    for (let i = 0; i < plan.count; i++) {
      const at = plan.time(i);
      attempts.push({
        cluster: plan.name,
        attempted_at: new Date(at + 2_000),
        ok: true,
        message: null,
      });
      if (plan.firsts.includes(i)) continue; // stored by insertScan
      const j = plan.contentOf(i);
      scans.push({
        cluster: plan.name,
        scanned_at: new Date(at),
        ...plan.contents[j].row,
        report_id: reportId[j],
      });
    }
    if (scans.length >= 20_000) await flush();
  }
  await flush();
  await db.transaction(async tx => {
    const newest = offset =>
      tx.raw(
        `(select s.id from ${SCANS} s where s.cluster = ${CLUSTERS}.cluster order by s.scanned_at desc, s.id desc limit 1 offset ${offset})`,
      );
    for (const plan of plans) {
      await tx(CLUSTERS)
        .where({ cluster: plan.name })
        .update({
          latest_scan_id: newest(0),
          previous_scan_id: newest(1),
          attempted_at: new Date(plan.time(plan.count - 1) + 2_000),
          attempt_ok: true,
          attempt_message: null,
        });
    }
  });
  const total = Date.now() - started;
  return { throughStore, bulk: total - throughStore, total };
}

/** The bench measures the database it means to: the store must read back what was seeded. */
async function verifySeed(db, store) {
  const { n } = await db(SCANS).count({ n: '*' }).first();
  check(Number(n) === TOTAL_SCANS, `${n} scan rows, expected ${TOTAL_SCANS}`);
  // a bulk row reads back exactly as the insertScan row of the same content
  const columns = [
    'cluster',
    'source',
    'status',
    'score',
    'grade',
    'coverage',
    'ruleset_version',
    'report_id',
  ];
  const [viaStore, viaBulk] = await db(SCANS)
    .where({ cluster: halfHourly.name })
    .whereIn('scanned_at', [
      new Date(halfHourly.time(0)),
      new Date(halfHourly.time(1)),
    ])
    .orderBy('scanned_at')
    .select([...columns, 'scanned_at']);
  check(
    viaStore &&
      viaBulk &&
      columns.every(c => viaStore[c] === viaBulk[c]) &&
      typeof viaStore.scanned_at === typeof viaBulk.scanned_at,
    `bulk row ${JSON.stringify(
      viaBulk,
    )} differs from insertScan's ${JSON.stringify(viaStore)}`,
  );
  const latest = await store.latestPoints();
  check(
    latest.size === CLUSTER_COUNT,
    `latestPoints() has ${latest.size} clusters`,
  );
  for (const plan of plans) {
    const entry = latest.get(plan.name);
    check(
      entry?.latest.scannedAt === iso(plan.time(plan.count - 1)) &&
        entry.previous?.scannedAt === iso(plan.time(plan.count - 2)) &&
        entry.latest.contentHash === plan.contents[2].hash,
      `latestPoints() of ${plan.name}: ${JSON.stringify({
        latest: entry?.latest.scannedAt,
        previous: entry?.previous?.scannedAt,
      })}`,
    );
  }
  for (const plan of [halfHourly, plans[1]]) {
    const points = await store.points(plan.name, {
      from: FROM,
      to: new Date(END),
    });
    const changes = points.filter(
      (p, i) => i > 0 && p.contentHash !== points[i - 1].contentHash,
    ).length;
    check(
      points.length === plan.count &&
        points[0].scannedAt === iso(plan.time(0)) &&
        points[points.length - 1].scannedAt ===
          iso(plan.time(plan.count - 1)) &&
        changes === 2,
      `points() of ${plan.name}: ${points.length} points, ${changes} changes`,
    );
  }
}

// ---------------------------------------------------------------------------
// Sizes

/** Bytes of the database and of each plugin table (with its indexes). */
async function sizes(kind, db) {
  const tables = {};
  if (kind === 'sqlite') {
    const [{ page_count }] = await db.raw('pragma page_count');
    const [{ page_size }] = await db.raw('pragma page_size');
    const rows = await db.raw(
      `select m.tbl_name as tbl, sum(s.pgsize) as bytes from dbstat s
       join sqlite_schema m on m.name = s.name group by m.tbl_name`,
    );
    for (const r of rows)
      if (r.tbl.startsWith('network_scorecard_'))
        tables[r.tbl] = { total: Number(r.bytes) };
    return {
      database: page_count * page_size,
      plugin: Object.values(tables).reduce((sum, t) => sum + t.total, 0),
      tables,
    };
  }
  const { rows } = await db.raw(
    `select c.relname as tbl, pg_total_relation_size(c.oid) as total,
            pg_relation_size(c.oid) as heap, pg_indexes_size(c.oid) as indexes
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind = 'r'
       and c.relname like 'network\\_scorecard\\_%'`,
  );
  for (const r of rows)
    tables[r.tbl] = {
      total: Number(r.total),
      heap: Number(r.heap),
      indexes: Number(r.indexes),
    };
  const {
    rows: [{ bytes }],
  } = await db.raw('select pg_database_size(current_database()) as bytes');
  return {
    database: Number(bytes),
    plugin: Object.values(tables).reduce((sum, t) => sum + t.total, 0),
    tables,
  };
}

const mb = bytes => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// ---------------------------------------------------------------------------
// The backend

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

function catalogEntities() {
  return [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-platform', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
    ...plans.map((plan, c) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: plan.name,
        namespace: 'default',
        title: `${plan.name} (bench)`,
        annotations: { 'backstage.io/kubernetes-id': plan.name },
      },
      spec: {
        type: 'kubernetes-cluster',
        lifecycle: c % 5 === 0 ? 'staging' : 'production',
        owner: 'group:default/team-platform',
      },
    })),
  ];
}

async function startBackend(kind) {
  const port = await freePort();
  const config = {
    backend: {
      baseUrl: `http://localhost:${port}`,
      listen: { port, host: '127.0.0.1' },
      database: databases[kind].backendConfig,
      // plain HTTP requests reach the routes (no token), and every permission is allowed
      auth: { dangerouslyDisableDefaultAuthPolicy: true },
    },
    permission: { enabled: false },
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: plans.map(plan => ({
            name: plan.name,
            url: `https://${plan.name}.k8s.example.com`,
            authProvider: 'serviceAccount',
            serviceAccountToken: 'never-sent',
          })),
        },
      ],
    },
    networkScorecard: {
      // nothing is scanned while the bench runs
      schedule: {
        frequency: { hours: 24 },
        timeout: { minutes: 1 },
        initialDelay: { hours: 24 },
      },
      notifications: { enabled: false },
    },
  };
  const configFile = join(tmp, `app-config.${kind}.json`);
  writeFileSync(configFile, JSON.stringify(config));
  const entitiesFile = join(tmp, 'entities.json');
  writeFileSync(entitiesFile, JSON.stringify(catalogEntities()));
  const child = fork(
    resolve(here, 'history-bench.backend.mjs'),
    ['--config', configFile],
    {
      env: {
        ...process.env,
        HISTORY_BENCH_ENTITIES: entitiesFile,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      execArgv: process.env.BENCH_HISTORY_CPU_PROF
        ? [
            ...process.execArgv,
            '--cpu-prof',
            `--cpu-prof-dir=${process.env.BENCH_HISTORY_CPU_PROF}`,
          ]
        : process.execArgv,
      // the backend finds its root (and its config loader the schemas) from here
      cwd: root,
    },
  );
  const backend = {
    kind,
    url: `http://127.0.0.1:${port}/api/network-scorecard`,
    child,
    startedAt: 0,
    /** when the plugin's retention task finished (it starts a minute after the backend, then daily) */
    retention: [],
    log: [],
  };
  let retentionRan;
  backend.retentionRan = new Promise(ok => (retentionRan = ok));
  const onLine = line => {
    if (!line.trim()) return;
    backend.log.push(line);
    const at = Date.now() - backend.startedAt;
    // one run may log more than one line
    if (
      /retention deleted/.test(line) &&
      !backend.retention.some(t => at - t < 5_000)
    ) {
      backend.retention.push(at);
      retentionRan();
    }
    if (/\b(warn|error)\b/i.test(line) && !/Loading config/.test(line))
      process.stderr.write(`[${kind} backend] ${line}\n`);
  };
  let rest = '';
  child.stdout.on('data', chunk => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    lines.forEach(onLine);
  });
  child.stderr.on('data', chunk =>
    process.stderr.write(`[${kind} backend] ${chunk}`),
  );
  await new Promise((ok, fail) => {
    // the node transform also talks over IPC ({ type: 'watch' })
    child.on('message', m => m && m.started && ok());
    child.once('exit', code =>
      fail(new Error(`${kind} backend exited with ${code}`)),
    );
  });
  backend.startedAt = Date.now();
  let writes = 0;
  const pending = new Map();
  child.on('message', m => {
    if (!m || m.wrote === undefined) return;
    const { ok, fail } = pending.get(m.wrote);
    pending.delete(m.wrote);
    if (m.error) fail(new Error(`${kind} backend write: ${m.error}`));
    else ok();
  });
  /** a store write made by the backend itself, as its scans write */
  backend.writer = {
    scans: 0,
    fleetScans: 0,
    write: (method, ...args) =>
      new Promise((ok, fail) => {
        const id = ++writes;
        pending.set(id, { ok, fail });
        child.send({ write: { id, method, args } });
      }),
  };
  backend.stop = () =>
    new Promise(ok => {
      if (child.exitCode !== null) return ok();
      child.once('exit', ok);
      child.send('stop');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return backend;
}

// One connection kept, as a browser keeps it to its backend.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One GET as a browser asks (gzip accepted, the connection kept alive). `ms` is
 * the route's time as HTTP load tools take it: from the request to the last
 * byte of the response. Gunzipping and decoding the body in this process is
 * timed apart (`decodeMs`): it is the client's work, and on this 2-core machine
 * it was more than half of what fetch() + text() measured (717 KB of JSON).
 */
function get(url) {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    http
      .get(url, { agent, headers: { 'accept-encoding': 'gzip' } }, res => {
        const chunks = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          const ms = performance.now() - t0;
          const body = Buffer.concat(chunks);
          const text = (
            res.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body
          ).toString('utf8');
          const decodeMs = performance.now() - t0 - ms;
          if (res.statusCode !== 200)
            fail(new Error(`GET ${url}: ${res.statusCode} ${text}`));
          else ok({ ms, decodeMs, text });
        });
      })
      .on('error', fail);
  });
}

const historyPath = `/clusters/${
  halfHourly.name
}/history?from=${FROM.toISOString()}&to=${iso(END)}`;
// As the Network tab asks: a range ending "now", so each request is another
// range (to moves by a millisecond; the scans written after END stay outside it).
let historyAsked = 0;
const historyPathNow = () =>
  `/clusters/${halfHourly.name}/history?from=${FROM.toISOString()}&to=${iso(
    END + ++historyAsked,
  )}`;
const pathOf = route =>
  typeof route.path === 'function' ? route.path() : route.path;
const fleetPath = `/fleet/history?from=${FROM.toISOString()}&to=${iso(
  END,
)}&bucket=week`;
const routes = [
  {
    id: 'clusters',
    label: 'GET /clusters',
    path: '/clusters',
    target: TARGETS.clusters,
    check: body => {
      check(
        body.items.length === CLUSTER_COUNT,
        `/clusters has ${body.items.length} rows`,
      );
      const scanned = body.items.filter(r => r.lastScan).length;
      check(scanned === CLUSTER_COUNT, `/clusters: ${scanned} rows scanned`);
      return `${body.items.length} rows`;
    },
  },
  {
    id: 'history',
    label: `GET /clusters/${halfHourly.name}/history (a year)`,
    path: historyPath,
    target: TARGETS.history,
    check: body => {
      check(
        body.total === halfHourly.count && body.items.length <= 500,
        `history: total ${body.total}, ${body.items.length} items`,
      );
      return `total ${body.total}, ${body.items.length} items`;
    },
  },
  {
    id: 'fleet',
    label: 'GET /fleet/history (a year by week)',
    path: fleetPath,
    target: TARGETS.fleet,
    check: body => {
      const counts = body.buckets.map(b => b.clusters);
      const inner = counts.slice(1, -1);
      check(
        counts.length >= 52 &&
          counts.length <= 54 &&
          inner.every(n => n === CLUSTER_COUNT),
        `fleet history: ${counts.length} buckets of ${counts.join(',')}`,
      );
      return `${counts.length} buckets, ${Math.min(
        ...inner,
      )} clusters in every full week (first ${counts[0]}, last ${
        counts[counts.length - 1]
      })`;
    },
  },
  // Made anew: the replica keeps each answer until the database says it changed, so the
  // routes above are answered from what it kept (nothing is written while they run). A
  // fleet of 1,000 clusters scanned every 30 minutes stores an attempt every ~2 s, so most
  // page loads come after a write: each request below follows one, made by the backend
  // itself as its scans make them (history-bench.backend.mjs), outside the timing.
  {
    id: 'clustersAnew',
    label: 'GET /clusters, just after a scan',
    path: '/clusters',
    target: TARGETS.clusters,
    afterWrite: true,
    // a scan as the scan service stores it: the report (the newest content again, a
    // minute apart after END), then the attempt
    write: async writer => {
      const at = END + ++writer.fleetScans * MINUTE;
      // a daily cluster (the fourth, or the last of a smaller fleet)
      const plan = plans[Math.min(3, plans.length - 1)];
      await writer.write(
        'insertScan',
        reportFor(plan.name, at, golden[plan.factSets[2]]),
      );
      await writer.write('recordAttempt', {
        cluster: plan.name,
        at: iso(at + 2_000),
        ok: true,
        message: null,
      });
    },
    check: body => `${body.items.length} rows`,
  },
  {
    id: 'historyAnew',
    label: `GET …/${halfHourly.name}/history, just after a scan`,
    path: historyPathNow,
    target: TARGETS.history,
    afterWrite: true,
    // the cluster's newest content again, a minute apart after END: outside the range,
    // which is a new one each time (as the tab's range ending now), so never kept
    write: writer =>
      writer.write(
        'insertScan',
        reportFor(
          halfHourly.name,
          END + ++writer.scans * MINUTE,
          golden[halfHourly.factSets[2]],
        ),
      ),
    check: body => `total ${body.total}, ${body.items.length} items`,
  },
];

async function latencies(backends) {
  const samples = new Map(); // `${kind} ${route}` -> ms[]
  const decodes = new Map(); // the same, the client's decoding of each
  const notes = new Map();
  for (const route of routes) {
    for (const backend of backends) {
      let last;
      const warmupStarted = Date.now();
      for (let i = 0; i < WARMUP; i++) {
        last = await get(backend.url + pathOf(route));
        if (Date.now() - warmupStarted > 10_000) break;
      }
      const note = route.check(JSON.parse(last.text));
      notes.set(
        `${backend.kind} ${route.id}`,
        `${note}; ${(last.text.length / 1024).toFixed(0)} KB`,
      );
      samples.set(`${backend.kind} ${route.id}`, []);
      decodes.set(`${backend.kind} ${route.id}`, []);
    }
  }
  // The retention task (daily, first a minute after start) reads every scan: let it run
  // before the timed requests rather than among them.
  const waitStarted = Date.now();
  const waited = await Promise.race([
    Promise.all(backends.map(b => b.retentionRan)).then(() => true),
    new Promise(ok => setTimeout(() => ok(false), 180_000)),
  ]);
  const wait = { ms: Date.now() - waitStarted, ran: waited };
  const started = Date.now();
  for (const b of backends) b.timedFrom = started - b.startedAt;
  // A route far over its target would take many minutes: it stops after ROUTE_SECONDS
  // of its own requests, with at least MIN_SAMPLES per database.
  const spent = new Map(routes.map(r => [r.id, 0]));
  // the routes after a write last: a write makes every answer anew once
  for (const afterWrite of [false, true]) {
    for (let round = 0; round < REQUESTS; round++) {
      // alternate which database goes first, so neither always follows the other
      const order = round % 2 ? [...backends].reverse() : backends;
      for (const route of routes) {
        if (Boolean(route.afterWrite) !== afterWrite) continue;
        if (round >= MIN_SAMPLES && spent.get(route.id) > ROUTE_SECONDS * 1000)
          continue;
        for (const backend of order) {
          if (route.write) await route.write(backend.writer);
          const { ms, decodeMs } = await get(backend.url + pathOf(route));
          samples.get(`${backend.kind} ${route.id}`).push(ms);
          decodes.get(`${backend.kind} ${route.id}`).push(decodeMs);
          spent.set(route.id, spent.get(route.id) + ms);
        }
      }
    }
  }
  return { samples, decodes, notes, wait, ms: Date.now() - started };
}

// ---------------------------------------------------------------------------
// Store calls, timed per SQL statement

function statementTimer(db) {
  const open = new Map();
  let run = null; // Map sql -> ms[] of the current run
  db.on('query', q => open.set(q.__knexQueryUid, performance.now()));
  db.on('query-response', (_r, q) => {
    const t0 = open.get(q.__knexQueryUid);
    open.delete(q.__knexQueryUid);
    if (!run || t0 === undefined) return;
    const sql = q.sql.replace(/\s+/g, ' ');
    run.set(sql, [...(run.get(sql) ?? []), performance.now() - t0]);
  });
  /** `call` up to `runs` times (at least 3, at most ~10 s of them), after one warm-up */
  return async (runs, call) => {
    await call();
    const totals = [];
    const outside = [];
    const bySql = new Map();
    const started = Date.now();
    for (let i = 0; i < runs; i++) {
      if (i >= 3 && Date.now() - started > 10_000) break;
      run = new Map();
      const t0 = performance.now();
      await call();
      const total = performance.now() - t0;
      totals.push(total);
      let inSql = 0;
      for (const [sql, ms] of run) {
        bySql.set(sql, [...(bySql.get(sql) ?? []), ...ms]);
        inSql += ms.reduce((a, b) => a + b, 0);
      }
      outside.push(total - inSql);
      run = null;
    }
    const statements = [...bySql].map(([sql, ms]) => ({
      sql,
      median: median(ms),
      count: ms.length / totals.length,
    }));
    return {
      runs: totals.length,
      median: median(totals),
      outside: median(outside),
      statements,
    };
  };
}

/** The head and the tail of a statement: enough to tell them apart. */
const shortSql = sql =>
  sql.length > 200 ? `${sql.slice(0, 110)} … ${sql.slice(-85)}` : sql;

const storeCalls = [
  {
    id: 'clustersVersion',
    label: 'fleetState().version: is the kept /clusters current?',
  },
  {
    id: 'historyVersion',
    label: `historyHead(${halfHourly.name}, a year): the kept history's version`,
  },
  { id: 'clusters', label: 'latestPoints() + latestAttempts()' },
  {
    id: 'history',
    label: `historyHead + history(${halfHourly.name}, a year, 500)`,
  },
  { id: 'fleet', label: 'fleetHistory(a year, week)' },
  {
    id: 'fleetUncounted',
    label: 'fleetHistory, nothing kept yet',
  },
];

async function timeStore(db, store) {
  const timer = statementTimer(db);
  const calls = {
    clustersVersion: async () => (await store.fleetState(new Date())).version,
    historyVersion: () =>
      store.historyHead(halfHourly.name, { from: FROM, to: new Date(END) }),
    clusters: () =>
      Promise.all([
        store.latestPoints(),
        store.latestAttempts(),
        store.allActiveAcknowledgements(new Date()),
      ]),
    // a miss, as the route makes it: from the head it has just read
    history: async () => {
      const range = { from: FROM, to: new Date(END) };
      return store.history(
        halfHourly.name,
        range,
        500,
        await store.historyHead(halfHourly.name, range),
      );
    },
    fleet: () =>
      store.fleetHistory({ from: FROM, to: new Date(END), bucket: 'week' }),
    // what the first request pays, or one after every bucket changed
    fleetUncounted: async () => {
      await db(FLEET_BUCKETS).delete();
      return store.fleetHistory({
        from: FROM,
        to: new Date(END),
        bucket: 'week',
      });
    },
  };
  const result = {};
  for (const { id } of storeCalls) result[id] = await timer(10, calls[id]);
  return result;
}

// ---------------------------------------------------------------------------
// Bytes per unchanged scan

/** insertScan of BYTES_SCANS scans with the content of the cluster's newest scan, every 30 minutes after it. */
async function unchangedScans(kind, db, store, plan, withAttempts) {
  const before = await sizes(kind, db);
  const facts = golden[plan.factSets[2]];
  for (let i = 1; i <= BYTES_SCANS; i++) {
    const at = END + i * HALF_HOUR;
    const outcome = await store.insertScan(reportFor(plan.name, at, facts));
    check(
      outcome.stored && !outcome.reportStored && outcome.becameLatest,
      `unchanged scan of ${plan.name}: ${JSON.stringify(outcome)}`,
    );
    if (withAttempts)
      await store.recordAttempt({
        cluster: plan.name,
        at: iso(at + 2_000),
        ok: true,
        message: null,
      });
  }
  const after = await sizes(kind, db);
  const tables = {};
  for (const [name, t] of Object.entries(after.tables)) {
    const delta = t.total - (before.tables[name]?.total ?? 0);
    if (delta !== 0) tables[name] = delta / BYTES_SCANS;
  }
  const result = {
    database: (after.database - before.database) / BYTES_SCANS,
    plugin: Object.values(tables).reduce((s, b) => s + b, 0) || 0,
    tables,
  };
  if (kind === 'pg') {
    const {
      rows: [row],
    } = await db.raw(
      `select (select avg(pg_column_size(s.*)) from ${SCANS} s where s.cluster = ?) as scan,
              (select avg(pg_column_size(a.*)) from ${ATTEMPTS} a where a.cluster = ?) as attempt`,
      [plan.name, plan.name],
    );
    result.rowBytes = {
      scan: Number(row.scan),
      attempt: row.attempt === null ? null : Number(row.attempt),
    };
  }
  return result;
}

// ---------------------------------------------------------------------------
// The run

const started = Date.now();
const backends = [];
const created = [];
const results = {};
try {
  console.log(
    `\n1. Seeding: ${CLUSTER_COUNT.toLocaleString(
      'en',
    )} clusters, a year each: ${
      halfHourly.name
    } every 30 minutes (${halfHourly.count.toLocaleString(
      'en',
    )} scans), the rest daily (${YEAR_DAYS}); three contents per cluster; ${TOTAL_SCANS.toLocaleString(
      'en',
    )} scans and as many attempts\n`,
  );
  console.log(
    `${padEnd('database', 12)} ${pad('insertScan (3/cluster)', 23)} ${pad(
      'bulk rows',
      10,
    )} ${pad('total', 8)} ${pad('plugin tables', 14)} ${pad('database', 10)}`,
  );
  for (const kind of DATABASES) {
    await createDatabase(kind);
    created.push(kind);
    const { db, store } = await openStore(kind);
    try {
      const seeded = await seedHistory(kind, db, store);
      // A year-old PostgreSQL database has been vacuumed and analysed by autovacuum; a
      // fresh bulk load has neither, and autovacuum would do it in the middle of the bench.
      // (SQLite: nothing, as the plugin never runs ANALYZE.)
      if (kind === 'pg') await db.raw('vacuum analyze');
      await verifySeed(db, store);
      const size = await sizes(kind, db);
      results[kind] = { seeded, size };
      console.log(
        `${padEnd(databases[kind].label, 12)} ${pad(
          seconds(seeded.throughStore),
          23,
        )} ${pad(seconds(seeded.bulk), 10)} ${pad(
          seconds(seeded.total),
          8,
        )} ${pad(mb(size.plugin), 14)} ${pad(mb(size.database), 10)}`,
      );
    } finally {
      await db.destroy();
    }
  }
  console.log(
    `checked: latestPoints() has ${CLUSTER_COUNT} clusters with the seeded newest and previous scan; points() returns every seeded scan of ${halfHourly.name} and ${plans[1].name}, with their 2 changes`,
  );

  console.log(
    `\n2. Latency through HTTP (createBackend, one process per database; ${WARMUP} warm-up and ${REQUESTS} timed requests per route and database, alternating)\n`,
  );
  const startedBackends = Date.now();
  backends.push(...(await Promise.all(DATABASES.map(startBackend))));
  console.log(`backends started in ${seconds(Date.now() - startedBackends)}`);
  const loadBefore = loadavg()[0];
  const { samples, decodes, notes, wait, ms } = await latencies(backends);
  const loadAfter = loadavg()[0];
  console.log(
    `${
      wait.ran
        ? `waited ${seconds(wait.ms)} after warm-up for the retention task`
        : `the retention task did not report within ${seconds(wait.ms)}`
    } (${backends
      .map(
        b =>
          `${databases[b.kind].label}: finished ${
            b.retention.length ? seconds(b.retention[0]) : '—'
          } after start`,
      )
      .join(', ')}); timed requests took ${seconds(
      ms,
    )}; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(
      1,
    )} after (${cpus().length} cores)\n`,
  );
  console.log(
    `${padEnd('route', 46)} ${padEnd('database', 11)} ${pad('p50', 7)} ${pad(
      'p95',
      7,
    )} ${pad('max', 7)} ${pad('n', 3)} ${pad('target', 8)}  result  response`,
  );
  for (const route of routes) {
    for (const { kind } of backends) {
      const sorted = [...samples.get(`${kind} ${route.id}`)].sort(
        (a, b) => a - b,
      );
      const p95 = percentile(sorted, 95);
      const result = verdict(p95, route.target);
      if (result === 'FAIL')
        failures.push(`${route.label} on ${databases[kind].label}`);
      console.log(
        `${padEnd(route.label, 46)} ${padEnd(databases[kind].label, 11)} ${pad(
          fmtMs(percentile(sorted, 50)),
          7,
        )} ${pad(fmtMs(p95), 7)} ${pad(
          fmtMs(sorted[sorted.length - 1]),
          7,
        )} ${pad(sorted.length, 3)} ${pad(`p95≤${route.target}`, 8)}  ${padEnd(
          result,
          6,
        )}  ${notes.get(`${kind} ${route.id}`)}; client decodes it in ${fmtMs(
          median(decodes.get(`${kind} ${route.id}`)),
        )} (p50)`,
      );
    }
  }
  console.log(
    '(ms: request to the last byte of the response, gzip accepted as browsers do; the client gunzipping and decoding the body is not in the figure, its p50 is printed beside it)',
  );
  for (const backend of backends) {
    const during = backend.retention.filter(t => t > backend.timedFrom);
    if (during.length)
      console.log(
        `note: the ${
          databases[backend.kind].label
        } backend's retention task ran among the timed requests`,
      );
  }
  await Promise.all(backends.map(b => b.stop()));
  backends.length = 0;

  console.log(
    '\n3. Where the time goes: the store calls of those routes in this process (median of up to 10 runs, ms; then each SQL statement)\n',
  );
  const storeStarted = Date.now();
  const opened = {};
  for (const kind of DATABASES) opened[kind] = await openStore(kind);
  const timings = {};
  for (const kind of DATABASES)
    timings[kind] = await timeStore(opened[kind].db, opened[kind].store);
  for (const { id, label } of storeCalls) {
    for (const kind of DATABASES) {
      const t = timings[kind][id];
      console.log(
        `${padEnd(label, 46)} ${padEnd(databases[kind].label, 11)} ${pad(
          fmtMs(t.median),
          7,
        )}  (${t.runs} runs)`,
      );
      for (const s of t.statements)
        console.log(
          `    ${pad(fmtMs(s.median), 7)}${
            s.count === 1 ? '' : ` x${s.count}`
          }  ${shortSql(s.sql)}`,
        );
      if (id !== 'clusters')
        console.log(
          `    ${pad(
            fmtMs(t.outside),
            7,
          )}  outside SQL: the store's JavaScript (rows to points, JSON.parse)`,
        );
    }
  }

  console.log(`(took ${seconds(Date.now() - storeStarted)})`);

  const bytesStarted = Date.now();
  console.log(
    `\n4. Database bytes per unchanged scan: insertScan of ${BYTES_SCANS.toLocaleString(
      'en',
    )} scans with the content of the cluster's newest scan, 30 minutes apart (no VACUUM in between)\n`,
  );
  const bytes = {};
  for (const kind of DATABASES) {
    const { db, store } = opened[kind];
    bytes[kind] = {
      scan: await unchangedScans(kind, db, store, plans[1], false),
      withAttempt: await unchangedScans(kind, db, store, plans[2], true),
    };
  }
  const perTable = t =>
    Object.entries(t)
      .sort((a, b) => b[1] - a[1])
      .map(
        ([name, b]) =>
          `${name.replace('network_scorecard_', '')} ${b.toFixed(0)}`,
      )
      .join(', ');
  console.log(
    `${padEnd('database', 11)} ${padEnd('per scan', 22)} ${pad(
      'plugin tables',
      14,
    )} ${pad('database', 9)} ${pad('target', 7)}  result  by table`,
  );
  for (const kind of DATABASES) {
    for (const [which, label] of [
      ['scan', 'scan only'],
      ['withAttempt', 'scan + attempt row'],
    ]) {
      const b = bytes[kind][which];
      const result = verdict(b.plugin, TARGETS.bytes);
      if (result === 'FAIL')
        failures.push(`bytes per ${label} on ${databases[kind].label}`);
      console.log(
        `${padEnd(databases[kind].label, 11)} ${padEnd(label, 22)} ${pad(
          `${b.plugin.toFixed(0)} B`,
          14,
        )} ${pad(`${b.database.toFixed(0)} B`, 9)} ${pad('≤1024', 7)}  ${padEnd(
          result,
          6,
        )}  ${perTable(b.tables)}`,
      );
    }
  }
  if (DATABASES.includes('pg')) {
    const { scan, withAttempt } = bytes.pg;
    console.log(
      `PostgreSQL rows (avg pg_column_size, tuple header included, line pointer not): scan ${scan.rowBytes.scan.toFixed(
        0,
      )} B, attempt ${withAttempt.rowBytes.attempt.toFixed(0)} B`,
    );
  }
  console.log(
    'plugin tables: SQLite dbstat pages of the network_scorecard_* tables and their indexes; PostgreSQL pg_total_relation_size (heap, indexes, TOAST, free-space and visibility maps); database: SQLite page_count * page_size, PostgreSQL pg_database_size',
  );
  console.log(`(took ${seconds(Date.now() - bytesStarted)})`);
  for (const kind of DATABASES) await opened[kind].db.destroy();
} catch (error) {
  // a failed bulk insert's message holds the whole statement
  const message = String(error?.stack ?? error);
  console.error(
    message.length > 3000 ? `${message.slice(0, 3000)} …` : message,
  );
  process.exitCode = 1;
} finally {
  await Promise.all(backends.map(b => b.stop()));
  if (process.env.BENCH_HISTORY_KEEP === '1') {
    console.log(
      `\nkept: ${created
        .map(kind => JSON.stringify(databases[kind].knexConfig().connection))
        .join(', ')}`,
    );
  } else {
    for (const kind of created) await dropDatabase(kind);
    rmSync(tmp, { recursive: true, force: true });
  }
}

console.log(
  `\nbench finished in ${seconds(Date.now() - started)}${
    failures.length ? `; missed: ${failures.join('; ')}` : ''
  }`,
);
process.exit(failures.length || process.exitCode ? 1 : 0);
