import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, expectSaved, watchForErrors } from './fixtures';
import { outcomes } from './file-outcomes';
import type { Browser, Page } from '@playwright/test';

const title = (page: Page) => page.getByLabel('Report title', { exact: true });
const reportTitles = (page: Page) => page.getByRole('region', { name: 'Reports' }).getByRole('heading', { level: 3 });

async function exportHtml(page: Page, dir: string, name: string) {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export HTML' }).click();
  const file = path.join(dir, name);
  await (await started).saveAs(file);
  return file;
}

async function importFiles(page: Page, files: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await chooser).setFiles(files);
}

/** Writes three reports in `page` and exports each as its printable page. */
async function threeExportedPages(page: Page, dir: string) {
  page.on('dialog', (dialog) => dialog.accept());
  const files = [];
  for (const [i, name] of ['Third dialogue session', 'Workshop in Erbil', 'Closing session'].entries()) {
    if (i > 0) await page.getByRole('button', { name: 'New report' }).click();
    await title(page).fill(name);
    await page.getByLabel('Total participants', { exact: true }).fill(String(10 + i));
    await expectSaved(page);
    files.push(await exportHtml(page, dir, `report-${i + 1}.html`));
  }
  return files;
}

async function freshProfile(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto('./');
  await expect(title(page)).toBeEditable();
  return { context, page, errors };
}

test('exported pages chosen together are each added, one chosen twice is already here, and a refused file is listed with its reason', async ({ app: page, browser }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'taqrir-intake-'));
  const [first, second, third] = await threeExportedPages(page, dir);
  const again = path.join(dir, 'report-1-again.html');
  copyFileSync(first, again);
  const broken = path.join(dir, 'notes.json');
  writeFileSync(broken, '{"format": "taqrir-report", "report": {,}}');

  const { context, page: other, errors } = await freshProfile(browser);
  await importFiles(other, [first, second, again, broken, third]);
  await expect(outcomes(other)).toHaveText([
    'report-1.html: added.',
    'report-2.html: added.',
    'report-1-again.html: already here; not added again.',
    'notes.json: not added. This file is not valid JSON (line 1, column 40).',
    'report-3.html: added.',
  ]);
  // Many files stay beside the open draft; the Reports list shows what came in.
  await other.getByRole('button', { name: 'Reports' }).click();
  await expect(reportTitles(other)).toHaveCount(3);
  expect((await reportTitles(other).allTextContents()).sort()).toEqual(['Closing session', 'Third dialogue session', 'Workshop in Erbil']);
  const stored = await other.evaluate(() =>
    Object.entries(localStorage).filter(([key]) => key.startsWith('taqrir.draft.')).map(([, text]) => JSON.parse(text)),
  );
  expect(stored.map((d) => d.report.participants.total).sort()).toEqual([10, 11, 12]);
  expect(errors).toEqual([]);
  await context.close();
});

test('a later export of a report replaces the one here, which goes to the trash; an earlier one never does', async ({ app: page, browser }) => {
  test.setTimeout(120_000);
  page.on('dialog', (dialog) => dialog.accept());
  const dir = mkdtempSync(path.join(tmpdir(), 'taqrir-versions-'));
  await title(page).fill('Third dialogue session');
  await expectSaved(page);
  const before = await exportHtml(page, dir, 'before.html');
  await title(page).fill('Third dialogue session, final');
  await expectSaved(page);
  const after = await exportHtml(page, dir, 'after.html');

  const { context, page: other, errors } = await freshProfile(browser);
  await importFiles(other, [before]);
  await expect(outcomes(other)).toHaveText(['before.html: added.']);
  // One report chosen opens in the editor.
  await expect(title(other)).toHaveValue('Third dialogue session');
  await importFiles(other, [after]);
  await expect(outcomes(other)).toHaveText([
    'after.html: a newer version of a report that was here; it takes its place, and the older version is in the Trash.',
  ]);
  await expect(title(other)).toHaveValue('Third dialogue session, final');
  await importFiles(other, [before]);
  await expect(outcomes(other)).toHaveText(['before.html: an older version of a report that is here; the one here is kept.']);
  await other.getByRole('button', { name: 'Reports' }).click();
  await expect(reportTitles(other)).toHaveText(['Third dialogue session, final']);
  await expect(other.getByRole('region', { name: 'Trash (1)' })).toContainText('Third dialogue session');
  expect(errors).toEqual([]);
  await context.close();
});

test('report files dropped on the window are taken in like chosen ones', async ({ app: page }) => {
  const report = (name: string) =>
    JSON.stringify({ format: 'taqrir-report', schema_version: 1, report: { title: name, participants: { total: '٢٠' } } });
  const files = [
    { name: 'one.json', text: report('Dropped one') },
    { name: 'two.json', text: report('Dropped two') },
    { name: 'photo.txt', text: 'not a report' },
    {
      name: 'backup.json',
      text: JSON.stringify({ format: 'taqrir-backup', version: 1, drafts: [{ id: 'b1', updated_ms: 1, document: JSON.parse(report('From a backup')) }] }),
    },
  ];
  const data = await page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const { name, text } of files) transfer.items.add(new File([text], name, { type: 'application/json' }));
    return transfer;
  }, files);
  await page.dispatchEvent('body', 'drop', { dataTransfer: data });
  await expect(outcomes(page)).toHaveText([
    'one.json: added.',
    'two.json: added.',
    'photo.txt: not added. This file is not valid JSON (line 1, column 2).',
    // A backup dropped is restored.
    'backup.json: Restored 1 draft.',
  ]);
  const totals = await page.evaluate(() =>
    Object.entries(localStorage).filter(([key]) => key.startsWith('taqrir.draft.')).map(([, text]) => JSON.parse(text).report.participants?.total),
  );
  // Schema 1's "٢٠" of a report taken in is stored as the number; a restored draft is stored as the
  // backup has it, and read migrated.
  expect(totals.filter((total) => total !== undefined).map((total) => JSON.stringify(total)).sort()).toEqual(['"٢٠"', '20', '20'].sort());
});
