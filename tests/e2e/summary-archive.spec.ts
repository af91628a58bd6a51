import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, download, expectSaved, watchForErrors } from './fixtures';
import { importEditedSample } from './import-sample';
import { summary, totalRow, reportsIn, parseCsv, sampleFiles } from './summary-helpers';
import { outcomes as fileOutcomes } from './file-outcomes';
import type { Page } from '@playwright/test';

const fixture = path.join(__dirname, '..', 'fixtures', 'report-v1.json');

async function addReports(page: Page, files: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await summary(page).getByRole('button', { name: 'Add reports' }).click();
  await (await chooser).setFiles(files);
}

/** Exports three reports of the sample as printable pages, with 15, 20 and 7 participants. */
async function threeExportedPages(page: Page): Promise<string[]> {
  page.on('dialog', (dialog) => dialog.accept());
  const pages: string[] = [];
  for (const [title, total, male, female] of [['Basra dialogue', 15, 9, 6], ['Erbil workshop', 20, 12, 8], ['Duhok meeting', 7, 3, 4]] as const) {
    await importEditedSample(page, (r) => {
      r.title = title;
      r.participants.total = total;
      r.participants.male = male;
      r.participants.female = female;
    });
    await expectSaved(page);
    pages.push((await download(page, 'Export HTML')).path);
  }
  return pages;
}

test('three exported pages added in one choice on a fresh profile: one given twice is already here, a wrong file is refused with its reason, Totals and CSV give their sums, and they stay after a reload', async ({ app: page, browser }) => {
  test.setTimeout(120_000);
  const [basra, erbil, duhok] = await threeExportedPages(page);
  const notes = path.join(mkdtempSync(path.join(tmpdir(), 'taqrir-notes-')), 'notes.txt');
  writeFileSync(notes, 'minutes of the meeting');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = watchForErrors(other);
  await other.goto('./');
  await other.getByRole('button', { name: 'Summary' }).click();
  await addReports(other, [basra, erbil, notes, duhok, basra]);
  const outcomes = fileOutcomes(summary(other));
  await expect(outcomes).toHaveCount(5);
  const lines = await outcomes.allTextContents();
  expect(lines.filter((line) => line.endsWith(': added.'))).toHaveLength(3);
  expect(lines).toContain(`${path.basename(basra)}: already here; not added again.`);
  // Others were added: the refused file's line says it was not added, not that nothing changed.
  expect(lines.find((line) => line.startsWith('notes.txt: not added.'))).toMatch(/^notes\.txt: not added\. This file is not (a Taqrir report|valid JSON[^.]*)\.$/);

  expect(await totalRow(other, 'Activities')).toEqual(['3', '']);
  expect(await totalRow(other, 'Total participants (attendances)')).toEqual(['42', '']);
  expect(await totalRow(other, 'Male')).toEqual(['24', '']);
  expect(await totalRow(other, 'Female')).toEqual(['18', '']);

  const csv = await download(other, 'Download CSV');
  const [header, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, ''));
  const sum = (name: string) => rows.reduce((total, row) => total + Number(row[header.indexOf(name)] || 0), 0);
  expect([rows.length, sum('participants_total'), sum('male'), sum('female')]).toEqual([3, 42, 24, 18]);
  expect(rows.map((row) => row[header.indexOf('source')])).toEqual(['received', 'received', 'received']);

  await other.reload();
  await other.getByRole('button', { name: 'Summary' }).click();
  await expect(summary(other).getByText('3 reports in this summary.')).toBeVisible();
  expect(await totalRow(other, 'Total participants (attendances)')).toEqual(['42', '']);

  // A received report opens to read; a copy goes to the drafts; removing it leaves the summary.
  await reportsIn(other).getByRole('button', { name: 'Erbil workshop' }).click();
  const received = summary(other).getByRole('region', { name: 'Erbil workshop' });
  await expect(received.frameLocator('iframe').getByRole('heading', { level: 1 })).toHaveText('Erbil workshop');
  await received.getByRole('button', { name: 'Remove from the summary' }).click();
  await expect(summary(other).getByText('2 reports in this summary.')).toBeVisible();
  await reportsIn(other).getByRole('button', { name: 'Duhok meeting' }).click();
  await summary(other).getByRole('region', { name: 'Duhok meeting' }).getByRole('button', { name: 'Copy to my drafts' }).click();
  await expect(other.getByLabel('Report title', { exact: true })).toHaveValue('Duhok meeting');
  expect(errors).toEqual([]);
  await fresh.close();
});

