// What a user sees: the fleet page and a cluster's entity card.
import { resolve } from 'node:path';
import { BASE } from './api.mjs';

async function signInIfAsked(page) {
  const enter = page.getByRole('button', { name: /enter/i });
  if (await enter.isVisible({ timeout: 15_000 }).catch(() => false)) {
    await enter.click();
  }
}

export async function checkFleetPage(page, { check, clusters, grades, screenshots }) {
  await page.goto(`${BASE}/network-scorecard`);
  await signInIfAsked(page);
  await check('fleet page lists every demo cluster with its grade', async () => {
    for (const name of clusters) {
      const grade = page.getByTestId(`fleet-grade-${name}`);
      await grade.waitFor({ timeout: 60_000 });
      const shown = (await grade.innerText()).trim();
      if (shown !== grades[name]) throw new Error(`${name}: page shows grade "${shown}", API says "${grades[name]}"`);
      if (!(await page.getByRole('link', { name, exact: true }).first().isVisible())) {
        throw new Error(`${name}: no link to the cluster's entity page`);
      }
    }
  });
  await page.screenshot({ path: resolve(screenshots, 'fleet-page.png'), fullPage: true });
}

export async function checkEntityCard(page, { check, grades, screenshots }) {
  for (const name of ['prod-eu-1', 'dev-sandbox']) {
    await page.goto(`${BASE}/catalog/default/resource/${name}`);
    await check(`entity page of ${name} shows its scorecard card and grade`, async () => {
      const card = page.getByTestId('network-scorecard-card');
      await card.waitFor({ timeout: 60_000 });
      const shown = (await page.getByTestId(`grade-${name}`).first().innerText()).trim();
      if (!shown.startsWith(grades[name])) throw new Error(`card shows "${shown}", API says "${grades[name]}"`);
    });
    await page.screenshot({ path: resolve(screenshots, `entity-${name}.png`), fullPage: true });
  }
}
