// The Content-Security-Policy that index.html carries (for hosts that cannot send headers) lets
// everything the app does run, and blocks what it must: no violation is reported while the app
// loads, imports, exports (the Word file in its worker too), prints (the printable report in its
// frame), previews it, takes a photo and opens the Summary (a module added to the page).
import { test, expect } from './fixtures';
import { importEditedSample } from './import-sample';
import { png } from './test-images';
import type { Page } from '@playwright/test';

/** From now on, records every violation reported in the page or any of its frames (and stubs print). */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const top = window.top as any;
    top.__cspViolations ??= [];
    document.addEventListener('securitypolicyviolation', (event) =>
      top.__cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
    // Headless Chromium has no print dialog: record the call instead.
    window.print = () => {
      top.__printed = (top.__printed ?? 0) + 1;
    };
  });
}

/** The violations recorded so far, as "directive blocked-uri". */
async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).__cspViolations.slice());
}

async function expectDownload(page: Page, button: string, name: RegExp) {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  expect((await started).suggestedFilename()).toMatch(name);
}

test('under its own Content-Security-Policy the app loads, imports, exports, prints and takes a photo with no violation', async ({ app: page }) => {
  test.setTimeout(90_000);
  const consoleViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
  });
  await watchViolations(page);
  await page.reload();
  const title = page.getByLabel('Report title', { exact: true });
  await expect(title).toBeEditable();
  page.on('dialog', (dialog) => dialog.accept());

  await importEditedSample(page, (report) => {
    report.title = 'Under a strict policy';
  });
  await expect(title).toHaveValue('Under a strict policy');

  await page.getByRole('button', { name: 'Add attachment' }).click();
  const attachment = page.getByRole('group', { name: /^Attachment \d+$/ }).last();
  await attachment.getByLabel('Description').fill('Group photo');
  await attachment.getByLabel('Photo', { exact: true }).setInputFiles({ name: 'group.png', mimeType: 'image/png', buffer: png(320, 240) });
  const thumbnail = attachment.getByRole('img');
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  await expectDownload(page, 'Export HTML', /\.html$/);
  await expectDownload(page, 'Export JSON', /\.json$/);
  // The Word file is made by a second module in a worker (worker-src 'self').
  await expectDownload(page, 'Export Word', /\.docx$/);

  // Print shows the printable report, photo included, in a frame that inherits the policy.
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  const frame = page.frameLocator('#print-frame');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Under a strict policy');
  const printed = frame.locator('img').last();
  await expect.poll(() => printed.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => (window as any).__printed)).toBe(1);

  // Preview shows the same page, photo included, in a frame of the editor.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Preview' }).getByTitle('Preview of the printed report').contentFrame();
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Under a strict policy');
  const shown = preview.locator('img').last();
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  // The Summary is a module added to the page when it first opens, and makes its CSV in a worker.
  await page.getByRole('button', { name: 'Summary', exact: true }).click();
  const summary = page.getByRole('region', { name: 'Summary of activity reports' });
  await expect(summary.getByRole('table', { name: 'Totals' })).toBeVisible();
  await expectDownload(page, 'Download CSV', /\.csv$/);

  expect(await violations(page)).toEqual([]);
  expect(consoleViolations).toEqual([]);
});

test('the policy is in force: a script written into the page is refused, and reported', async ({ browser }) => {
  // This page breaks the policy on purpose, so it is not the fixture's page (which fails on it).
  const page = await browser.newPage();
  await watchViolations(page);
  await page.goto('./');
  await expect(page.getByLabel('Report title', { exact: true })).toBeEditable();
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    return (window as any).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations(page)).toEqual(['script-src-elem inline']);
  await page.close();
});
