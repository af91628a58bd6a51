import { test, expect } from './fixtures';
import { importEditedSample } from './import-sample';
import type { Locator, Page } from '@playwright/test';

test('every link in the Checks list moves focus to the field it names', async ({ app: page }) => {
  // A problem in many kinds of field: report fields, figures, rows, an empty list.
  await importEditedSample(page, (report) => {
    report.title = 'The Third Dialogue Session';
    report.organizing_organization = '';
    report.date = '7 March 2024';
    report.start_time = '9am';
    report.objectives = [];
    report.participants.guests = '1.5';
    report.participants.governorates = [{ name: 'Dhi Qar', count: 'some' }];
    report.working_groups = [{ topic: 'Coordination', member_count: 'many' }];
    report.agenda[1].start = '9.00';
    report.discussion_points[1].details = 'Agreed in the fifth dialogue session.';
  });
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('The Third Dialogue Session');

  const checks = page.getByRole('region', { name: 'Checks' });
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const inRow = (group: string, label: string) => page.getByRole('group', { name: group, exact: true }).getByLabel(label, { exact: true });
  const expected: [string, Locator][] = [
    ['Organizing organization is required.', field('Organizing organization')],
    ['Add at least one objective.', page.getByRole('button', { name: 'Add objective' })],
    ['Report title calls this session number 3, but the session number is 4.', field('Report title')],
    ['Introduction calls this session number 2, but the session number is 4.', field('Introduction')],
    ['The date “7 March 2024” is not a valid date.', field('Date')],
    ['The start time “9am” is not a valid time.', field('Start time')],
    ['Guests is not a whole number.', field('Guests')],
    ['Governorate 1 is not a whole number.', inRow('Governorate 1', 'Count')],
    ['Working group 1 is not a whole number.', inRow('Working group 1', 'Number of members')],
    ['The start of agenda item 2, “9.00”, is not a valid time.', inRow('Agenda item 2', 'Start')],
    ['Discussion point 2 calls this session number 5, but the session number is 4.', inRow('Discussion point 2', 'Details')],
  ];
  // The list has caught up with the imported report (it is checked when typing pauses), so
  // links no longer move under the pointer.
  await expect(checks.getByRole('link', { name: expected[expected.length - 1][0], exact: true })).toBeVisible();
  for (const [message, target] of expected) {
    const link = checks.getByRole('link', { name: message, exact: true });
    await link.click();
    await expect(target, message).toBeFocused();
  }

  // And every other link too: focus lands on the element its address names, which is there.
  const links = checks.getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThanOrEqual(expected.length);
  for (let i = 0; i < count; i++) {
    await followAndExpectFocus(page, links.nth(i));
  }
});

async function followAndExpectFocus(page: Page, link: Locator) {
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^#(field|add)-/);
  await link.click();
  const focused = await page.evaluate(() => document.activeElement?.id ?? '');
  expect(`#${focused}`, `${await link.textContent()}`).toBe(href);
}
