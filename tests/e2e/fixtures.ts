import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

/** Collects page errors, panics (they reach the console) and console errors of a page. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  page.on('crash', () => errors.push('page crashed'));
  return errors;
}

/** `page` that fails the test on any page error or panic, and opens the app ready to type. */
export const test = base.extend<{ app: Page }>({
  page: async ({ page }, use) => {
    const errors = watchForErrors(page);
    await use(page);
    expect(errors, 'the page reported errors').toEqual([]);
  },
  app: async ({ page }, use) => {
    await page.goto('./');
    await expect(page.getByLabel('Report title', { exact: true })).toBeEditable();
    await use(page);
  },
});

export { expect };

/** The app in a context of its own, its service worker blocked: requests for a module loaded on
 * demand (the export worker, the Summary) then reach the network, where a test can hold or refuse
 * them. Refused requests are logged as console errors, which the `page` fixture forbids; page
 * errors are collected. */
export async function openWithoutServiceWorker(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ ...options, baseURL: test.info().project.use.baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('./');
  return { context, page, pageErrors };
}

/** Clicks the button named `button` and reads the file it downloads. */
export async function download(page: Page, button: string) {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await started;
  const saved = path.join(mkdtempSync(path.join(tmpdir(), 'taqrir-dl-')), file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), text: readFileSync(saved, 'utf8'), path: saved };
}

/** Waits until the open draft has been written to storage. */
export async function expectSaved(page: Page) {
  await expect(page.getByRole('status')).toHaveText('Saved');
}

/** The stored text of a draft written by a newer version of Taqrir (schema 99), with a field this version does not know. */
export const NEWER_DRAFT = JSON.stringify({
  format: 'taqrir-report',
  schema_version: 99,
  report: { title: 'From a newer Taqrir', venue: 'Basra', field_from_the_future: { x: 1 } },
});

/** Makes `NEWER_DRAFT` (id `newer`, listed with revision `rev`) the only draft and the one open, and reloads. */
export async function openNewerDraft(page: Page, rev = 3) {
  await page.evaluate(
    ([newer, rev]) => {
      localStorage.clear();
      localStorage.setItem('taqrir.draft.newer', newer);
      const entry = { id: 'newer', title: 'From a newer Taqrir', date: '', updated_ms: 1, rev };
      localStorage.setItem('taqrir.index', JSON.stringify({ drafts: [entry], last_open: 'newer' }));
    },
    [NEWER_DRAFT, rev] as const,
  );
  await page.reload();
}
