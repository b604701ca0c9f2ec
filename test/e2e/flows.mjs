// The flows a platform lead works through: a fleet page that fits, a filtered
// view exported to CSV, migrations over time, history from the first start,
// acknowledging and withdrawing, and both themes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { BASE, api, guestToken } from './api.mjs';

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
      // the time axis names when the line starts and ends, as the chart's description does
      const [, first, last] =
        / from (\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d)/.exec(name) ?? [];
      // recharts draws the axes' labels in layers of their own, outside each axis'
      // group: the time axis' labels are the ones that read as days
      const tickLabels = chart
        .locator('.recharts-cartesian-axis-tick-value')
        .filter({ hasText: /^\d{4}-\d\d-\d\d$/ });
      // the axis is drawn once the container has measured itself, after the description
      await tickLabels.nth(1).waitFor({ timeout: 30_000 });
      const ticks = await tickLabels.allTextContents();
      if (ticks.length < 2 || ticks[0] !== first || ticks.at(-1) !== last)
        throw new Error(
          `the score history's time axis reads ${JSON.stringify(
            ticks,
          )}; it should run from ${first} to ${last}`,
        );
      const cut = await tickLabels.evaluateAll(labels =>
        labels
          .filter(label => {
            const box = label.getBoundingClientRect();
            const chartBox = label.closest('svg').getBoundingClientRect();
            return box.left < chartBox.left || box.right > chartBox.right;
          })
          .map(label => label.textContent),
      );
      if (cut.length > 0)
        throw new Error(
          `the score history cuts off its time axis labels ${JSON.stringify(
            cut,
          )} at the chart's edge`,
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

/**
 * A Group's page: the clusters the group owns through its sub-groups, with the
 * grades the API gives, the services sentence, a keyboard path into a
 * cluster's Network tab, and the page in both themes.
 */
export async function checkGroupPage(
  page,
  { check, screenshots, group = 'engineering' },
) {
  const token = await guestToken();
  const catalog = async path => {
    const res = await fetch(`${BASE}/api/catalog${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`catalog ${path}: ${res.status}`);
    return res.json();
  };
  const card = page.getByTestId('network-scorecard-group-card');
  const openGroup = async () => {
    await page.goto(`${BASE}/catalog/default/group/${group}`);
    await card
      .locator('[data-testid^="group-cluster-grade-"]')
      .first()
      .waitFor({ timeout: 60_000 });
  };

  await check(
    `the ${group} group page lists the clusters it owns through its sub-groups with their grades`,
    async () => {
      const entity = await catalog(`/entities/by-name/group/default/${group}`);
      const owners = new Set(
        [group, ...(entity.spec?.children ?? [])].map(name =>
          `group:default/${name}`.toLowerCase(),
        ),
      );
      const clusters = (await api('/clusters', token)).body.items.filter(c =>
        owners.has(String(c.owner).toLowerCase()),
      );
      if (clusters.length === 0)
        throw new Error(`the demo gives ${group}'s sub-groups no cluster`);
      await openGroup();
      const shown = (
        await card
          .locator('[data-testid^="group-cluster-grade-"]')
          .evaluateAll(nodes => nodes.map(n => n.dataset.testid))
      )
        .map(id => id.slice('group-cluster-grade-'.length))
        .sort();
      const expected = clusters.map(c => c.name).sort();
      if (JSON.stringify(shown) !== JSON.stringify(expected))
        throw new Error(
          `shows ${shown.join(', ')}; ${group} owns ${expected.join(', ')}`,
        );
      for (const cluster of clusters) {
        const grade = (
          await card
            .getByTestId(`group-cluster-grade-${cluster.name}`)
            .innerText()
        ).trim();
        const real = cluster.lastScan?.grade ?? '–';
        if (grade !== real)
          throw new Error(
            `${cluster.name}: card shows ${grade}, API says ${real}`,
          );
      }
    },
  );

  await check(
    `the ${group} group page says which of its services run on clusters with problems`,
    async () => {
      await openGroup();
      const problem = card.getByTestId('group-service-problem').first();
      await problem.waitFor({ timeout: 60_000 });
      const sentences = await card
        .getByTestId('group-service-problem')
        .locator('p')
        .allInnerTexts();
      const shape =
        /^\d+ of your services runs? on (a cluster|\d+ clusters) (where a migration is blocked: |that fails? the check “)/;
      const odd = sentences.filter(s => !shape.test(s));
      if (odd.length > 0)
        throw new Error(`unexpected sentences: ${odd.join(' | ')}`);
      if (!sentences.some(s => /kernel below 5\.10/.test(s)))
        throw new Error(
          `no sentence about kernels below 5.10 (prod-us-1): ${sentences.join(
            ' | ',
          )}`,
        );
    },
  );

  await check(
    'a cluster of the group card is reached by keyboard and opens its Network tab',
    async () => {
      await openGroup();
      await page.locator('body').focus();
      let inCard = null;
      for (let i = 0; i < 300 && !inCard; i++) {
        await page.keyboard.press('Tab');
        inCard = await page.evaluate(() => {
          const el = document.activeElement;
          const host = document.querySelector(
            '[data-testid="network-scorecard-group-card"]',
          );
          return el && host?.contains(el)
            ? { tag: el.tagName, href: el.getAttribute('href') }
            : null;
        });
      }
      if (!inCard) throw new Error('Tab never reaches the group card');
      if (inCard.tag !== 'A' && inCard.tag !== 'BUTTON')
        throw new Error(`the card's first stop is a ${inCard.tag}`);
      if (!/\/network-scorecard$/.test(inCard.href ?? ''))
        throw new Error(`the first link goes to ${inCard.href}`);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/network-scorecard$/, { timeout: 30_000 });
    },
  );

  for (const theme of ['light', 'dark']) {
    await check(`the ${group} group page in the ${theme} theme`, async () => {
      await page.evaluate(t => window.localStorage.setItem('theme', t), theme);
      await openGroup();
      await card
        .getByTestId('group-service-problem')
        .first()
        .waitFor({ timeout: 60_000 });
      await page.screenshot({
        path: resolve(screenshots, `group-${group}-${theme}.png`),
        fullPage: true,
      });
    });
  }
  await page.evaluate(() => window.localStorage.removeItem('theme'));
}
