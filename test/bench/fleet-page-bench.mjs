#!/usr/bin/env node
// Fleet page benchmark (prints figures; exits 1 when a figure misses its target or a step fails).
//   node test/bench/fleet-page-bench.mjs     (from the repository root; 6-10 minutes on 2 cores)
// What it starts, as a user runs it: the classic app (packages/app) built with
// `backstage-cli package build`, and the demo backend (packages/backend, `backstage-cli package
// start`), which serves that build at http://localhost:7007, both with app-config.yaml,
// test/e2e/app-config.e2e.yaml and a bench config written to a temporary folder: a catalog file
// of BENCH_FLEET_CLUSTERS cluster Resources (owners spread over the demo groups, four
// lifecycles), as many snapshot clusters whose dumps are copies of the demo dumps in
// examples/clusters/ (so grades vary), and a SQLite file there. Once the catalog holds every
// cluster, each is scanned through `POST /clusters/:name/scan` (4 at a time) and the bench waits
// until `GET /clusters` lists every cluster scanned (both times printed). :7007 must be free
// (the app's baseUrl names it): the bench stops with a message if it is taken.
// What it measures, in Debian's headless Chromium (playwright-core, the e2e's launch flags,
// 1440x1000, signed in as guest once by the e2e's fleet page check, which is also the warm-up
// load and checks grades against the API), on the browser's own clock:
// 1. Time until the table is interactive: BENCH_FLEET_LOADS (default 7) loads of
//    /network-scorecard, from navigation start until the first page of rows (20, the fleet
//    table's page, as the catalog's) is rendered,
//    the last with its link, the search box is enabled, and the main thread runs the next task
//    (target: max <= 1,500 ms; p50 and max printed).
// 2. A filter change: BENCH_FLEET_CHANGES (default 15) changes alternating a search ("calico")
//    typed into the search box and a grade picked in the grade filter, each from the unfiltered
//    table, from the input/click event until the table shows exactly the filtered rows and that
//    frame is painted; and the "Clear filters" clicks back to the whole fleet between them
//    (target: p95 <= 100 ms for each; p50 and p95 printed).
// Env: BENCH_FLEET_CLUSTERS (default 1000; e.g. 50 for a quick run), BENCH_FLEET_LOADS,
//      BENCH_FLEET_CHANGES, BENCH_FLEET_BUILD=0 (reuse packages/app/dist from an earlier build
//      with the same configs), BENCH_FLEET_KEEP=1 (keep the temporary folder),
//      BENCH_FLEET_DIR=<folder> (use and keep that folder instead: a second run with the same
//      folder finds the catalog and the scans already stored and skips them),
//      BENCH_FLEET_PROFILE=<dir> (writes a Chromium trace of the filter changes there, for
//      DevTools' Performance panel: scripting, style and layout per change),
//      CHROMIUM_PATH (default: Debian's /usr/bin/chromium, installed first when missing, as
//      `npm test` does).
// Seen on 2 shared cores with 1,000 clusters: build 30-55 s, backend up 25-35 s, catalog read
// 1-3 minutes, scans 3-5 minutes (at 3-5 clusters a second), the browser about a minute.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/browser.mjs';
import { ensureChromium } from '../setup/ensure-services.mjs';
import { BASE, api, guestToken, waitFor } from '../e2e/api.mjs';
import { checkFleetPage } from '../e2e/pages.mjs';
import { writeFleet } from './fleet-page-bench.fleet.mjs';
import {
  armArgs,
  armChange,
  loadProbe,
  loadProbeArgs,
  SEARCH_SELECTOR,
} from './fleet-page-bench.browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLUSTERS = Number(process.env.BENCH_FLEET_CLUSTERS ?? 1000);
const LOADS = Number(process.env.BENCH_FLEET_LOADS ?? 7);
const CHANGES = Number(process.env.BENCH_FLEET_CHANGES ?? 15);
const BUILD = process.env.BENCH_FLEET_BUILD !== '0';
const PROFILE_DIR = process.env.BENCH_FLEET_PROFILE;
for (const [key, value, min] of [
  ['BENCH_FLEET_CLUSTERS', CLUSTERS, 1],
  ['BENCH_FLEET_LOADS', LOADS, 1],
  ['BENCH_FLEET_CHANGES', CHANGES, 2],
]) {
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${key}: a whole number of at least ${min}, got ${value}`);
}
// Before anything is built or seeded: a machine without the browser learns it in seconds.
process.env.CHROMIUM_PATH ??= ensureChromium();
const TARGETS = { interactive: 1500, change: 100 };
/** FleetTable's page size: the rows of the first page */
const PAGE_SIZE = 20;
const SEARCH_TERM = 'calico';
const URL = `${BASE}/network-scorecard`;
const PORT = Number(new globalThis.URL(BASE).port);

const seconds = ms => `${(ms / 1000).toFixed(1)} s`;
const percentile = (sorted, p) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
const fmtMs = ms => {
  if (ms === undefined) return '–';
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
};
const pad = (value, width) => String(value).padStart(width);
const padEnd = (value, width) => String(value).padEnd(width);
const sortedOf = values =>
  values.filter(value => typeof value === 'number').sort((a, b) => a - b);
const failures = [];

function portIsFree(port) {
  return new Promise(done => {
    const server = createServer()
      .once('error', () => done(false))
      .once('listening', () => server.close(() => done(true)))
      .listen(port);
  });
}

async function pool(items, size, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

function startBackend(configArgs) {
  const child = spawn(
    'npx',
    ['backstage-cli', 'package', 'start', ...configArgs],
    {
      cwd: resolve(root, 'packages/backend'),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, NODE_ENV: 'development' },
    },
  );
  const log = [];
  child.stdout.on('data', d => log.push(String(d)));
  child.stderr.on('data', d => log.push(String(d)));
  child.on('exit', code => log.push(`[backend exited ${code}]`));
  return {
    logTail: () => log.join('').slice(-4000),
    stop: () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

async function catalogClusterCount(token) {
  const res = await fetch(
    `${BASE}/api/catalog/entities/by-query?filter=kind=resource,spec.type=kubernetes-cluster&limit=1`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  if (!res.ok) throw new Error(`catalog: ${res.status}`);
  return (await res.json()).totalItems;
}

/**
 * Scans every cluster not scanned yet (all of them, unless BENCH_FLEET_DIR kept an earlier
 * run's database) through the API, 4 at a time; returns the fleet as `GET /clusters` lists it.
 */
async function scanFleet(token, names) {
  const listed = await api('/clusters', token);
  if (listed.status !== 200) throw new Error(`GET /clusters: ${listed.status}`);
  const scanned = new Set(
    listed.body.items.filter(c => c.lastScan !== null).map(c => c.name),
  );
  const unscanned = names.filter(name => !scanned.has(name));
  if (unscanned.length < names.length)
    console.log(
      `${names.length - unscanned.length} clusters already scanned in ${tmp}`,
    );
  await pool(unscanned, 4, async name => {
    const res = await api(`/clusters/${name}/scan`, token, { method: 'POST' });
    if (res.status !== 200)
      throw new Error(
        `scan of ${name}: ${res.status} ${JSON.stringify(res.body)}`,
      );
  });
  return waitFor(
    `GET /clusters to list ${names.length} scanned clusters`,
    async () => {
      const { status, body } = await api('/clusters', token);
      if (status !== 200) throw new Error(`GET /clusters: ${status}`);
      const scanned = body.items.filter(c => c.lastScan !== null);
      return scanned.length >= names.length ? body.items : false;
    },
    { timeoutMs: 120_000 },
  );
}

/** One load, timed by the page (loadProbe). */
async function timedLoad(page) {
  await page.goto(URL, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__fleetLoad, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => window.__fleetLoad);
}

/** One filter change, timed by the page (armChange) around the user's action. */
async function timedChange(page, change, act) {
  await page.evaluate(armChange, armArgs(change));
  await act();
  return page.evaluate(() => window.__fleetChange);
}

function gradeLabel(grade) {
  return grade === '?' ? '? (not graded)' : grade;
}

async function measureChanges(page, fleet) {
  const total = fleet.length;
  const rowsOf = n => Math.min(n, PAGE_SIZE);
  const matching = fleet.filter(c => c.lastScan?.cni === SEARCH_TERM).length;
  const byGrade = new Map();
  for (const c of fleet)
    byGrade.set(c.lastScan.grade, (byGrade.get(c.lastScan.grade) ?? 0) + 1);
  // the most common grade that still filters something out
  const [grade, graded] =
    [...byGrade].sort((a, b) => b[1] - a[1]).find(([, n]) => n < total) ?? [];
  if (grade === undefined)
    throw new Error(`every cluster has the same grade: nothing to filter`);
  if (matching === 0 || matching === total)
    throw new Error(
      `the search "${SEARCH_TERM}" matches ${matching} of ${total} clusters: nothing to filter`,
    );
  const filtered = n => `Clusters (${n} of ${total})`;
  const clear = {
    trigger: 'clear',
    title: `Clusters (${total})`,
    rows: rowsOf(total),
  };
  const kinds = [
    {
      label: `search "${SEARCH_TERM}" (${matching} rows)`,
      change: {
        trigger: 'search',
        title: filtered(matching),
        rows: rowsOf(matching),
      },
      act: () => page.locator(SEARCH_SELECTOR).fill(SEARCH_TERM),
    },
    {
      label: `grade ${grade} (${graded} rows)`,
      change: {
        trigger: 'option',
        title: filtered(graded),
        rows: rowsOf(graded),
        grade,
      },
      prepare: async () => {
        await page.getByLabel('Grade', { exact: true }).click();
        await page
          .getByRole('option', { name: gradeLabel(grade), exact: true })
          .waitFor();
      },
      act: () =>
        page
          .getByRole('option', { name: gradeLabel(grade), exact: true })
          .click(),
    },
  ];
  const samples = { applied: [], cleared: [], byKind: new Map() };
  for (let i = 0; i < CHANGES; i++) {
    const kind = kinds[i % kinds.length];
    await kind.prepare?.();
    const applied = await timedChange(page, kind.change, kind.act);
    samples.applied.push(applied.ms);
    if (!samples.byKind.has(kind.label)) samples.byKind.set(kind.label, []);
    samples.byKind.get(kind.label).push(applied.ms);
    await page.waitForTimeout(250);
    const cleared = await timedChange(page, clear, () =>
      page.getByRole('button', { name: 'Clear filters' }).first().click(),
    );
    samples.cleared.push(cleared.ms);
    await page.waitForTimeout(250);
  }
  return samples;
}

function report(label, values, stat, target) {
  const sorted = sortedOf(values);
  const p50 = percentile(sorted, 50);
  const figure =
    stat === 'max' ? sorted[sorted.length - 1] : percentile(sorted, 95);
  const result = target === undefined ? '' : figure <= target ? 'PASS' : 'FAIL';
  if (result === 'FAIL') failures.push(label);
  console.log(
    `${padEnd(label, 44)} ${pad(fmtMs(p50), 7)} ${pad(fmtMs(figure), 7)} ${pad(
      sorted.length,
      3,
    )} ${pad(target === undefined ? '' : `${stat}≤${target}`, 9)}  ${result}`,
  );
}

const started = Date.now();
const REUSE_DIR = process.env.BENCH_FLEET_DIR;
const tmp = REUSE_DIR
  ? resolve(REUSE_DIR)
  : mkdtempSync(join(tmpdir(), 'fleet-page-bench-'));
if (REUSE_DIR) mkdirSync(tmp, { recursive: true });
let backend;
let browser;
try {
  if (!(await portIsFree(PORT)))
    throw new Error(
      `port ${PORT} is taken (another backend or e2e run?): the app's baseUrl is ${BASE}, so the bench needs that port; stop what uses it, or wait, and run again`,
    );
  const { configFile, names } = writeFleet({ root, dir: tmp, count: CLUSTERS });
  const configArgs = [
    '--config',
    '../../app-config.yaml',
    '--config',
    '../../test/e2e/app-config.e2e.yaml',
    '--config',
    configFile,
  ];
  console.log(
    `\nFleet page with ${CLUSTERS.toLocaleString('en')} clusters (${tmp})\n`,
  );
  if (BUILD) {
    const buildStarted = Date.now();
    const build = spawnSync(
      'npx',
      ['backstage-cli', 'package', 'build', ...configArgs],
      {
        cwd: resolve(root, 'packages/app'),
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (build.status !== 0) throw new Error('frontend build failed');
    console.log(`frontend built in ${seconds(Date.now() - buildStarted)}`);
  } else {
    console.log(
      'frontend: packages/app/dist as built before (BENCH_FLEET_BUILD=0)',
    );
  }

  const backendStarted = Date.now();
  backend = startBackend(configArgs);
  await waitFor(
    'the backend',
    async () => (await fetch(`${BASE}/api/network-scorecard/health`)).ok,
    { timeoutMs: 180_000 },
  ).catch(error => {
    console.log(backend.logTail());
    throw error;
  });
  console.log(`backend up in ${seconds(Date.now() - backendStarted)}`);
  const token = await guestToken();
  const catalogStarted = Date.now();
  await waitFor(
    `the catalog to hold ${CLUSTERS} clusters`,
    async () => (await catalogClusterCount(token)) >= CLUSTERS,
    { timeoutMs: 600_000 },
  );
  console.log(
    `catalog holds the ${CLUSTERS} clusters ${seconds(
      Date.now() - catalogStarted,
    )} later`,
  );
  const scanStarted = Date.now();
  const fleet = await scanFleet(token, names);
  const grades = {};
  for (const c of fleet) grades[c.name] = c.lastScan.grade;
  const spread = {};
  for (const grade of Object.values(grades))
    spread[grade] = (spread[grade] ?? 0) + 1;
  console.log(
    `GET /clusters lists ${fleet.length} scanned clusters ${seconds(
      Date.now() - scanStarted,
    )} after the first scan request (grades ${JSON.stringify(spread)})`,
  );

  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
  });
  await context.addInitScript(
    loadProbe,
    loadProbeArgs(Math.min(PAGE_SIZE, fleet.length)),
  );
  const page = await context.newPage();

  // warm-up: signs in as guest and checks the first rows' grades against the API
  const firstRows = fleet.slice(0, 5).map(c => c.name);
  await checkFleetPage(page, {
    clusters: firstRows,
    grades,
    screenshots: tmp,
    check: async (name, fn) => {
      await fn();
      console.log(`warm-up load: ${name} (first ${firstRows.length} rows)`);
    },
  });

  const loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await timedLoad(page));
  if (PROFILE_DIR) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    const loadTrace = resolve(PROFILE_DIR, 'load.json');
    await browser.startTracing(page, { path: loadTrace });
    await timedLoad(page);
    await browser.stopTracing();
    console.log(`Chromium trace of one more load (not counted): ${loadTrace}`);
  }
  await page.waitForTimeout(1000);
  const loadBefore = loadavg()[0];
  const requested = new Map();
  const countRequest = request => {
    const path = new globalThis.URL(request.url()).pathname.replace(
      /\/clusters\/[^/]+\//,
      '/clusters/:name/',
    );
    requested.set(path, (requested.get(path) ?? 0) + 1);
  };
  page.on('request', countRequest);
  const trace = PROFILE_DIR && resolve(PROFILE_DIR, 'filter-changes.json');
  if (trace) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    await browser.startTracing(page, { path: trace });
  }
  const changes = await measureChanges(page, fleet);
  if (trace) {
    await browser.stopTracing();
    console.log(`Chromium trace of the filter changes: ${trace}`);
  }
  page.off('request', countRequest);
  const loadAfter = loadavg()[0];

  console.log(
    `\n${padEnd('figure (ms, browser clock)', 44)} ${pad('p50', 7)} ${pad(
      'p95/max',
      7,
    )} ${pad('n', 3)} ${pad('target', 9)}  result`,
  );
  report(
    'table interactive after navigation start',
    loads.map(l => l.interactiveAt),
    'max',
    TARGETS.interactive,
  );
  report(
    `  of which: first ${PAGE_SIZE} rows rendered`,
    loads.map(l => l.rowsAt),
    'max',
  );
  report(
    '  of which: DOMContentLoaded',
    loads.map(l => l.domContentLoaded),
    'max',
  );
  report(
    '  of which: last API response before the rows',
    loads.map(l => l.apiDone),
    'max',
  );
  report(
    '  GET /clusters, request to response end',
    loads.map(l => l.clustersResponse),
    'max',
  );
  report('filter change (applied)', changes.applied, 'p95', TARGETS.change);
  for (const [label, values] of changes.byKind)
    report(`  ${label}`, values, 'p95');
  report(
    'filter change (Clear filters → all rows)',
    changes.cleared,
    'p95',
    TARGETS.change,
  );
  console.log(
    `requests during the filter changes: ${
      [...requested].map(([path, n]) => `${path} x${n}`).join(', ') || 'none'
    }`,
  );
  console.log(
    `(load average ${loadBefore.toFixed(
      1,
    )} before the filter changes, ${loadAfter.toFixed(1)} after; ${
      cpus().length
    } cores)`,
  );
} catch (error) {
  console.error(`[fleet-page-bench] ${error.stack ?? error.message}`);
  if (backend && !browser) console.error(backend.logTail());
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  backend?.stop();
  if (REUSE_DIR || process.env.BENCH_FLEET_KEEP === '1')
    console.log(`kept: ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

console.log(
  `\nbench finished in ${seconds(Date.now() - started)}${
    failures.length ? `; missed: ${failures.join('; ')}` : ''
  }`,
);
process.exit(failures.length || process.exitCode ? 1 : 0);
