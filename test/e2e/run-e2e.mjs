// Browser test: builds the app, starts the backend (which serves it), signs in
// as guest in Debian's headless Chromium and checks what a user sees.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.mjs';
import { BASE, api, guestToken, waitFor } from './api.mjs';
import {
  checkAcknowledgeFlow,
  checkComponentCard,
  checkEntityCard,
  checkFleetPage,
} from './pages.mjs';
import {
  checkFilterToCsv,
  checkFleetFits,
  checkHistoryFromFirstStart,
  checkMigrationsView,
  checkGroupPage,
  checkWithdrawFlow,
  screenshotThemes,
} from './flows.mjs';
import { checkKeyboardOnly } from './keyboard.mjs';
import { checkAppNext } from './app-next.mjs';
import { checkTrafficEvidence } from './traffic.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const resultsFile = process.argv
  .find(a => a.startsWith('--results='))
  ?.slice(10);
const screenshots = resolve(root, 'test/e2e/screenshots');
mkdirSync(screenshots, { recursive: true });
const configArgs = [
  '--config',
  '../../app-config.yaml',
  '--config',
  '../../test/e2e/app-config.e2e.yaml',
];
// the demo's traffic evidence, as `npm start` gives it on a machine with Prometheus
const withPrometheus = ['/usr/bin/prometheus', '/usr/bin/promtool'].every(
  path => existsSync(path),
);
if (withPrometheus)
  configArgs.push('--config', '../../app-config.prometheus.yaml');

const outcomes = [];
async function check(name, fn) {
  try {
    await fn();
    outcomes.push({ name, ok: true });
    console.log(`  ok   ${name}`);
  } catch (error) {
    outcomes.push({ name, ok: false, error: error.message });
    console.log(`  FAIL ${name}: ${error.message}`);
  }
}

function finish() {
  const passed = outcomes.filter(o => o.ok).length;
  const failed = outcomes.length - passed;
  if (resultsFile)
    writeFileSync(
      resultsFile,
      JSON.stringify({ passed, failed, outcomes }, null, 2),
    );
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

let backend;
let browser;
let prometheus;
try {
  if (withPrometheus) {
    console.log('[e2e] starting the demo Prometheus');
    prometheus = spawn(
      process.execPath,
      [resolve(root, 'fixtures/prometheus/demo.mjs')],
      { cwd: root, stdio: 'ignore' },
    );
    await waitFor(
      'the demo Prometheus',
      async () => (await fetch('http://127.0.0.1:9090/-/ready')).ok,
      { timeoutMs: 60_000 },
    );
  }
  console.log('[e2e] building the frontend');
  const build = spawnSync(
    'npx',
    ['backstage-cli', 'package', 'build', ...configArgs],
    {
      cwd: resolve(root, 'packages/app'),
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('frontend build failed');

  console.log('[e2e] starting the backend');
  backend = spawn('npx', ['backstage-cli', 'package', 'start', ...configArgs], {
    cwd: resolve(root, 'packages/backend'),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, NODE_ENV: 'development' },
  });
  const log = [];
  backend.stdout.on('data', d => log.push(String(d)));
  backend.stderr.on('data', d => log.push(String(d)));
  backend.on('exit', code => log.push(`[backend exited ${code}]`));

  await waitFor(
    'the backend',
    async () => (await fetch(`${BASE}/api/network-scorecard/health`)).ok,
    {
      timeoutMs: 180_000,
    },
  ).catch(error => {
    console.log(log.join('').slice(-4000));
    throw error;
  });
  const token = await guestToken();
  const clusters = (await api('/clusters', token)).body.items.map(c => c.name);

  await check('API answers 401 without a token', async () => {
    const res = await api('/clusters');
    if (res.status !== 401) throw new Error(`expected 401, got ${res.status}`);
  });
  await check('the catalog holds every demo cluster', () =>
    waitFor('catalog entities', async () => {
      const res = await fetch(
        `${BASE}/api/catalog/entities/by-query?filter=kind=resource,spec.type=kubernetes-cluster`,
        {
          headers: { Authorization: `Bearer ${token}` },
        },
      );
      const { items } = await res.json();
      return clusters.every(name => items.some(e => e.metadata.name === name));
    }),
  );
  const grades = {};
  await check(`every demo cluster scans (${clusters.length})`, async () => {
    for (const name of clusters) {
      const res = await api(`/clusters/${name}/scan`, token, {
        method: 'POST',
      });
      if (res.status !== 200)
        throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
      grades[name] = res.body.grade;
    }
    console.log(`  grades: ${JSON.stringify(grades)}`);
  });

  browser = await launchChromium();
  const page = await browser.newPage({
    viewport: { width: 1600, height: 1000 },
    acceptDownloads: true,
  });
  await checkFleetPage(page, { check, clusters, grades, screenshots });
  await checkEntityCard(page, { check, grades, screenshots });
  await checkComponentCard(page, { check, grades, screenshots });
  await checkAcknowledgeFlow(page, { check, token, api, screenshots });
  await checkWithdrawFlow(page, { check, token, api });
  await checkKeyboardOnly(page, { check, token, api });
  await checkFleetFits(page, { check });
  await checkFilterToCsv(page, { check, grades });
  await checkMigrationsView(page, { check, screenshots });
  await checkHistoryFromFirstStart(page, { check });
  await screenshotThemes(page, { check, screenshots });
  await checkGroupPage(page, { check, screenshots });
  if (withPrometheus)
    await checkTrafficEvidence(page, { check, token, api, screenshots });
  await check(
    'app-next (new frontend system): fleet page, card and tab with the API grades',
    () => checkAppNext({ browser, root, backendBaseUrl: BASE }),
  );
} catch (error) {
  outcomes.push({ name: 'e2e setup', ok: false, error: error.message });
  console.error(`[e2e] ${error.stack ?? error.message}`);
} finally {
  prometheus?.kill('SIGTERM');
  await browser?.close().catch(() => {});
  if (backend?.pid) {
    try {
      process.kill(-backend.pid, 'SIGTERM');
    } catch {}
  }
}
process.exit(finish());
