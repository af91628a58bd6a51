import { test, expect, expectSaved } from './fixtures';
import type { Page } from '@playwright/test';

const title = (page: Page) => page.getByLabel('Report title', { exact: true });
const reports = (page: Page) => page.getByRole('region', { name: 'Reports' });
const draft = (page: Page, name: string) => reports(page).getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });

test('drafts are listed, searched, opened, duplicated, renamed and deleted with undo', async ({ app: page }) => {
  await title(page).fill('Third dialogue session');
  await page.getByLabel('Date', { exact: true }).fill('2024-02-01');
  await page.getByRole('button', { name: 'New report' }).click();
  await title(page).fill('Fourth dialogue session');
  await expectSaved(page);

  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(reports(page).getByRole('listitem')).toHaveCount(2);
  // Most recently edited first, with the activity date.
  await expect(reports(page).getByRole('heading', { level: 3 })).toHaveText(['Fourth dialogue session', 'Third dialogue session']);
  await expect(draft(page, 'Third dialogue session')).toContainText('1 February 2024');

  await page.getByLabel('Search').fill('third');
  await expect(reports(page).getByRole('listitem')).toHaveCount(1);
  await draft(page, 'Third dialogue session').getByRole('button', { name: 'Open' }).click();
  await expect(title(page)).toHaveValue('Third dialogue session');

  await page.getByRole('button', { name: 'Reports' }).click();
  await draft(page, 'Third dialogue session').getByRole('button', { name: 'Duplicate' }).click();
  await expect(title(page)).toHaveValue('Third dialogue session');
  await title(page).fill('Fifth dialogue session');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(reports(page).getByRole('listitem')).toHaveCount(3);

  await draft(page, 'Fourth dialogue session').getByRole('button', { name: 'Rename' }).click();
  await draft(page, 'Fourth dialogue session').getByLabel('Report title').fill('Fourth session (Nasiriyah)');
  await reports(page).getByRole('button', { name: 'Save title' }).click();
  await expect(draft(page, 'Fourth session (Nasiriyah)')).toHaveCount(1);

  await draft(page, 'Fourth session (Nasiriyah)').getByRole('button', { name: 'Delete' }).click();
  await expect(reports(page).getByRole('status')).toContainText('moved to the trash');
  await expect(reports(page).getByRole('listitem')).toHaveCount(2);
  await reports(page).getByRole('button', { name: 'Undo' }).click();
  await expect(reports(page).getByRole('listitem')).toHaveCount(3);

  await draft(page, 'Fourth session (Nasiriyah)').getByRole('button', { name: 'Delete' }).click();
  await page.reload();
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(reports(page).getByRole('listitem')).toHaveCount(2);
  // Deleted drafts are kept (in the trash), not erased.
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('taqrir.draft.')).length);
  expect(stored).toBe(3);
});

test('a new report from a template has its structure and a sample agenda', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Reports' }).click();
  await page.getByLabel('Template').selectOption('meeting');
  await page.getByRole('button', { name: 'New from template' }).click();
  await expect(page.getByLabel('Activity type')).toHaveValue('meeting');
  const first = page.getByRole('group', { name: 'Agenda item 1', exact: true });
  await expect(first.getByLabel('Start', { exact: true })).toHaveValue('10:00');
  await expect(page.getByRole('group', { name: 'Objective 1', exact: true })).toBeVisible();
});

test('a long list opens a page at a time, and search reaches every draft', async ({ app: page }) => {
  await page.evaluate(() => {
    const drafts = [];
    for (let i = 1; i <= 45; i++) {
      const id = `d${i}`;
      drafts.push({ id, title: `Session ${i}`, date: '2024-03-07', updated_ms: i });
      localStorage.setItem(`taqrir.draft.${id}`, JSON.stringify({ format: 'taqrir-report', schema_version: 1, report: { title: `Session ${i}` } }));
    }
    localStorage.setItem('taqrir.index', JSON.stringify({ drafts, last_open: 'd45' }));
  });
  await page.reload();
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(reports(page).getByRole('listitem')).toHaveCount(40);
  await reports(page).getByRole('button', { name: 'Show more (5 not shown)' }).click();
  await expect(reports(page).getByRole('listitem')).toHaveCount(45);
  await page.reload();
  await page.getByRole('button', { name: 'Reports' }).click();
  await page.getByLabel('Search').fill('Session 1');
  // Session 1 and 10–19: the oldest are found although not on the first page.
  await expect(reports(page).getByRole('listitem')).toHaveCount(11);
});

test('a deleted draft waits in the trash, with the day it will be erased, and can be put back', async ({ app: page }) => {
  await title(page).fill('Closing session in Basra');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByRole('region', { name: /^Trash/ })).toHaveCount(0);
  await draft(page, 'Closing session in Basra').getByRole('button', { name: 'Delete' }).click();
  // Long after the undo is gone: another visit.
  await page.reload();
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(reports(page).getByRole('listitem')).toHaveCount(0);
  const trash = page.getByRole('region', { name: 'Trash (1)' });
  const day = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  const erased = `${day.getDate()} ${day.toLocaleString('en', { month: 'long' })} ${day.getFullYear()}`;
  await expect(trash.getByRole('listitem')).toContainText(`Closing session in Basra`);
  await expect(trash.getByRole('listitem')).toContainText(`Erased on ${erased}`);
  await trash.getByRole('button', { name: 'Put back' }).click();
  await expect(draft(page, 'Closing session in Basra')).toHaveCount(1);
  await expect(page.getByRole('region', { name: /^Trash/ })).toHaveCount(0);
  await page.reload();
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(draft(page, 'Closing session in Basra')).toHaveCount(1);
});

test('deleting the open draft leaves the editor on another draft, and typing never takes it out of the trash', async ({ app: page }) => {
  await title(page).fill('Other report');
  await page.getByRole('button', { name: 'New report' }).click();
  await title(page).fill('Open and deleted');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Reports' }).click();
  await draft(page, 'Open and deleted').getByRole('button', { name: 'Delete' }).click();
  await expect(reports(page).getByRole('status')).toContainText('moved to the trash');

  await page.getByRole('button', { name: 'Editor' }).click();
  await expect(title(page)).toHaveValue('Other report');
  await title(page).fill('Other report, typed after');
  await expectSaved(page);
  await page.reload();
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(reports(page).getByRole('heading', { level: 3 })).toHaveText(['Other report, typed after']);
  const trash = page.getByRole('region', { name: 'Trash (1)' });
  await expect(trash.getByRole('heading', { level: 3 })).toHaveText(['Open and deleted']);

  // The last draft deleted while open: a new, empty one is open, and stays unsaved until typed in.
  await draft(page, 'Other report, typed after').getByRole('button', { name: 'Open' }).click();
  await page.getByRole('button', { name: 'Reports' }).click();
  await draft(page, 'Other report, typed after').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No reports yet', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Editor' }).click();
  await expect(title(page)).toHaveValue('');
  await title(page).fill('Started afresh');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(reports(page).getByRole('heading', { level: 3 })).toHaveText(['Started afresh']);
  await expect(page.getByRole('region', { name: 'Trash (2)' }).getByRole('heading', { level: 3 })).toHaveCount(2);
});
