import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, download, expectSaved, watchForErrors, NEWER_DRAFT, openNewerDraft } from './fixtures';
import { expectReport, sampleReport } from './report-form';
import type { Browser, Page } from '@playwright/test';
import { outcomes } from './file-outcomes';

const fixture = path.join(__dirname, '..', 'fixtures', 'report-v1.json');

async function importFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await chooser).setFiles(file);
}


test('export both files through the buttons, then import the exported page alone into a fresh browser profile', async ({ app: page, browser }) => {
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
  // The page carries the same document as the JSON file: it alone brings the whole report back.
  await importFile(other, html.path);
  await expectReport(other, sampleReport());
  expect(errors).toEqual([]);
  await fresh.close();
});

/** A report whose every kind of text tries to become markup, a script or a script link. */
function hostileReport(dir: string): string {
  const file = path.join(dir, 'hostile.json');
  const attack = '<script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3) " onmouseover="alert(4)';
  writeFileSync(
    file,
    JSON.stringify({
      format: 'taqrir-report',
      schema_version: 1,
      report: {
        title: `<script>alert(0)</script> Closing session`,
        venue: attack,
        introduction: `${attack}\n\nSee https://example.org/report and javascript:alert(5) or <a href="javascript:alert(6)">this</a>.`,
        objectives: [{ text: `${attack} https://example.org/"onmouseover="alert(7)` }],
        attachments: [{ description: `JAVASCRIPT:alert(8) ${attack}` }],
      },
    }),
  );
  return file;
}

/** What in `html` could run: script elements, event handler attributes, `javascript:` URLs. */
async function whatCouldRun(browser: Browser, html: string) {
  // Parsed with script off, so nothing in the file can hide its own traces.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.setContent(html);
  const found = await page.evaluate(() => {
    const elements = [...document.querySelectorAll('*')];
    return {
      scripts: document.querySelectorAll('script').length,
      handlers: elements.flatMap((e) => [...e.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${e.localName} ${a.name}`)),
      scriptUrls: elements.flatMap((e) => [...e.attributes].filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => `${e.localName} ${a.name}`)),
      links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      title: document.querySelector('h1')?.textContent,
    };
  });
  await context.close();
  return found;
}

test('the exported file has no script, no event handler and no script link, whatever the report says, and Print shows it', async ({ app: page, browser }) => {
  await page.addInitScript(() => {
    // Headless Chromium has no print dialog: record the call instead.
    window.print = () => {
      (window.top as any).__printed = ((window.top as any).__printed ?? 0) + 1;
    };
  });
  await page.reload();
  page.on('dialog', (dialog) => dialog.accept());
  await importFile(page, hostileReport(mkdtempSync(path.join(tmpdir(), 'taqrir-hostile-'))));
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('<script>alert(0)</script> Closing session');

  const html = await download(page, 'Export HTML');
  const found = await whatCouldRun(browser, html.text);
  expect(found).toEqual({
    scripts: 0,
    handlers: [],
    scriptUrls: [],
    links: ['https://example.org/report'],
    title: '<script>alert(0)</script> Closing session',
  });

  await page.getByRole('button', { name: 'Print' }).click();
  const frame = page.frameLocator('#print-frame');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('<script>alert(0)</script> Closing session');
  await expect.poll(() => page.evaluate(() => (window as any).__printed)).toBe(1);
  expect(await whatCouldRun(browser, await page.locator('#print-frame').getAttribute('srcdoc') ?? '')).toEqual(found);
});

test('Email opens the mail app with the title as subject and a summary', async ({ app: page }) => {
  await page.getByLabel('Report title', { exact: true }).fill('Fourth Dialogue Session');
  await page.getByLabel('Date', { exact: true }).fill('2024-03-07');
  const email = page.getByRole('link', { name: 'Email' });
  await email.focus();
  const href = await email.getAttribute('href');
  expect(href).toMatch(/^mailto:\?subject=Fourth%20Dialogue%20Session&body=/);
  expect(decodeURIComponent(href!.split('body=')[1])).toContain('Date: 7 March 2024');
  await expect(page.getByText('that one file is enough')).toBeVisible();
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
    await expect(outcomes(page)).toHaveText([message]);
    await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Work in progress');
  }
  const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('taqrir.draft.')).length);
  expect(drafts).toBe(1);
});

test('the "export anyway?" question counts the problems of the report as it is at the click', async ({ app: page }) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'taqrir-complete-')), 'complete.json');
  const report = { title: 'Closing session', date: '2024-03-07', organizing_organization: 'No Borders Humanity', objectives: [{ text: 'Agree next steps' }], participants: { total: 12 } };
  writeFileSync(file, JSON.stringify({ format: 'taqrir-report', schema_version: 1, report }));
  await importFile(page, file);
  const title = page.getByLabel('Report title', { exact: true });
  await expect(title).toHaveValue('Closing session');
  await expect(page.getByRole('region', { name: 'Checks' }).getByText('No problems found')).toBeVisible();

  const questions: string[] = [];
  page.on('dialog', async (dialog) => {
    questions.push(dialog.message());
    await dialog.dismiss();
  });
  // The title is cleared and Export HTML clicked in one go, before the Checks panel has caught up.
  await title.evaluate((input: HTMLInputElement) => {
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Export HTML')!.click();
  });
  await expect.poll(() => questions).toEqual(['1 problem found — export anyway?']);
  await expect(page.getByRole('region', { name: 'Checks' }).getByRole('link', { name: 'Report title is required.' })).toBeVisible();
});

test('a draft written by a newer version is exported exactly as it is stored, and stays that version', async ({ app: page }) => {
  const newer = NEWER_DRAFT;
  await openNewerDraft(page);
  await expect(page.getByRole('status')).toHaveText('Read-only');
  page.on('dialog', (dialog) => dialog.accept());

  const json = await download(page, 'Export JSON');
  expect(json.text).toBe(newer);
  // Imported again, it is the newer version's draft still, not an editable one.
  await page.getByRole('button', { name: 'New report' }).click();
  await importFile(page, json.path);
  await expect(outcomes(page)).toContainText(['newer version of Taqrir (schema 99)']);
  expect(await page.evaluate(() => localStorage.getItem('taqrir.draft.newer'))).toBe(newer);
});
