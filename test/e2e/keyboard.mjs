// Keyboard alone: every action of the fleet page, the migrations view and a
// cluster's Network tab is reached with Tab and used with Enter or the arrow
// keys, as a user without a mouse (or a screen reader's) works through them.
import { BASE } from './api.mjs';

/** What has focus, as far as a keyboard user can tell it apart. */
function focusedElement() {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: 'body' };
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id || null,
    role: el.getAttribute('role'),
    text: (el.textContent ?? '').trim().slice(0, 80),
    label:
      el.getAttribute('aria-label') ??
      el.labels?.[0]?.textContent?.replace(/\s*\*$/, '').trim() ??
      null,
    href: el.getAttribute('href'),
    antiPattern:
      el
        .closest('[data-testid^="anti-pattern-"]')
        ?.getAttribute('data-testid') ?? null,
    inDialog: el.closest('[role="dialog"]') !== null,
  };
}

const describe = f =>
  f.tag === 'body'
    ? 'the page'
    : `${f.tag}${f.id ? `#${f.id}` : ''} "${f.label ?? f.text}"`;

/**
 * Presses Tab until `matches` holds for the focused element; fails naming
 * the last stops focus made when it never does.
 */
async function tabTo(page, what, matches, max = 200) {
  const trail = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(focusedElement);
    if (matches(focused)) return;
    trail.push(describe(focused));
  }
  throw new Error(
    `${what} is not reached by ${max} presses of Tab; focus went through … ${trail
      .slice(-12)
      .join(', ')}`,
  );
}

async function waitForText(locator, pattern, what) {
  const deadline = Date.now() + 30_000;
  let text = '';
  while (Date.now() < deadline) {
    text = ((await locator.textContent().catch(() => '')) ?? '').trim();
    if (pattern.test(text)) return text;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`${what}: shows "${text}", expected ${pattern}`);
}

async function checkFleetByKeyboard(page) {
  await page.goto(`${BASE}/network-scorecard`);
  await page
    .locator('[data-testid^="fleet-grade-"]')
    .first()
    .waitFor({ timeout: 60_000 });
  const status = page.getByRole('status').filter({ hasText: /^Showing/ });
  const all = await waitForText(status, /^Showing all/, 'the fleet count');

  await tabTo(
    page,
    'the search box',
    f => f.id === 'network-scorecard-fleet-search',
  );
  await page.keyboard.type('calico');
  await waitForText(status, /^Showing \d+ of /, 'a search typed');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await waitForText(status, /^Showing all/, 'the search emptied');

  await tabTo(page, 'the grade filter', f => f.label === 'Grade');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await waitForText(status, /^Showing \d+ of /, 'a grade picked');
  await page.waitForFunction(
    () => new URLSearchParams(window.location.search).has('grade'),
    undefined,
    { timeout: 10_000 },
  );

  await tabTo(
    page,
    'Clear filters',
    f => f.tag === 'button' && f.text === 'Clear filters',
  );
  await page.keyboard.press('Enter');
  await waitForText(status, /^Showing all/, 'Clear filters pressed');
  if ((await status.textContent())?.trim() !== all)
    throw new Error(`after Clear filters: ${await status.textContent()}`);

  const download = page.waitForEvent('download', { timeout: 30_000 });
  await tabTo(
    page,
    'Download CSV',
    f => f.tag === 'button' && f.text === 'Download CSV',
  );
  await page.keyboard.press('Enter');
  const file = await download;
  if (!file.suggestedFilename().endsWith('.csv'))
    throw new Error(`the download is ${file.suggestedFilename()}`);

  await tabTo(
    page,
    "the Grade column's sort",
    f => f.role === 'button' && f.text === 'Grade',
  );
  await page.keyboard.press('Enter');
  await waitForText(
    page.locator('th[aria-sort="ascending"]'),
    /^Grade/,
    'the table sorted by grade',
  );

  await tabTo(
    page,
    "a cluster's link",
    f => f.tag === 'a' && /\/catalog\/default\/resource\//.test(f.href ?? ''),
  );
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/catalog\/default\/resource\/[^/]+/, {
    timeout: 30_000,
  });
  await entityPageShown(page);
}

/**
 * The entity page reached from the fleet page shows its tabs, or the text of
 * the error boundary that replaced it (message and stack: the panel's copy rows).
 */
