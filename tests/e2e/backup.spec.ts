import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect, expectSaved, watchForErrors } from './fixtures';
import type { Page } from '@playwright/test';
import { outcomes } from './file-outcomes';

const title = (page: Page) => page.getByLabel('Report title', { exact: true });
const reports = (page: Page) => page.getByRole('region', { name: 'Reports' });
const storage = (page: Page) => page.getByRole('region', { name: 'Storage and backups' });

async function restore(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore' }).click();
  await (await chooser).setFiles(file);
}

test('"Back up all" saves every draft in one file; "Restore" brings them into a fresh browser without overwriting', async ({ app: page, browser }) => {
  await title(page).fill('Third dialogue session');
  await page.getByRole('button', { name: 'New report' }).click();
  await title(page).fill('Fourth dialogue session');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Reports' }).click();
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up all' }).click();
  const file = await started;
  expect(file.suggestedFilename()).toMatch(/^taqrir-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backupPath = (await file.path())!;
  const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
  expect(backup.format).toBe('taqrir-backup');
  expect(backup.drafts.map((d: { document: { report: { title: string } } }) => d.document.report.title).sort()).toEqual([
    'Fourth dialogue session',
    'Third dialogue session',
  ]);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = watchForErrors(other);
  await other.goto('./');
  await title(other).fill('Already in the other browser');
  await expectSaved(other);
  await other.getByRole('button', { name: 'Reports' }).click();
  await restore(other, backupPath);
  await expect(outcomes(storage(other))).toContainText(['Restored 2 drafts.']);
  await expect(reports(other).getByRole('heading', { level: 3 })).toHaveCount(3);
  // A second restore adds nothing.
  await restore(other, backupPath);
  await expect(outcomes(storage(other))).toContainText(['Restored 0 drafts. 2 were already here.']);
  await expect(reports(other).getByRole('heading', { level: 3 })).toHaveCount(3);
  await reports(other)
    .getByRole('listitem')
    .filter({ has: other.getByRole('heading', { name: 'Third dialogue session' }) })
    .getByRole('button', { name: 'Open' })
    .click();
  await expect(title(other)).toHaveValue('Third dialogue session');
  expect(errors).toEqual([]);
  await fresh.close();
});

/** Every key of the app's drafts and index in local storage, with its text. */
async function storedDrafts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((key) => key === 'taqrir.index' || key.startsWith('taqrir.draft.'))
        .map((key) => [key, localStorage.getItem(key)!]),
    ),
  );
}

async function importJson(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await chooser).setFiles(file);
}

test('a refused Restore or Import leaves the index and every stored draft byte for byte as they were', async ({ app: page }, testInfo) => {
  await title(page).fill('Third dialogue session');
  await page.getByRole('button', { name: 'New report' }).click();
  await title(page).fill('Fourth dialogue session');
  await expectSaved(page);
  const before = await storedDrafts(page);
  expect(Object.keys(before)).toHaveLength(3);

  const junk = testInfo.outputPath('junk.json');
  writeFileSync(junk, '{"format": "something-else"');
  const newer = testInfo.outputPath('newer.json');
  writeFileSync(newer, JSON.stringify({ format: 'taqrir-backup', version: 99, drafts: [{ id: 'x', document: { title: 'From the future' } }] }));

  await importJson(page, junk);
  await expect(outcomes(page)).toContainText(['line']);
  expect(await storedDrafts(page)).toEqual(before);

  await page.getByRole('button', { name: 'Reports' }).click();
  for (const [file, reason] of [[junk, 'line'], [newer, '99']]) {
    await restore(page, file);
    await expect(outcomes(storage(page))).toContainText([reason]);
    expect(await storedDrafts(page)).toEqual(before);
  }
  await expect(reports(page).getByRole('heading', { level: 3 })).toHaveText(['Fourth dialogue session', 'Third dialogue session']);
});

test('a backup and this browser holding one draft id with different content: both versions are kept, the backup\'s as <id>-restored', async ({ app: page }) => {
  await title(page).fill('Third dialogue session');
  await expectSaved(page);
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('taqrir.index')!).last_open as string);
  await page.getByRole('button', { name: 'Reports' }).click();
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up all' }).click();
  const backupPath = (await (await started).path())!;

  await page.getByRole('button', { name: 'Editor' }).click();
  await title(page).fill('Third dialogue session, edited since the backup');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Reports' }).click();
  await restore(page, backupPath);
  await expect(outcomes(storage(page))).toContainText(['Restored 1 draft.']);
  await expect(reports(page).getByRole('heading', { level: 3 })).toHaveText(['Third dialogue session, edited since the backup', 'Third dialogue session']);
  const stored = await storedDrafts(page);
  expect(JSON.parse(stored[`taqrir.draft.${id}`]).report.title).toBe('Third dialogue session, edited since the backup');
  expect(JSON.parse(stored[`taqrir.draft.${id}-restored`]).report.title).toBe('Third dialogue session');
  // Restoring the same file again finds both.
  await restore(page, backupPath);
  await expect(outcomes(storage(page))).toContainText(['Restored 0 drafts. 1 was already here.']);
  expect(await storedDrafts(page)).toEqual(stored);
});

test('a draft restored after 31 days in the trash stays in the trash for 30 days from the restore, and the message says so', async ({ app: page }, testInfo) => {
  const day = 24 * 3600 * 1000;
  const file = testInfo.outputPath('old-backup.json');
  const report = (title: string) => ({ format: 'taqrir-report', schema_version: 1, report: { title } });
  writeFileSync(
    file,
    JSON.stringify({
      format: 'taqrir-backup',
      version: 1,
      created_ms: Date.now() - 40 * day,
      drafts: [
        { id: 'old1', updated_ms: Date.now() - 60 * day, deleted_ms: Date.now() - 31 * day, document: report('Deleted long ago') },
        { id: 'old2', updated_ms: Date.now() - 60 * day, document: report('Kept') },
      ],
    }),
  );
  await page.getByRole('button', { name: 'Reports' }).click();
  await restore(page, file);
  await expect(outcomes(storage(page))).toContainText(['Restored 2 drafts. 1 of them had been deleted: it is in the Trash again, kept for 30 days from today.']);
  // Screens change (the trash is emptied of what is due) and the app starts again: still there.
  await page.getByRole('button', { name: 'Editor' }).click();
  await page.reload();
  await page.getByRole('button', { name: 'Reports' }).click();
  const trash = page.getByRole('region', { name: 'Trash (1)' });
  await expect(trash.getByRole('heading', { level: 3 })).toHaveText(['Deleted long ago']);
  const erased = new Date(Date.now() + 30 * day).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  await expect(trash).toContainText(`Erased on ${erased}`);
  await expect(reports(page).getByRole('heading', { level: 3 })).toHaveText(['Kept']);
  expect(await page.evaluate(() => localStorage.getItem('taqrir.draft.old1'))).toContain('Deleted long ago');
});
