import { test as base, expect, type Page } from '@playwright/test';

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
