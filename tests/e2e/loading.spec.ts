// The loading screen of index.html: something in the three languages on screen before any script
// has run, gone once the app starts, and words instead of "Loading" when WebAssembly cannot start.
import { test, expect, watchForErrors } from './fixtures';
import type { Page } from '@playwright/test';

const CANNOT_START = 'Taqrir cannot start in this browser.';

/** The loading screen's three loading lines. */
const loadingLines = (page: Page) => [
  page.getByText('Loading…', { exact: true }),
  page.getByText('جارٍ التحميل…', { exact: true }),
  page.getByText('بار دەکرێت…', { exact: true }),
];

test('the name and a loading line show before the WebAssembly arrives, and go once the app starts', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: /Taqrir.*تقرير.*تەقریر/ })).toBeVisible();
  for (const line of loadingLines(page)) await expect(line).toBeVisible();
  await expect(page.getByText(CANNOT_START)).toBeHidden();
  await expect(page.getByLabel('Report title', { exact: true })).toHaveCount(0);

  release();
  await expect(page.getByLabel('Report title', { exact: true })).toBeEditable();
  for (const line of loadingLines(page)) await expect(line).toHaveCount(0);
  await expect(page.getByText(CANNOT_START)).toHaveCount(0);
});

test.describe('when WebAssembly cannot start, the page says so in words', () => {
  // These pages fail on purpose: their errors are checked here instead of by the fixture.
  test('the download of the WebAssembly fails', async ({ browser }) => {
    const page = await browser.newPage();
    const errors = watchForErrors(page);
    await page.route('**/*.wasm', (route) => route.abort('connectionfailed'));
    await page.goto('./');
    await expect(page.getByText(CANNOT_START)).toBeVisible();
    await expect(page.getByText('تعذّر تشغيل تقرير في هذا المتصفح.', { exact: false })).toBeVisible();
    for (const line of loadingLines(page)) await expect(line).toBeHidden();
    expect(errors.length).toBeGreaterThan(0);
    await page.close();
  });

  test('the browser has no WebAssembly', async ({ browser }) => {
    const page = await browser.newPage();
    const errors = watchForErrors(page);
    await page.addInitScript(() => {
      delete (window as any).WebAssembly;
    });
    await page.goto('./');
    await expect(page.getByText(CANNOT_START)).toBeVisible();
    for (const line of loadingLines(page)) await expect(line).toBeHidden();
    expect(errors).toEqual(['page error: this browser has no WebAssembly']);
    await page.close();
  });

  test('scripts are off', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('./');
    await expect(page.getByText(CANNOT_START)).toBeVisible();
    for (const line of loadingLines(page)) await expect(line).toBeHidden();
    await context.close();
  });
});
