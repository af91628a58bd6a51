import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect, expectSaved, watchForErrors } from './fixtures';
import type { Page } from '@playwright/test';

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
  await expect(storage(other).getByRole('status')).toHaveText('Restored 2 drafts (0 were already here).');
  await expect(reports(other).getByRole('heading', { level: 3 })).toHaveCount(3);
  // A second restore adds nothing.
  await restore(other, backupPath);
  await expect(storage(other).getByRole('status')).toHaveText('Restored 0 drafts (2 were already here).');
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

test('a file that is not a backup is refused with the reason, and nothing changes', async ({ app: page }, testInfo) => {
  await page.getByRole('button', { name: 'Reports' }).click();
  const junk = testInfo.outputPath('junk.json');
  writeFileSync(junk, '{"format": "something-else"');
  await restore(page, junk);
  await expect(storage(page).getByRole('alert')).toContainText('line');
  await expect(page.getByText('No reports yet', { exact: false }).or(reports(page).getByRole('listitem'))).toBeVisible();
});
