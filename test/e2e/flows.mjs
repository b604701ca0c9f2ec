// The flows a platform lead works through: a fleet page that fits, a filtered
// view exported to CSV, migrations over time, history from the first start,
// acknowledging and withdrawing, and both themes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { BASE } from './api.mjs';

async function fleetNamesShown(page) {
  const grades = page.locator('[data-testid^="fleet-grade-"]');
  await grades.first().waitFor({ timeout: 60_000 });
  const ids = await grades.evaluateAll(nodes =>
    nodes.map(n => n.getAttribute('data-testid')),
  );
  return ids.map(id => id.slice('fleet-grade-'.length)).sort();
}

export async function checkFleetFits(page, { check }) {
  await check(
    'the fleet page fits 1280 px without sideways scrolling',
    async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${BASE}/network-scorecard`);
      await fleetNamesShown(page);
      const { scroll, width } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: window.innerWidth,
      }));
      if (scroll > width)
        throw new Error(
          `the page is ${scroll} px wide in a ${width} px window`,
        );
    },
  );
  await page.setViewportSize({ width: 1600, height: 1000 });
}

export async function checkFilterToCsv(page, { check, grades }) {
  await check(
    'a filtered fleet view is shareable by URL and exports exactly its rows to CSV',
    async () => {
      const failing = Object.keys(grades)
        .filter(name => grades[name] === 'F')
        .sort();
      if (failing.length === 0) throw new Error('no demo cluster is graded F');
      await page.goto(`${BASE}/network-scorecard?grade=F`);
      const shown = await fleetNamesShown(page);
      if (JSON.stringify(shown) !== JSON.stringify(failing))
        throw new Error(
          `?grade=F shows ${shown.join(', ')}; expected ${failing.join(', ')}`,
        );
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      const text = readFileSync(await download.path(), 'utf8');
      const { data } = Papa.parse(text.replace(/^\uFEFF/, ''), {
        header: true,
        skipEmptyLines: true,
      });
      const nameColumn = Object.keys(data[0] ?? {}).find(k =>
        /name|cluster/i.test(k),
      );
      const inCsv = data.map(row => row[nameColumn]).sort();
      if (JSON.stringify(inCsv) !== JSON.stringify(failing))
        throw new Error(
          `CSV lists ${inCsv.join(', ')}; the page shows ${failing.join(', ')}`,
        );
    },
  );
}

export async function checkMigrationsView(page, { check, screenshots }) {
  await check(
    'the migrations view shows a readiness item over time with what blocks it',
    async () => {
      await page.goto(
        `${BASE}/network-scorecard/migrations?item=readiness.kube-proxy-replacement&range=1y`,
      );
      await page
        .getByRole('heading', { name: 'Migrations' })
        .waitFor({ timeout: 60_000 });
      await page.getByText('What blocks it').waitFor({ timeout: 60_000 });
      await page
        .getByRole('img', { name: /clusters per status over \d+ weeks/ })
        .waitFor({ timeout: 60_000 });
    },
  );
  await page.screenshot({
    path: resolve(screenshots, 'migrations.png'),
    fullPage: true,
  });
}

export async function checkHistoryFromFirstStart(page, { check }) {
  await check(
    'a cluster with archived dumps shows its history on the first start',
    async () => {
      await page.goto(
        `${BASE}/catalog/default/resource/prod-eu-1/network-scorecard`,
      );
      await page
        .getByRole('button', { name: '1 y' })
        .first()
        .click({ timeout: 60_000 });
      const chart = page.getByRole('img', { name: /Score history: \d+ scans/ });
      await chart.waitFor({ timeout: 60_000 });
      const name = await chart.evaluate(
        el =>
          el.getAttribute('aria-label') ??
          document.getElementById(el.getAttribute('aria-labelledby') ?? '')
            ?.textContent,
      );
      const scans = Number(/Score history: (\d+) scans/.exec(name ?? '')?.[1]);
      if (!(scans >= 4))
        throw new Error(
          `prod-eu-1 shows ${scans} scans; its four dumps should all be there`,
        );
    },
  );
}

export async function checkWithdrawFlow(page, { check, token, api }) {
  await check(
    'a platform lead withdraws the acknowledgement, and the trail keeps it',
    async () => {
      await page.goto(
        `${BASE}/catalog/default/resource/payments-1/network-scorecard`,
      );
      const item = page.getByTestId('anti-pattern-ap.mesh-too-early');
      await item.waitFor({ timeout: 60_000 });
      await item.getByRole('button', { name: 'Withdraw' }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: 'Withdraw' })
        .click();
      await page
        .getByRole('dialog')
        .waitFor({ state: 'hidden', timeout: 30_000 });
      const report = await api('/clusters/payments-1', token);
      const ack = report.body.antiPatterns.find(
        ap => ap.id === 'ap.mesh-too-early',
      ).acknowledged;
      if (ack) throw new Error(`still acknowledged: ${JSON.stringify(ack)}`);
      const trail = await api('/clusters/payments-1/acknowledgements', token);
      if (!trail.body.items?.[0]?.withdrawn)
        throw new Error(`trail: ${JSON.stringify(trail.body)}`);
    },
  );
}

/** The main pages in the light and the dark theme, for a reader of the change. */
export async function screenshotThemes(page, { check, screenshots }) {
  const pages = {
    fleet: '/network-scorecard',
    migrations:
      '/network-scorecard/migrations?item=readiness.kube-proxy-replacement&range=1y',
    'tab-prod-us-1': '/catalog/default/resource/prod-us-1/network-scorecard',
  };
  for (const theme of ['light', 'dark']) {
    await check(`screenshots in the ${theme} theme`, async () => {
      await page.evaluate(t => window.localStorage.setItem('theme', t), theme);
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${BASE}${path}`);
        await page
          .waitForLoadState('networkidle', { timeout: 60_000 })
          .catch(() => {});
        await page.screenshot({
          path: resolve(screenshots, `${name}-${theme}.png`),
          fullPage: true,
        });
      }
    });
  }
  await page.evaluate(() => window.localStorage.removeItem('theme'));
}
