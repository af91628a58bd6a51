import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, expectSaved, watchForErrors } from './fixtures';
import { expectReport, sampleReport } from './report-form';
import type { Page } from '@playwright/test';

const fixture = path.join(__dirname, '..', 'fixtures', 'report-v1.json');

async function importFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import JSON' }).click();
  await (await chooser).setFiles(file);
}

async function download(page: Page, button: string) {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await started;
  const saved = path.join(mkdtempSync(path.join(tmpdir(), 'taqrir-dl-')), file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), text: readFileSync(saved, 'utf8'), path: saved };
}

test('export both files through the buttons, then import the JSON into a fresh browser profile', async ({ app: page, browser }) => {
  test.setTimeout(90_000);
  const questions: string[] = [];
  page.on('dialog', async (dialog) => {
    questions.push(dialog.message());
    await dialog.accept();
  });
  await importFile(page, fixture);
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Fourth Dialogue Session on Empowering Communities');

  const html = await download(page, 'Export HTML');
  expect(html.name).toBe('2024-03-07-fourth-dialogue-session-on-empowering-communities.html');
  expect(html.text).toContain('<h1 dir="auto">Fourth Dialogue Session on Empowering Communities</h1>');
  expect(html.text).not.toMatch(/<script/i);
  // The sample's own inconsistencies are found, and the export asks before going ahead.
  expect(questions[0]).toMatch(/^\d+ problems found — export anyway\?$/);

  const json = await download(page, 'Export JSON');
  expect(json.name).toBe('2024-03-07-fourth-dialogue-session-on-empowering-communities.json');
  expect(JSON.parse(json.text).format).toBe('taqrir-report');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = watchForErrors(other);
  await other.goto('./');
  await importFile(other, json.path);
  await expectReport(other, sampleReport());
  expect(errors).toEqual([]);
  await fresh.close();
});

test('the exported file opens as a report with no script, and Print shows it', async ({ app: page }) => {
  await page.addInitScript(() => {
    // Headless Chromium has no print dialog: record the call instead.
    window.print = () => {
      (window.top as any).__printed = ((window.top as any).__printed ?? 0) + 1;
    };
  });
  await page.reload();
  page.on('dialog', (dialog) => dialog.accept());
  await importFile(page, fixture);
  await page.getByRole('button', { name: 'Print' }).click();
  const frame = page.frameLocator('#print-frame');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Fourth Dialogue Session on Empowering Communities');
  await expect.poll(() => page.evaluate(() => (window as any).__printed)).toBe(1);
});

test('Email opens the mail app with the title as subject and a summary', async ({ app: page }) => {
  await page.getByLabel('Report title', { exact: true }).fill('Fourth Dialogue Session');
  await page.getByLabel('Date', { exact: true }).fill('2024-03-07');
  const email = page.getByRole('link', { name: 'Email' });
  await email.focus();
  const href = await email.getAttribute('href');
  expect(href).toMatch(/^mailto:\?subject=Fourth%20Dialogue%20Session&body=/);
  expect(decodeURIComponent(href!.split('body=')[1])).toContain('Date: 7 March 2024');
  await expect(page.getByText('attach both to your email')).toBeVisible();
});

test('a wrong file gets a clear message and changes nothing', async ({ app: page }) => {
  await page.getByLabel('Report title', { exact: true }).fill('Work in progress');
  await expectSaved(page);
  const dir = mkdtempSync(path.join(tmpdir(), 'taqrir-bad-'));
  const cases: [string, string | Buffer, RegExp][] = [
    ['broken.json', '{\n  "format": "taqrir-report",\n  "report": {,}\n}', /not valid JSON \(line 3, column 14\)/],
    ['other.json', '{"name": "not a report"}', /not a Taqrir report/],
    ['newer.json', '{"format":"taqrir-report","schema_version":99,"report":{}}', /newer version of Taqrir \(schema 99\)/],
    ['huge.json', Buffer.alloc(5 * 1024 * 1024 + 10, 32), /larger than 5 MB/],
  ];
  for (const [name, content, message] of cases) {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    await importFile(page, file);
    await expect(page.getByRole('alert')).toHaveText(message);
    await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Work in progress');
  }
  const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('taqrir.draft.')).length);
  expect(drafts).toBe(1);
});
