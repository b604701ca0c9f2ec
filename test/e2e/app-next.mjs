// The same user journey on packages/app-next, the demo app on Backstage's new
// frontend system: built like packages/app, served as static files on its own
// port, talking to the running backend (which must allow its origin in
// backend.cors.origin).
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';

export const APP_NEXT_PORT = 3001;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

async function buildAppNext(root, { appBaseUrl, backendBaseUrl }) {
  const dir = await mkdtemp(join(tmpdir(), 'app-next-e2e-'));
  const config = join(dir, 'app-config.e2e-next.yaml');
  await writeFile(
    config,
    [
      'app:',
      `  baseUrl: ${appBaseUrl}`,
      'backend:',
      `  baseUrl: ${backendBaseUrl}`,
      '',
    ].join('\n'),
  );
  try {
    const build = spawnSync(
      'npx',
      [
        'backstage-cli',
        'package',
        'build',
        '--config',
        '../../app-config.yaml',
        '--config',
        'app-config.yaml',
        '--config',
        config,
      ],
      { cwd: resolve(root, 'packages/app-next'), stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error('app-next build failed');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Files of dist/ as they are; any other path is a client-side route: index.html.
async function serveStatic(distDir, port) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = resolve(distDir, `.${path}`);
    if (!file.startsWith(distDir + sep)) file = join(distDir, 'index.html');
    const found = await stat(file).catch(() => undefined);
    if (!found?.isFile()) file = join(distDir, 'index.html');
    res.writeHead(200, {
      'Content-Type':
        CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  return server;
}

async function latestGrades(backendBaseUrl) {
  const auth = await fetch(
    `${backendBaseUrl}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  if (!auth.ok) throw new Error(`guest sign-in failed: ${auth.status}`);
  const { token } = (await auth.json()).backstageIdentity;
  const res = await fetch(`${backendBaseUrl}/api/network-scorecard/clusters`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`GET /clusters answered ${res.status}`);
  const { items } = await res.json();
  return Object.fromEntries(
    items.filter(c => c.lastScan).map(c => [c.name, c.lastScan.grade]),
  );
}

async function expectNoErrorPanel(page, where) {
  const broken = await page
    .getByText(/NotImplementedError|Error in catalog|ExtensionBoundary/)
    .count();
  if (broken > 0) throw new Error(`${where} shows an error panel`);
}

// A new page has no session to resume: the guest signs in with one click.
async function signInAsGuest(page) {
  const enter = page.getByRole('button', { name: /enter/i });
  await enter.waitFor({ timeout: 60_000 });
  await enter.click();
}

async function checkFleetPage(page, { appBaseUrl, grades, screenshots }) {
  await page.goto(`${appBaseUrl}/network-scorecard`);
  await signInAsGuest(page);
  for (const [name, grade] of Object.entries(grades)) {
    const shown = page.getByTestId(`fleet-grade-${name}`);
    await shown.waitFor({ timeout: 90_000 });
    const text = (await shown.innerText()).trim();
    if (text !== grade)
      throw new Error(`fleet page: ${name} shows "${text}", API says ${grade}`);
  }
  // the app draws the page header; the plugin's page must not add a second one
  const titles = await page
    .getByRole('heading', { name: 'Network Scorecard', exact: true })
    .count();
  if (titles !== 1)
    throw new Error(`fleet page: ${titles} "Network Scorecard" headings`);
  if (
    !(await page
      .getByRole('link', { name: 'Network Scorecard' })
      .first()
      .isVisible())
  )
    throw new Error('the sidebar has no Network Scorecard item');
  await expectNoErrorPanel(page, 'fleet page');
  await page.screenshot({
    path: resolve(screenshots, 'app-next-fleet-page.png'),
    fullPage: true,
  });
}

async function checkClusterCardAndTab(
  page,
  { appBaseUrl, cluster, grade, screenshots },
) {
  await page.goto(`${appBaseUrl}/catalog/default/resource/${cluster}`);
  await page.getByTestId('network-scorecard-card').waitFor({ timeout: 60_000 });
  const onCard = (
    await page.getByTestId(`grade-${cluster}`).first().innerText()
  ).trim();
  if (!onCard.startsWith(grade))
    throw new Error(`card of ${cluster} shows "${onCard}", API says ${grade}`);
  await expectNoErrorPanel(page, `overview of ${cluster}`);
  await page.screenshot({
    path: resolve(screenshots, `app-next-entity-${cluster}.png`),
    fullPage: true,
  });

  await page
    .getByRole('tab', { name: 'Network', exact: true })
    .or(page.getByRole('link', { name: 'Network', exact: true }))
    .first()
    .click();
  await page
    .getByTestId(`cluster-report-${cluster}`)
    .waitFor({ timeout: 60_000 });
  if (
    !page
      .url()
      .endsWith(`/catalog/default/resource/${cluster}/network-scorecard`)
  )
    throw new Error(`the Network tab opened ${page.url()}`);
  const onTab = (
    await page
      .getByTestId(`cluster-report-${cluster}`)
      .getByTestId(`grade-${cluster}`)
      .first()
      .innerText()
  ).trim();
  if (!onTab.startsWith(grade))
    throw new Error(`tab of ${cluster} shows "${onTab}", API says ${grade}`);
  await expectNoErrorPanel(page, `Network tab of ${cluster}`);
  await page.screenshot({
    path: resolve(screenshots, `app-next-network-tab-${cluster}.png`),
    fullPage: true,
  });
}

/**
 * Builds packages/app-next against the backend at `backendBaseUrl`, serves it
 * at http://localhost:APP_NEXT_PORT and checks the fleet page, a cluster's
 * card and its Network tab against the grades the API reports. Throws on the
 * first difference.
 */
export async function checkAppNext({
  browser,
  root,
  backendBaseUrl,
  port = APP_NEXT_PORT,
  cluster = 'prod-eu-1',
}) {
  const appBaseUrl = `http://localhost:${port}`;
  const screenshots = resolve(root, 'test/e2e/screenshots');
  const grades = await latestGrades(backendBaseUrl);
  if (!grades[cluster])
    throw new Error(`${cluster} has no scan yet: ${JSON.stringify(grades)}`);

  await buildAppNext(root, { appBaseUrl, backendBaseUrl });
  const server = await serveStatic(
    resolve(root, 'packages/app-next/dist'),
    port,
  );
  const page = await browser.newPage({
    viewport: { width: 1600, height: 1000 },
  });
  try {
    await checkFleetPage(page, { appBaseUrl, grades, screenshots });
    await checkClusterCardAndTab(page, {
      appBaseUrl,
      cluster,
      grade: grades[cluster],
      screenshots,
    });
  } catch (error) {
    await page
      .screenshot({ path: resolve(screenshots, 'app-next-failure.png') })
      .catch(() => {});
    throw error;
  } finally {
    await page.close().catch(() => {});
    server.closeAllConnections();
    await new Promise(done => server.close(done));
  }
}
