import { test, expect, download, expectSaved, watchForErrors } from './fixtures';
import type { Page } from '@playwright/test';
import { png } from './test-images';
import { newReportInArabic, printedPages, shortArabicReport } from './paper-helpers';

/** Opens the Organisation screen. */
async function openOrganisation(page: Page, name = 'Organisation') {
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
}

/** Clicks the button named `button` and gives its file chooser `files`. */
async function choose(page: Page, button: string, files: Parameters<import('@playwright/test').FileChooser['setFiles']>[0]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await chooser).setFiles(files);
}

/** Sets up a profile: names, a logo, a donor's logo with its caption, the footer and defaults. */
async function setProfile(page: Page) {
  await openOrganisation(page);
  await page.getByLabel('English', { exact: true }).fill('Al-Amal Association');
  await page.getByLabel('العربية', { exact: true }).fill('جمعية الأمل');
  await choose(page, 'Choose logo', { name: 'logo.png', mimeType: 'image/png', buffer: png(1200, 480) });
  await expect(page.getByRole('img', { name: 'Al-Amal Association' })).toBeVisible();
  await choose(page, 'Add a partner or donor logo', { name: 'donor.png', mimeType: 'image/png', buffer: png(300, 300) });
  const donor = page.getByRole('group', { name: 'Partner or donor logo 1' });
  await donor.getByLabel('Caption (such as “Funded by”)').fill('Funded by');
  await expect(donor.getByRole('img', { name: 'Funded by' })).toBeVisible();
  await page.getByLabel('Address', { exact: true }).fill('Street 14, Nasiriyah, Dhi Qar');
  await page.getByLabel('Contacts', { exact: true }).fill('info@example.org');
  await page.getByLabel('Registration number', { exact: true }).fill('NGO-1234');
  const defaults = page.getByRole('group', { name: 'Defaults for new reports' });
  await defaults.getByLabel('Donor', { exact: true }).fill('Norwegian People’s Aid');
  await defaults.getByLabel('Governorate', { exact: true }).fill('Dhi Qar');
}

test('a profile with a logo goes to a colleague as one file, and a new report there starts with its defaults on its letterhead', async ({ app: page, browser }) => {
  await setProfile(page);
  // Kept in the browser: it is there after a reload.
  await page.reload();
  await openOrganisation(page);
  await expect(page.getByLabel('English', { exact: true })).toHaveValue('Al-Amal Association');
  await expect(page.getByRole('img', { name: 'Al-Amal Association' })).toBeVisible();
  const exported = await download(page, 'Export profile');
  expect(exported.name).toBe('taqrir-profile.json');
  const file = JSON.parse(exported.text);
  expect(file.format).toBe('taqrir-profile');
  expect(Object.values(file.logos)).toHaveLength(2);
  expect(Object.values(file.logos).every((url) => String(url).startsWith('data:image/jpeg;base64,'))).toBe(true);

  // A colleague's browser: nothing of this one.
  const context = await browser.newContext();
  const colleague = await context.newPage();
  const errors = watchForErrors(colleague);
  await colleague.goto('./');
  await expect(colleague.getByLabel('Report title', { exact: true })).toBeEditable();
  await openOrganisation(colleague);
  await choose(colleague, 'Import profile', exported.path);
  await expect(colleague.getByText('Profile imported from taqrir-profile.json.')).toBeVisible();
  await expect(colleague.getByLabel('العربية', { exact: true })).toHaveValue('جمعية الأمل');
  await expect(colleague.getByRole('img', { name: 'Al-Amal Association' })).toBeVisible();
  await expect(colleague.getByRole('group', { name: 'Partner or donor logo 1' }).getByLabel('Caption (such as “Funded by”)')).toHaveValue('Funded by');

  await colleague.getByRole('button', { name: 'New report' }).click();
  await expect(colleague.getByLabel('Donor', { exact: true })).toHaveValue('Norwegian People’s Aid');
  await expect(colleague.getByLabel('Governorate', { exact: true })).toHaveValue('Dhi Qar');
  await expect(colleague.getByLabel('Organizing organization', { exact: true })).toHaveValue('Al-Amal Association');
  await colleague.getByLabel('Report title', { exact: true }).fill('Coordination meeting');
  colleague.on('dialog', (dialog) => dialog.accept());
  const html = (await download(colleague, 'Export HTML')).text;
  // The letterhead at the top of the first page, before the title; the footer on every page.
  const main = html.slice(html.indexOf('<main'));
  expect(main.indexOf('<header class="letterhead">')).toBeLessThan(main.indexOf('<h1'));
  expect(main).toMatch(/<img src="data:image\/jpeg;base64,[^"]+" alt="Al-Amal Association">/);
  expect(main).toContain('<figcaption dir="auto">Funded by</figcaption>');
  expect(html).toContain(
    '@bottom-center { content: "\\2068" "Street 14, Nasiriyah, Dhi Qar" "\\2069" "\\A" "\\2068" "info@example.org" "\\2069" "\\A" "\\2068" "NGO-1234" "\\2069"',
  );
  expect(errors).toEqual([]);
  await context.close();
});

