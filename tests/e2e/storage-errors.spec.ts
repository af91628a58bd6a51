import { writeFileSync } from 'node:fs';
import { test, expect, expectSaved } from './fixtures';
import type { Page } from '@playwright/test';
import { outcomes } from './file-outcomes';

const title = (page: Page) => page.getByLabel('Report title', { exact: true });
const reports = (page: Page) => page.getByRole('region', { name: 'Reports' });
const storage = (page: Page) => page.getByRole('region', { name: 'Storage and backups' });
const draft = (page: Page, name: string) =>
  reports(page).getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });

/** From now on local storage refuses to write keys starting with `prefix`, as a browser does for reasons of its own. */
async function refuseWrites(page: Page, prefix: string) {
  await page.evaluate((prefix) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith(prefix)) throw new DOMException('Refused by the test', 'UnknownError');
      return setItem.call(this, key, value);
    };
  }, prefix);
}

test('a delete that fails says so, does not say "moved to the trash", and the draft stays listed', async ({ app: page }) => {
  await title(page).fill('Third dialogue session');
  await page.getByRole('button', { name: 'New report' }).click();
  await title(page).fill('Fourth dialogue session');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(reports(page).getByRole('listitem')).toHaveCount(2);

  await refuseWrites(page, 'taqrir.index');
  await draft(page, 'Third dialogue session').getByRole('button', { name: 'Delete' }).click();
  await expect(reports(page).getByRole('alert')).toHaveText(
    '“Third dialogue session” was not moved to the trash: The browser refused to store it (UnknownError).',
  );
  await expect(page.getByText('was moved to the trash')).toHaveCount(0);
  await expect(draft(page, 'Third dialogue session')).toHaveCount(1);
  await page.reload();
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(reports(page).getByRole('listitem')).toHaveCount(2);
});

test('a restore that fails for a reason other than space says that reason, not "storage is full"', async ({ app: page }, testInfo) => {
  await title(page).fill('Already here');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Reports' }).click();
  const file = testInfo.outputPath('report.json');
  writeFileSync(file, JSON.stringify({ format: 'taqrir-report', schema_version: 1, report: { title: 'From a file' } }));

  await refuseWrites(page, 'taqrir.draft.');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore' }).click();
  await (await chooser).setFiles(file);
  await expect(outcomes(storage(page))).toHaveText([
    'report.json: 0 drafts were restored, then restoring stopped: The browser refused to store it (UnknownError).',
  ]);
  await expect(page.getByText('Storage is full')).toHaveCount(0);
  await expect(reports(page).getByRole('heading', { level: 3 })).toHaveText(['Already here']);
});