async function entityPageShown(page) {
  const tabs = page.getByRole('tab', { name: 'Network' });
  const failed = page.getByText(/^Error: Error in /).first();
  await Promise.race([
    tabs.waitFor({ timeout: 60_000 }),
    failed.waitFor({ timeout: 60_000 }),
  ]);
  if (await failed.isVisible())
    throw new Error(
      `the entity page failed: ${(
        await page.locator('main, body').first().textContent()
      )
        ?.replace(/\s+/g, ' ')
        .slice(0, 3000)}`,
    );
}

async function checkMigrationsByKeyboard(page) {
  await page.goto(`${BASE}/network-scorecard/migrations`);
  await page
    .getByRole('heading', { name: 'Migrations' })
    .waitFor({ timeout: 60_000 });
  await tabTo(
    page,
    'the 90 d range',
    f => f.tag === 'button' && f.text === '90 d',
  );
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => new URLSearchParams(window.location.search).get('range') === '90d',
    undefined,
    { timeout: 10_000 },
  );
  await tabTo(
    page,
    'the Hubble readiness item',
    f => f.tag === 'a' && /item=readiness\.hubble/.test(f.href ?? ''),
  );
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () =>
      new URLSearchParams(window.location.search).get('item') ===
      'readiness.hubble',
    undefined,
    { timeout: 10_000 },
  );
}

async function checkAcknowledgeByKeyboard(page, { token, api }) {
  const id = 'ap.mesh-too-early';
  const acknowledged = async () =>
    (await api('/clusters/payments-1', token)).body.antiPatterns.find(
      ap => ap.id === id,
    ).acknowledged;
  await page.goto(
    `${BASE}/catalog/default/resource/payments-1/network-scorecard`,
  );
  await page.getByTestId(`anti-pattern-${id}`).waitFor({ timeout: 60_000 });
  // the item's button opens a dialog; `fill` types into it; its own button confirms
  const throughDialog = async (action, fill) => {
    await tabTo(
      page,
      `${action} on ${id}`,
      f =>
        f.antiPattern === `anti-pattern-${id}` &&
        f.tag === 'button' &&
        f.text === action,
    );
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ timeout: 10_000 });
    await fill?.();
    await tabTo(
      page,
      `the dialog's ${action}`,
      f => f.inDialog && f.tag === 'button' && f.text === action,
      10,
    );
    await page.keyboard.press('Enter');
    await page
      .getByRole('dialog')
      .waitFor({ state: 'hidden', timeout: 30_000 });
  };

  await throughDialog('Acknowledge', async () => {
    await tabTo(
      page,
      "the dialog's reason",
      f => f.inDialog && f.id === 'network-scorecard-ack-reason',
      10,
    );
    await page.keyboard.type('Keyboard review: mesh removal is on the roadmap');
  });
  const ack = await acknowledged();
  if (!ack?.reason?.startsWith('Keyboard review'))
    throw new Error(`the API shows ${JSON.stringify(ack)}`);

  await throughDialog('Withdraw');
  const after = await acknowledged();
  if (after) throw new Error(`still acknowledged: ${JSON.stringify(after)}`);
}

/** Runs `flow`, and names any error the page threw if it fails. */
async function withPageErrors(page, flow) {
  const errors = [];
  const onError = error => errors.push(error.message);
  // React reports an error an error boundary caught on the console, not as a page error
  const onConsole = message => {
    if (message.type() === 'error' && /above error|Error:/.test(message.text()))
      errors.push(message.text().slice(0, 2000));
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  try {
    await flow();
  } catch (error) {
    throw new Error(
      `${error.message}${
        errors.length ? `; the page threw: ${errors.join(' | ')}` : ''
      }`,
    );
  } finally {
    page.off('pageerror', onError);
    page.off('console', onConsole);
  }
}

export async function checkKeyboardOnly(page, { check, token, api }) {
  await check(
    'keyboard alone: search, filter, clear, CSV, sort and open a cluster on the fleet page',
    () => withPageErrors(page, () => checkFleetByKeyboard(page)),
  );
  await check(
    'keyboard alone: the migrations view changes range and readiness item',
    () => checkMigrationsByKeyboard(page),
  );
  await check(
    'keyboard alone: acknowledge and withdraw an anti-pattern on the Network tab',
    () => checkAcknowledgeByKeyboard(page, { token, api }),
  );
}
