import { test, expect } from './fixtures';

test('the Checks list follows the numbers as they are fixed, and a link focuses its field', async ({ app: page }) => {
  const checks = page.getByRole('region', { name: 'Checks' });
  const field = (label: string) => page.getByLabel(label, { exact: true });

  // Fields still to fill are listed once something has been written.
  await field('Venue').fill('Erbil');
  await expect(checks.getByRole('link', { name: 'Report title is required.' })).toBeVisible();
  await checks.getByRole('link', { name: 'Report title is required.' }).click();
  await expect(field('Report title')).toBeFocused();

  await field('Total participants').fill('15');
  await field('Male').fill('9');
  await field('Female').fill('5');
  const sex = checks.getByRole('link', { name: 'Male, female and not recorded add up to 14, but the total is 15.' });
  await expect(sex).toBeVisible();
  await field('Female').fill('6');
  await expect(sex).toHaveCount(0);

  await field('Session number').fill('4');
  await field('Report title').fill('The Third Dialogue Session');
  const ordinal = checks.getByRole('link', { name: 'Report title calls this session number 3, but the session number is 4.' });
  await expect(ordinal).toBeVisible();
  await field('Start time').fill('09:00');
  await field('End time').fill('13:00');
  await page.getByRole('button', { name: 'Add agenda item' }).click();
  const lunch = page.getByRole('group', { name: 'Agenda item 1', exact: true });
  await lunch.getByLabel('Start', { exact: true }).fill('13:00');
  await lunch.getByLabel('End', { exact: true }).fill('14:00');
  const outside = checks.getByRole('link', { name: "Agenda item 1 (13:00–14:00) is outside the activity's hours (09:00–13:00)." });
  await expect(outside).toBeVisible();
  await outside.click();
  await expect(lunch.getByLabel('End', { exact: true })).toBeFocused();

  await field('Report title').fill('The Fourth Dialogue Session');
  await expect(ordinal).toHaveCount(0);
  // Typing is never blocked: every value typed is there.
  await expect(field('Report title')).toHaveValue('The Fourth Dialogue Session');
});

test('a blank report lists no missing fields until something is written', async ({ app: page }) => {
  const checks = page.getByRole('region', { name: 'Checks' });
  await expect(checks.getByText('No problems found.')).toBeVisible();
  await expect(checks.getByRole('link')).toHaveCount(0);

  await page.getByLabel('Venue', { exact: true }).fill('Erbil');
  await expect(checks.getByRole('link', { name: 'Report title is required.' })).toBeVisible();
  await expect(checks.getByRole('link', { name: 'Add at least one objective.' })).toBeVisible();
});

test('exporting a blank report lists its missing fields', async ({ app: page }) => {
  const checks = page.getByRole('region', { name: 'Checks' });
  const questions: string[] = [];
  page.on('dialog', async (dialog) => {
    questions.push(dialog.message());
    await dialog.dismiss();
  });
  await expect(checks.getByText('No problems found.')).toBeVisible();
  await page.getByRole('button', { name: 'Export HTML', exact: true }).click();
  await expect.poll(() => questions).toEqual(['5 problems found — export anyway?']);
  await expect(checks.getByRole('link', { name: 'Report title is required.' })).toBeVisible();
});