test('"Back up all" carries the received reports: restored into a fresh browser, the Summary shows them, and a second restore adds none again', async ({ app: page, browser }) => {
  test.setTimeout(120_000);
  await page.getByRole('button', { name: 'Summary' }).click();
  await addReports(page, sampleFiles([['Basra dialogue', 15], ['Erbil workshop', 20]]));
  await expect(fileOutcomes(summary(page))).toHaveCount(2);
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  const backup = await download(page, 'Back up all');
  expect(JSON.parse(backup.text).received.map((r: { document: { report: { title: string } } }) => r.document.report.title).sort())
    .toEqual(['Basra dialogue', 'Erbil workshop']);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = watchForErrors(other);
  await other.goto('./');
  await other.getByRole('button', { name: 'Reports', exact: true }).click();
  const storage = other.getByRole('region', { name: 'Storage and backups' });
  const restore = async () => {
    const chooser = other.waitForEvent('filechooser');
    await storage.getByRole('button', { name: 'Restore' }).click();
    await (await chooser).setFiles(backup.path);
  };
  await restore();
  await expect(fileOutcomes(storage)).toHaveText([/2 received reports were added to the Summary\.$/]);
  await other.getByRole('button', { name: 'Summary' }).click();
  await summary(other).getByLabel('Include my drafts').uncheck();
  await expect(summary(other).getByText('2 reports in this summary.')).toBeVisible();
  expect(await totalRow(other, 'Total participants (attendances)')).toEqual(['35', '']);
  await expect(reportsIn(other).getByRole('button', { name: 'Erbil workshop' })).toBeVisible();

  await other.getByRole('button', { name: 'Reports', exact: true }).click();
  await restore();
  await expect(fileOutcomes(storage)).toHaveText([/2 received reports were already here\.$/]);
  await other.getByRole('button', { name: 'Summary' }).click();
  await summary(other).getByLabel('Include my drafts').uncheck();
  await expect(summary(other).getByText('2 reports in this summary.')).toBeVisible();
  expect(errors).toEqual([]);
  await fresh.close();
});

test('the archive holds 5,000 reports added in one choice, and the Summary still opens over all of them after a reload', async ({ app: page }, testInfo) => {
  test.setTimeout(600_000);
  const sample = JSON.parse(readFileSync(fixture, 'utf8'));
  const dir = mkdtempSync(path.join(tmpdir(), 'taqrir-5000-'));
  const files: string[] = [];
  for (let i = 0; i < 5000; i++) {
    const document = structuredClone(sample);
    document.report.title = `Session ${i + 1}`;
    document.report.participants.total = (i % 40) + 1;
    const file = path.join(dir, `report-${i + 1}.json`);
    writeFileSync(file, JSON.stringify(document));
    files.push(file);
  }
  await page.getByRole('button', { name: 'Summary' }).click();
  await summary(page).getByLabel('Include my drafts').uncheck();
  await addReports(page, files);
  await expect(summary(page).getByText('5000 reports in this summary.')).toBeVisible({ timeout: 480_000 });
  const expected = files.reduce((total, _, i) => total + (i % 40) + 1, 0);
  expect(await totalRow(page, 'Total participants (attendances)')).toEqual([String(expected), '']);
  await page.reload();
  await page.getByRole('button', { name: 'Summary' }).click();
  await summary(page).getByLabel('Include my drafts').uncheck();
  await expect(summary(page).getByText('5000 reports in this summary.')).toBeVisible({ timeout: 60_000 });
  expect(await totalRow(page, 'Total participants (attendances)')).toEqual([String(expected), '']);
  testInfo.annotations.push({ type: 'archive', description: `${files.length} reports` });
});
