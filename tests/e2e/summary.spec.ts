import { readFileSync } from 'node:fs';
import { test, expect, expectSaved } from './fixtures';
import { importEditedSample } from './import-sample';
import type { Page } from '@playwright/test';
import { summary, totalRow, reportsIn, parseCsv } from './summary-helpers';

/** Two drafts from the sample: 15 (9 male, 6 female) and 20 participants with a count that is not a number. */
async function twoDrafts(page: Page) {
  await importEditedSample(page, (r) => {
    r.title = 'Erbil youth dialogue';
    r.date = '2026-02-10';
    r.participants.governorates = [{ name: 'Erbil', count: 15 }];
    r.participants.categories = [];
  });
  await expectSaved(page);
  await importEditedSample(page, (r) => {
    r.title = 'Duhok training';
    r.date = '2026-05-03';
    r.activity_type = 'training';
    r.participants.total = 20;
    r.participants.male = '12.5';
    r.participants.female = 8;
    r.participants.governorates = [{ name: '  erbil ', count: 20 }];
    r.participants.categories = [];
  });
  await expectSaved(page);
}

test('the Summary totals the drafts, says which reports lack a figure, and its CSV gives the same numbers', async ({ app: page }) => {
  await twoDrafts(page);
  await page.getByRole('button', { name: 'Summary' }).click();
  // A report ticked out leaves the totals, and comes back when ticked in.
  const duhok = summary(page).getByRole('checkbox', { name: 'Include “Duhok training” in the totals' });
  await duhok.uncheck();
  expect(await totalRow(page, 'Total participants (attendances)')).toEqual(['15', '']);
  await duhok.check();

  expect(await totalRow(page, 'Activities')).toEqual(['2', '']);
  expect(await totalRow(page, 'Total participants (attendances)')).toEqual(['35', '']);
  expect(await totalRow(page, 'Male')).toEqual(['9', '1']);
  expect(await totalRow(page, 'Female')).toEqual(['14', '']);
  expect(await totalRow(page, 'People reached (first-time participants)')).toEqual(['0', '2']);
  const byGovernorate = summary(page).getByRole('table', { name: 'Participants by governorate' });
  await expect(byGovernorate.getByRole('row', { name: 'Erbil 35' })).toBeVisible();
  await expect(summary(page).getByText('1 report has counts that are not whole numbers')).toBeVisible();
  await expect(summary(page).getByRole('img', { name: /Male: 9, Female: 14/ })).toBeVisible();

  const started = page.waitForEvent('download');
  await summary(page).getByRole('button', { name: 'Download CSV' }).click();
  const download = await started;
  expect(download.suggestedFilename()).toMatch(/^taqrir-summary-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  const column = (name: string) => rows.map((row) => row[header.indexOf(name)]);
  expect(column('title')).toEqual(['Erbil youth dialogue', 'Duhok training'].filter((t) => column('title').includes(t)));
  expect(rows).toHaveLength(2);
  const sum = (name: string) => column(name).reduce((total, n) => total + Number(n || 0), 0);
  expect([sum('participants_total'), sum('male'), sum('female')]).toEqual([35, 9, 14]);
  expect(column('male').sort()).toEqual(['', '9']);
});

test('the Summary narrows by dates, activity type and search, and a title opens its report', async ({ app: page }) => {
  await twoDrafts(page);
  await page.getByRole('button', { name: 'Summary' }).click();
  const from = summary(page).getByLabel('From');
  await from.fill('2026-04-01');
  await from.dispatchEvent('change');
  await expect(reportsIn(page).getByRole('row')).toHaveCount(2);
  await expect(reportsIn(page).getByRole('button', { name: 'Duhok training' })).toBeVisible();
  await from.fill('');
  await from.dispatchEvent('change');
  await summary(page).getByLabel('Activity type').selectOption({ label: 'Dialogue session' });
  await summary(page).getByLabel('Search').fill('erbil');
  await expect(reportsIn(page).getByRole('row')).toHaveCount(2);
  expect(await totalRow(page, 'Activities')).toEqual(['1', '']);
  await reportsIn(page).getByRole('button', { name: 'Erbil youth dialogue' }).click();
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Erbil youth dialogue');
});

test('the Summary in Arabic has no English left', async ({ app: page }) => {
  await twoDrafts(page);
  await page.getByLabel('Interface language').selectOption('ar');
  await page.getByRole('button', { name: 'الملخص' }).click();
  const region = page.getByRole('region', { name: 'ملخص تقارير الأنشطة' });
  await expect(region.getByRole('table', { name: 'المجاميع' })).toBeVisible();
  // Every word of the screen, less the reports' own texts (titles, organisations, places) and the names of file formats, is in Arabic script.
  const own = ['Erbil', 'erbil', 'youth', 'dialogue', 'Duhok', 'training', 'No', 'Borders', 'Humanity', 'Organization', 'NBH', 'Dhi', 'Qar', 'CSV', 'HTML', 'JSON'];
  const words = (await region.innerText()).match(/[A-Za-z]+/g) ?? [];
  expect(words.filter((w) => !own.includes(w))).toEqual([]);
});
