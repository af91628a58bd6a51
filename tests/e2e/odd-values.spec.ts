import { test, expect, expectSaved } from './fixtures';
import { importEditedSample } from './import-sample';

test('a date or time the input cannot show is shown as text, named in the checks, and can be cleared', async ({ app: page }) => {
  // Values the date and time inputs cannot show.
  await importEditedSample(page, (report) => {
    report.date = '7 March 2024 — pay to <b>IBAN</b> IQ00';
    report.start_time = '9am';
    report.agenda[0].start = '9.00';
  });
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Fourth Dialogue Session on Empowering Communities');

  const checks = page.getByRole('region', { name: 'Checks' });
  const date = page.getByLabel('Date', { exact: true });
  const dateField = page.locator('.field').filter({ has: date });
  // Shown beside the field as plain text (markup stays text), and described by it.
  const stored = dateField.getByText('Stored value: 7 March 2024 — pay to <b>IBAN</b> IQ00', { exact: true });
  await expect(stored).toBeVisible();
  await expect(dateField.locator('b')).toHaveCount(0);
  await expect(date).toHaveAccessibleDescription('Stored value: 7 March 2024 — pay to <b>IBAN</b> IQ00');
  const dateCheck = checks.getByRole('link', { name: 'The date “7 March 2024 — pay to <b>IBAN</b> IQ00” is not a valid date.' });
  await expect(dateCheck).toBeVisible();
  await dateCheck.click();
  await expect(date).toBeFocused();

  const startCheck = checks.getByRole('link', { name: 'The start time “9am” is not a valid time.' });
  await expect(startCheck).toBeVisible();
  await expect(page.locator('.field').filter({ has: page.getByLabel('Start time', { exact: true }) })).toContainText('Stored value: 9am');
  const agendaCheck = checks.getByRole('link', { name: 'The start of agenda item 1, “9.00”, is not a valid time.' });
  await expect(agendaCheck).toBeVisible();
  const firstItem = page.getByRole('group', { name: 'Agenda item 1', exact: true });
  await agendaCheck.click();
  await expect(firstItem.getByLabel('Start', { exact: true })).toBeFocused();
  await expect(firstItem.getByText('Stored value: 9.00')).toBeVisible();

  // Clearing: the text, the check and the stored value go; the person stays on the input.
  await page.getByRole('button', { name: 'Clear Date', exact: true }).click();
  await expect(stored).toHaveCount(0);
  await expect(dateCheck).toHaveCount(0);
  await expect(checks.getByRole('link', { name: 'Date is required.' })).toBeVisible();
  await expect(date).toBeFocused();
  await firstItem.getByRole('button', { name: 'Clear Start', exact: true }).click();
  await expect(agendaCheck).toHaveCount(0);
  await expect(firstItem.getByText('Stored value: 9.00')).toHaveCount(0);
  // Picking a time replaces the stored one.
  await page.getByLabel('Start time', { exact: true }).fill('09:00');
  await expect(startCheck).toHaveCount(0);
  await expect(page.getByText('Stored value: 9am')).toHaveCount(0);

  await expectSaved(page);
  const saved = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('taqrir.draft.') && localStorage.getItem(k)?.includes('Fourth Dialogue'));
    return JSON.parse(localStorage.getItem(key ?? '') ?? 'null').report;
  });
  expect(saved.date).toBe('');
  expect(saved.start_time).toBe('09:00');
  expect(saved.agenda[0].start).toBe('');
});

test('counts of an Arabic-digit report come back in its digits after import and after a reload', async ({ app: page }) => {
  // The file holds numbers (Western digits, as JSON writes them); the report counts in ٠–٩.
  await importEditedSample(page, (report) => {
    report.language = 'ar';
    report.digits = 'arabic_indic';
    report.participants.total = 20;
    report.participants.male = 'about 11';
  });
  const total = page.getByLabel('Total participants', { exact: true });
  const male = page.getByLabel('Male', { exact: true });
  await expect(total).toHaveValue('٢٠');
  await expect(male).toHaveValue('about 11');
  await expectSaved(page);
  await page.reload();
  await expect(total).toHaveValue('٢٠');
  await expect(male).toHaveValue('about 11');
});
