// What a user sees: the fleet page and a cluster's entity card.
import { resolve } from 'node:path';
import { BASE } from './api.mjs';

async function signInIfAsked(page) {
  const enter = page.getByRole('button', { name: /enter/i });
  if (await enter.isVisible({ timeout: 15_000 }).catch(() => false)) {
    await enter.click();
  }
}

export async function checkFleetPage(
  page,
  { check, clusters, grades, screenshots },
) {
  await page.goto(`${BASE}/network-scorecard`);
  await signInIfAsked(page);
  await check(
    'fleet page lists every demo cluster with its grade',
    async () => {
      await page
        .getByRole('heading', { name: /Clusters \(\d+\)/ })
        .waitFor({ timeout: 60_000 });
      for (const name of clusters) {
        const grade = page.getByTestId(`fleet-grade-${name}`);
        await grade.waitFor({ timeout: 60_000 });
        const shown = (await grade.innerText()).trim();
        if (shown !== grades[name])
          throw new Error(
            `${name}: page shows grade "${shown}", API says "${grades[name]}"`,
          );
        if (
          !(await page
            .getByRole('link', { name, exact: true })
            .first()
            .isVisible())
        ) {
          throw new Error(`${name}: no link to the cluster's entity page`);
        }
      }
    },
  );
  await page.screenshot({
    path: resolve(screenshots, 'fleet-page.png'),
    fullPage: true,
  });
}

export async function checkEntityCard(page, { check, grades, screenshots }) {
  for (const name of ['prod-eu-1', 'dev-sandbox']) {
    await page.goto(`${BASE}/catalog/default/resource/${name}`);
    await check(
      `entity page of ${name} shows its scorecard card and grade`,
      async () => {
        const card = page.getByTestId('network-scorecard-card');
        await card.waitFor({ timeout: 60_000 });
        const shown = (
          await page.getByTestId(`grade-${name}`).first().innerText()
        ).trim();
        if (!shown.startsWith(grades[name]))
          throw new Error(`card shows "${shown}", API says "${grades[name]}"`);
        const broken = await page
          .getByText(/NotImplementedError|Error in catalog/)
          .count();
        if (broken > 0) throw new Error('the entity page shows an error panel');
      },
    );
    await page.screenshot({
      path: resolve(screenshots, `entity-${name}.png`),
      fullPage: true,
    });
  }
}

export async function checkComponentCard(page, { check, grades, screenshots }) {
  await page.goto(`${BASE}/catalog/default/component/checkout-api`);
  await check(
    "a service page shows its cluster's grade and a Hubble link filtered to its namespace",
    async () => {
      await page
        .getByTestId('network-scorecard-card')
        .waitFor({ timeout: 60_000 });
      const shown = (
        await page.getByTestId('grade-prod-eu-1').first().innerText()
      ).trim();
      if (!shown.startsWith(grades['prod-eu-1']))
        throw new Error(`card shows "${shown}" for prod-eu-1`);
      const hubble = await page
        .getByRole('link', { name: /Hubble UI/ })
        .first()
        .getAttribute('href');
      if (!hubble?.includes('namespace=checkout'))
        throw new Error(`Hubble link is ${hubble}`);
    },
  );
  await page.screenshot({
    path: resolve(screenshots, 'component-checkout-api.png'),
    fullPage: true,
  });
}

export async function checkAcknowledgeFlow(
  page,
  { check, token, api, screenshots },
) {
  await page.goto(
    `${BASE}/catalog/default/resource/payments-1/network-scorecard`,
  );
  await check(
    'a platform lead acknowledges an anti-pattern on the Network tab and it is recorded',
    async () => {
      const item = page.getByTestId('anti-pattern-ap.mesh-too-early');
      await item.waitFor({ timeout: 60_000 });
      await item.getByRole('button', { name: 'Acknowledge' }).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByLabel('Reason')
        .fill('Mesh removal is planned with the Q1 platform refresh');
      await dialog.getByLabel('Expires on').fill('2099-03-31');
      await dialog.getByRole('button', { name: 'Acknowledge' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
      await item
        .getByText(/Mesh removal is planned/)
        .waitFor({ timeout: 30_000 });
      const report = await api('/clusters/payments-1', token);
      const ack = report.body.antiPatterns.find(
        ap => ap.id === 'ap.mesh-too-early',
      ).acknowledged;
      if (
        !ack ||
        !ack.by.startsWith('user:') ||
        !ack.expiresAt.startsWith('2099-03-31')
      ) {
        throw new Error(`API shows acknowledgement ${JSON.stringify(ack)}`);
      }
    },
  );
  await page.screenshot({
    path: resolve(screenshots, 'network-tab-payments-1.png'),
    fullPage: true,
  });
}
