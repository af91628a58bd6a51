// The Summary screen is a module of its own (src/bin/summary.rs), loaded into the page the first
// time the Summary opens (src/ui/summary_host.rs): the first load does not carry it.
import path from 'node:path';
import { test, expect, expectSaved, openWithoutServiceWorker, watchForErrors } from './fixtures';
import { importEditedSample } from './import-sample';
import { serveStatic } from './static-server';
import { summary, totalRow } from './summary-helpers';
import type { Page } from '@playwright/test';

const dist = path.join(__dirname, '..', '..', 'dist');
const MODULE = /\/summary-[0-9a-f]{16}(\.js|_bg\.wasm)$/;
const WASM = /\/summary-[0-9a-f]{16}_bg\.wasm$/;

async function draft(page: Page, title: string, total: number) {
  await importEditedSample(page, (r) => {
    r.title = title;
    r.participants.total = total;
  });
  await expectSaved(page);
}

/** Opens the Summary and waits for its totals. */
async function openSummary(page: Page) {
  await page.getByRole('button', { name: 'Summary', exact: true }).click();
  await expect(summary(page).getByRole('table', { name: 'Totals' })).toBeVisible();
}

test('the Summary is not in the first load: its module is fetched when the Summary first opens, once, and covers the drafts of each opening', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (MODULE.test(request.url())) fetched.push(request.url());
  });
  await page.goto('./');
  await draft(page, 'Erbil youth dialogue', 15);
  expect(fetched).toEqual([]);

  await openSummary(page);
  expect(await totalRow(page, 'Total participants (attendances)')).toEqual(['15', '']);
  expect(fetched.map((url) => url.replace(/.*\/summary-[0-9a-f]{16}/, ''))).toEqual(['.js', '_bg.wasm']);

  // Opened again after another draft: drawn again over both, without fetching anything.
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await draft(page, 'Duhok training', 20);
  await openSummary(page);
  expect(await totalRow(page, 'Total participants (attendances)')).toEqual(['35', '']);
  await expect(summary(page)).toHaveCount(1);
  expect(fetched).toHaveLength(2);

  // A title opens its draft in the app's editor, through the page.
  await summary(page).getByRole('button', { name: 'Duhok training' }).click();
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Duhok training');
});

test('the Summary follows the interface language chosen while it is open', async ({ app: page }) => {
  await draft(page, 'Erbil youth dialogue', 15);
  await openSummary(page);
  await page.getByLabel('Interface language').selectOption('ckb');
  const region = page.getByRole('region', { name: 'پوختەی ڕاپۆرتی چالاکییەکان' });
  await expect(region.getByRole('button', { name: 'داگرتنی CSV' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(region.getByRole('table', { name: 'کۆکان' })).toBeVisible();
  await page.getByLabel('زمانی ڕووکار').selectOption('en');
  await expect(summary(page).getByRole('button', { name: 'Download CSV' })).toBeVisible();
});

test('when the Summary cannot load, the person is told in words, and opening it again loads it', async ({ browser }) => {
  // Its own context: the refused requests are logged as console errors, which the fixture forbids.
  const { context, page, pageErrors } = await openWithoutServiceWorker(browser);
  try {
    await draft(page, 'Erbil youth dialogue', 15);
    // Neither file: the script does not load.
    await page.route(MODULE, (route) => route.abort());
    await page.getByRole('button', { name: 'Summary', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('The Summary could not be loaded');
    await page.unroute(MODULE);
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    await openSummary(page);
    expect(await totalRow(page, 'Total participants (attendances)')).toEqual(['15', '']);
    await expect(page.getByText('The Summary could not be loaded')).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('when only the Summary\'s WebAssembly cannot load, the person is told, and Try again starts it', async ({ browser }) => {
  const { context, page, pageErrors } = await openWithoutServiceWorker(browser);
  try {
    await draft(page, 'Erbil youth dialogue', 15);
    await page.route(WASM, (route) => route.abort());
    await page.getByRole('button', { name: 'Summary', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('The Summary could not be loaded');
    await expect(page.getByText('Loading the Summary…')).toBeHidden();
    await page.unroute(WASM);
    await page.getByRole('alert').getByRole('button', { name: 'Try again' }).click();
    await expect(summary(page).getByRole('table', { name: 'Totals' })).toBeVisible();
    await expect(page.getByText('The Summary could not be loaded')).toHaveCount(0);
    expect(await totalRow(page, 'Total participants (attendances)')).toEqual(['15', '']);
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the Summary left before its WebAssembly failed to load opens when it is opened again', async ({ browser }) => {
  const { context, page, pageErrors } = await openWithoutServiceWorker(browser);
  try {
    await draft(page, 'Erbil youth dialogue', 15);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(WASM, async (route) => {
      await held;
      await route.abort();
    });
    await page.getByRole('button', { name: 'Summary', exact: true }).click();
    await expect(page.getByText('Loading the Summary…')).toBeVisible();
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    const failed = page.waitForEvent('requestfailed', (request) => WASM.test(request.url()));
    release();
    await failed;
    await page.unroute(WASM);
    await openSummary(page);
    expect(await totalRow(page, 'Total participants (attendances)')).toEqual(['15', '']);
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('after one visit the Summary opens offline: the service worker has its module', async ({ browser }) => {
  const host = await serveStatic(dist);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchForErrors(page);
  try {
    await page.goto(host.url);
    await draft(page, 'Erbil youth dialogue', 15);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    await page.reload();
    await openSummary(page);
    expect(await totalRow(page, 'Total participants (attendances)')).toEqual(['15', '']);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await host.close();
  }
});