test('a new report of a browser without a profile prints as before, with no letterhead', async ({ app: page }) => {
  page.on('dialog', (dialog) => dialog.accept());
  await page.getByLabel('Report title', { exact: true }).fill('Plain report');
  const html = (await download(page, 'Export HTML')).text;
  expect(html).not.toContain('class="letterhead"');
  expect(html).not.toContain('.letterhead');
  expect(html).toContain('<footer dir="auto">Prepared with Taqrir.</footer>');
});

test('an image that cannot be read is refused beside the logo, and nothing else changes', async ({ app: page }) => {
  await openOrganisation(page);
  await choose(page, 'Choose logo', { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
  await expect(page.getByRole('group', { name: 'Logo' }).getByRole('alert')).toHaveText(
    'This file could not be read as an image. Choose a JPEG or PNG photo.',
  );
  await expect(page.getByRole('button', { name: 'Remove logo' })).toHaveCount(0);
});

test('a file that is not a profile is refused with a message in words', async ({ app: page }) => {
  await openOrganisation(page);
  await page.getByLabel('English', { exact: true }).fill('Kept as typed');
  await choose(page, 'Import profile', { name: 'report.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"taqrir-report"}') });
  await expect(page.getByText('This file is not a Taqrir organisation profile. Choose a file made by Export profile.')).toBeVisible();
  await expect(page.getByLabel('English', { exact: true })).toHaveValue('Kept as typed');
});

test('Save as template keeps the report without its dates, numbers and photos; New from template starts from it; Delete template takes it away', async ({ app: page }) => {
  await page.getByLabel('Report title', { exact: true }).fill('Monthly coordination meeting');
  await page.getByLabel('Venue', { exact: true }).fill('Ishtar Hall');
  await page.getByLabel('Date', { exact: true }).fill('2026-11-15');
  await page.getByLabel('Total participants', { exact: true }).fill('24');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Save as template' }).click();
  const name = page.getByLabel('Template name');
  await expect(name).toHaveValue('Monthly coordination meeting');
  await name.fill('');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Give the template a name.')).toBeVisible();
  await name.fill('Coordination');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as the template “Coordination”' })).toBeVisible();

  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  const template = page.getByLabel('Template', { exact: true });
  await template.selectOption({ label: 'Coordination' });
  await page.getByRole('button', { name: 'New from template' }).click();
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Monthly coordination meeting');
  await expect(page.getByLabel('Venue', { exact: true })).toHaveValue('Ishtar Hall');
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Total participants', { exact: true })).toHaveValue('');

  // Kept across a reload, then deleted.
  await page.reload();
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await template.selectOption({ label: 'Coordination' });
  await page.getByRole('button', { name: 'Delete template' }).click();
  await expect(page.getByText('Template “Coordination” deleted.')).toBeVisible();
  await expect(template.locator('option', { hasText: /^Coordination$/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete template' })).toHaveCount(0);
});

test('Back up all carries the profile and its templates; Restore in a fresh browser puts them back', async ({ app: page, browser }) => {
  await openOrganisation(page);
  await page.getByLabel('English', { exact: true }).fill('Al-Amal Association');
  await choose(page, 'Choose logo', { name: 'logo.png', mimeType: 'image/png', buffer: png(600, 240) });
  await expect(page.getByRole('img', { name: 'Al-Amal Association' })).toBeVisible();
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await page.getByLabel('Report title', { exact: true }).fill('Workshop on referrals');
  await page.getByRole('button', { name: 'Save as template' }).click();
  await page.getByRole('button', { name: 'Save template' }).click();
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up all' }).click();
  const backup = await (await started).path();

  const context = await browser.newContext();
  const fresh = await context.newPage();
  const errors = watchForErrors(fresh);
  await fresh.goto('./');
  await fresh.getByRole('button', { name: 'Reports', exact: true }).click();
  await choose(fresh, 'Restore', backup!);
  await expect(fresh.getByText('The organisation profile was restored.')).toBeVisible();
  await expect(fresh.getByLabel('Template', { exact: true }).locator('option', { hasText: 'Workshop on referrals' })).toHaveCount(1);
  await openOrganisation(fresh);
  await expect(fresh.getByLabel('English', { exact: true })).toHaveValue('Al-Amal Association');
  await expect(fresh.getByRole('img', { name: 'Al-Amal Association' })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test('the short Arabic report on a letterhead still prints on one page', async ({ app: page, context }) => {
  test.setTimeout(90_000);
  await setProfile(page);
  await newReportInArabic(page);
  await expect(page.getByLabel('الجهة المانحة', { exact: true })).toHaveValue('Norwegian People’s Aid');
  const html = await shortArabicReport(page);
  expect(html).toMatch(/<img src="data:image\/jpeg;base64,[^"]+" alt="جمعية الأمل">/);
  const paper = await context.newPage();
  await paper.setContent(html);
  expect(await printedPages(paper)).toBe(1);
});
