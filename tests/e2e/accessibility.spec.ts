import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, expectSaved, openWithoutServiceWorker } from './fixtures';
import { importEditedSample } from './import-sample';
import { sampleFiles } from './summary-helpers';
import type { Frame, Page } from '@playwright/test';
import { png } from './test-images';

// axe-core is injected as a script of the test, which the page's own policy would refuse.
test.use({ bypassCSP: true });

/** What axe-core finds on the page (or one of its frames) as it is now, one line per rule and element. */
async function axeViolations(page: Page | Frame): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.flatMap((v: any) => v.nodes.map((n: any) => `${v.id}: ${n.target.join(' ')}`));
  });
  return violations;
}

// The header's buttons in each interface language (locales/*.txt: Reports, SummaryScreen,
// Organisation), the Organisation screen's logo buttons (ChooseLogo, AddPartnerLogo) and the
// editor's shortcuts list (KeyboardShortcuts).
const languages = [
  {
    code: 'en',
    reports: 'Reports',
    summary: 'Summary',
    organisation: 'Organisation',
    logos: ['Choose logo', 'Add a partner or donor logo'],
    shortcuts: 'Keyboard shortcuts',
  },
  {
    code: 'ar',
    reports: 'التقارير',
    summary: 'الملخص',
    organisation: 'المنظمة',
    logos: ['اختيار الشعار', 'إضافة شعار شريك أو مانح'],
    shortcuts: 'اختصارات لوحة المفاتيح',
  },
];

for (const language of languages) {
  test(`axe-core finds nothing on the editor, Reports, Summary and Organisation screens (${language.code})`, async ({ app: page }) => {
    await importEditedSample(page, (r) => {
      r.title = 'Erbil youth dialogue';
    });
    await expectSaved(page);
    await page.getByLabel('Interface language').selectOption(language.code);
    await expect(page.locator('html')).toHaveAttribute('lang', language.code);
    // The editor with its keyboard shortcuts listed.
    await page.getByRole('button', { name: language.shortcuts, exact: true }).click();
    await expect(page.locator('#keyboard-shortcuts')).toBeVisible();
    const found = {
      editor: await axeViolations(page),
      reports: [] as string[],
      summary: [] as string[],
      organisation: [] as string[],
    };
    await page.getByRole('button', { name: language.reports, exact: true }).click();
    found.reports = await axeViolations(page);
    await page.getByRole('button', { name: language.summary, exact: true }).click();
    await expect(page.getByRole('table').first()).toBeVisible();
    found.summary = await axeViolations(page);
    // The Organisation screen with a logo and a partner's logo in it.
    await page.getByRole('button', { name: language.organisation, exact: true }).click();
    for (const [n, button] of language.logos.entries()) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: button, exact: true }).click();
      await (await chooser).setFiles({ name: `logo-${n}.png`, mimeType: 'image/png', buffer: png(600, 240) });
      await expect(page.locator('img.organisation__logo')).toHaveCount(n + 1);
    }
    found.organisation = await axeViolations(page);
    expect(found).toEqual({ editor: [], reports: [], summary: [], organisation: [] });
  });
}

/** The interface texts of `code` (locales/<code>.txt), by key. */
function texts(code: string): Record<string, string> {
  const file = readFileSync(path.join(__dirname, '..', '..', 'locales', `${code}.txt`), 'utf8');
  return Object.fromEntries(file.split('\n').flatMap((line) => {
    const found = line.match(/^(\w+) = (.*)$/);
    return found ? [[found[1], found[2]]] : [];
  }));
}

for (const code of ['en', 'ar', 'ckb']) {
  test(`axe-core finds nothing on the Summary with received reports — totals, charts, filters, each file's line — nor on a received report open to read (${code})`, async ({ app: page }) => {
    const t = texts(code);
    await page.getByLabel('Interface language').selectOption(code);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await page.getByRole('button', { name: t.SummaryScreen, exact: true }).click();
    const notes = path.join(mkdtempSync(path.join(tmpdir(), 'taqrir-notes-')), 'notes.txt');
    writeFileSync(notes, 'minutes of the meeting');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: t.ArchiveAdd, exact: true }).click();
    await (await chooser).setFiles([...sampleFiles([['Basra dialogue', 15], ['Erbil workshop', 20]]), notes]);
    await expect(page.getByRole('list', { name: t.IntakeListLabel }).getByRole('listitem')).toHaveCount(3);
    const reports = page.getByRole('table', { name: t.SummaryReportsIn });
    await expect(reports.getByRole('button', { name: 'Erbil workshop' })).toBeVisible();
    await expect(page.locator('svg').first()).toBeVisible();
    const found = { summary: await axeViolations(page), reading: [] as string[] };

    await reports.getByRole('button', { name: 'Basra dialogue' }).click();
    const reading = page.getByRole('region', { name: 'Basra dialogue' });
    await expect(reading.frameLocator('iframe').getByRole('heading', { level: 1 })).toHaveText('Basra dialogue');
    // The report itself is a page of its own in a frame, which axe does not enter from outside.
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    found.reading = [...(await axeViolations(page)), ...(await axeViolations(frame!)).map((v) => `in the report: ${v}`)];
    expect(found).toEqual({ summary: [], reading: [] });
  });
}

test('axe-core finds nothing on the editor with Preview open, nor on a phone with the Sections menu or More actions open', async ({ app: page }) => {
  await importEditedSample(page, (r) => {
    r.title = 'Erbil youth dialogue';
  });
  await expectSaved(page);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const frame = page.getByRole('region', { name: 'Preview' }).getByTitle('Preview of the printed report').contentFrame();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Erbil youth dialogue');
  // The printed page in the frame runs no script (the frame is sandboxed), so axe cannot enter
  // it; it is the page a received report is read in, which the Summary's test checks.
  const found = { preview: await axeViolations(page), sectionsMenu: [] as string[], moreActions: [] as string[] };
  await page.getByRole('button', { name: 'Preview', exact: true }).click();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Sections', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  found.sectionsMenu = await axeViolations(page);
  await page.getByRole('button', { name: 'Sections', exact: true }).click();
  await page.getByRole('button', { name: 'More actions', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Export JSON', exact: true })).toBeVisible();
  found.moreActions = await axeViolations(page);
  expect(found).toEqual({ preview: [], sectionsMenu: [], moreActions: [] });
});

test('axe-core finds nothing on the Summary while its module loads, nor when it could not load', async ({ browser }) => {
  // Its own context: the refused request is logged as a console error, which the fixture forbids.
  const { context, page, pageErrors } = await openWithoutServiceWorker(browser, { bypassCSP: true });
  try {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/summary-[0-9a-f]{16}\.js$/, async (route) => {
      await held;
      await route.abort();
    });
    await page.getByRole('button', { name: 'Summary', exact: true }).click();
    await expect(page.getByText('Loading the Summary…')).toBeVisible();
    const found = { loading: await axeViolations(page), failed: [] as string[] };
    release();
    await expect(page.getByRole('alert').getByRole('button', { name: 'Try again' })).toBeVisible();
    found.failed = await axeViolations(page);
    expect(found).toEqual({ loading: [], failed: [] });
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
