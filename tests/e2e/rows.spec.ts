import { test, expect, expectSaved } from './fixtures';
import { png } from './test-images';
import type { Locator, Page } from '@playwright/test';

const agendaItem = (page: Page, n: number) => page.getByRole('group', { name: `Agenda item ${n}`, exact: true });
const field = (row: Locator, label: string) => row.getByLabel(label, { exact: true });

/** A working day's agenda, typed in as a person would. */
const DAY = [
  ['08:30', '09:00', 'Registration and coffee', 'Sara Hassan'],
  ['09:00', '09:15', 'Welcome and introductions', 'Ahmed Ali'],
  ['09:15', '09:45', 'Project objectives', 'Huda Kareem'],
  ['09:45', '10:30', 'Dialogue on water access', 'Omar Saleh'],
  ['10:30', '10:45', 'Break', ''],
  ['10:45', '11:30', 'Group work on priorities', 'Layla Mahmoud'],
  ['11:30', '12:15', 'Groups report back', 'Karwan Aziz'],
  ['12:15', '13:00', 'Lunch', ''],
  ['13:00', '13:45', 'Recommendations', 'Shilan Omer'],
  ['13:45', '14:00', 'Evaluation and closing', 'Noor Abbas'],
];

async function typeAgenda(page: Page, items: string[][]) {
  for (const [i, [start, end, item, presenter]] of items.entries()) {
    await page.getByRole('button', { name: 'Add agenda item', exact: true }).click();
    const row = agendaItem(page, i + 1);
    await field(row, 'Start').fill(start);
    await field(row, 'End').fill(end);
    await field(row, 'Item').fill(item);
    if (presenter) await field(row, 'Presenter').fill(presenter);
  }
}

/** How many of `rows` are wholly in sight: on screen and not covered by any bar. */
async function rowsInSight(rows: Locator): Promise<number> {
  const seen = await rows.evaluateAll((fieldsets) =>
    fieldsets.filter((row) => {
      const box = row.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) return false;
      // Both ends of the row are what the screen shows there (nothing sticky over them).
      const x = box.left + box.width / 2;
      return [box.top + 2, box.bottom - 2].every((y) => row.contains(document.elementFromPoint(x, y)));
    }).length);
  return seen;
}

test('at least 8 agenda items are in sight at once on a 1280×900 screen', async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await typeAgenda(page, [...DAY, ...DAY.slice(0, 4)]);
  await expectSaved(page);
  // The person scrolls until the agenda's first item is at the top of what they see, below any bar.
  await agendaItem(page, 1).evaluate((row) => {
    row.scrollIntoView({ block: 'start', behavior: 'instant' });
    const box = row.getBoundingClientRect();
    const x = box.left + box.width / 2;
    let y = Math.max(0, Math.ceil(box.top));
    while (y < window.innerHeight && !row.contains(document.elementFromPoint(x, y))) y++;
    window.scrollBy({ top: -(y - box.top), behavior: 'instant' });
  });
  const rows = page.getByRole('group', { name: /^Agenda item \d+$/ });
  expect(await rowsInSight(rows)).toBeGreaterThanOrEqual(8);
});

test('an agenda item is one line on a wide screen: start, end, item and presenter side by side', async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await typeAgenda(page, DAY.slice(0, 1));
  const row = agendaItem(page, 1);
  const boxes = await Promise.all(['Start', 'End', 'Item', 'Presenter'].map((label) => field(row, label).boundingBox()));
  const tops = boxes.map((box) => Math.round(box!.y));
  expect(new Set(tops).size, `tops ${tops}`).toBe(1);
  const lefts = boxes.map((box) => box!.x);
  expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
  // The row's commands are there, by name, on the same line.
  for (const name of ['Move up', 'Move down', 'Remove']) {
    const command = row.getByRole('button', { name, exact: true });
    await expect(command).toBeVisible();
    expect(Math.abs((await command.boundingBox())!.y - tops[0])).toBeLessThan(20);
  }
});

test('beside Preview on a wide screen an agenda item stacks its fields, each wide enough to read', async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await typeAgenda(page, DAY.slice(3, 4));
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Preview' })).toBeVisible();
  const row = agendaItem(page, 1);
  const [start, end, item, presenter] = await Promise.all(
    ['Start', 'End', 'Item', 'Presenter'].map(async (label) => (await field(row, label).boundingBox())!));
  // Start and End share a line; Item and Presenter each take the width of the row below them.
  expect(Math.round(start.y)).toBe(Math.round(end.y));
  expect(item.y).toBeGreaterThan(start.y + start.height);
  expect(presenter.y).toBeGreaterThan(item.y + item.height);
  expect(item.width).toBeGreaterThan(start.width + end.width);
  await expect(field(row, 'Item')).toHaveValue('Dialogue on water access');
});

test('a new agenda item starts when the one before it ends', async ({ app: page }) => {
  await typeAgenda(page, DAY.slice(0, 2));
  await page.getByRole('button', { name: 'Add agenda item', exact: true }).click();
  await expect(field(agendaItem(page, 3), 'Start')).toHaveValue('09:15');
  await expect(field(agendaItem(page, 3), 'End')).toHaveValue('');
  await expect(field(agendaItem(page, 3), 'Item')).toHaveValue('');
});

test('Remove → Undo puts the agenda item back where it was, with its content, after other work and time', async ({ page }) => {
  // A clock the test moves on, so "later" needs no waiting.
  await page.clock.install();
  await page.goto('./');
  await typeAgenda(page, DAY.slice(0, 4));
  await agendaItem(page, 3).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByText('Agenda item 3 removed', { exact: true })).toBeVisible();
  await expect(field(agendaItem(page, 3), 'Item')).toHaveValue('Dialogue on water access');
  await expect(agendaItem(page, 4)).toHaveCount(0);

  // Other work, and half a minute, in between.
  await page.getByLabel('Report title', { exact: true }).fill('Water access dialogue');
  await page.getByRole('button', { name: 'Add objective', exact: true }).click();
  await page.getByRole('group', { name: 'Objective 1', exact: true }).getByLabel('Text', { exact: true }).fill('Agree priorities');
  await page.clock.fastForward('00:30');
  await expectSaved(page);

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  const back = agendaItem(page, 3);
  await expect(field(back, 'Start')).toHaveValue('09:15');
  await expect(field(back, 'End')).toHaveValue('09:45');
  await expect(field(back, 'Item')).toHaveValue('Project objectives');
  await expect(field(back, 'Presenter')).toHaveValue('Huda Kareem');
  await expect(field(agendaItem(page, 4), 'Item')).toHaveValue('Dialogue on water access');
  await expect(field(back, 'Start')).toBeFocused();
  await expect(page.getByText('Agenda item 3 removed', { exact: true })).toHaveCount(0);

  await expectSaved(page);
  await page.reload();
  await expect(field(agendaItem(page, 3), 'Item')).toHaveValue('Project objectives');
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Water access dialogue');
});

test('the removed-row message stays at least 10 seconds, goes by itself after a minute, and Dismiss takes it away at once', async ({ page }) => {
  await page.clock.install();
  await page.goto('./');
  await typeAgenda(page, DAY.slice(0, 3));
  const message = page.getByText('Agenda item 2 removed', { exact: true });
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const dismiss = page.getByRole('button', { name: 'Dismiss', exact: true });

  await agendaItem(page, 2).getByRole('button', { name: 'Remove', exact: true }).click();
  await page.clock.fastForward('00:10');
  await expect(message).toBeVisible();
  await expect(undo).toBeVisible();
  await expect(dismiss).toBeVisible();
  await page.clock.fastForward('00:55');
  await expect(message).toHaveCount(0);
  await expect(undo).toHaveCount(0);
  await expect(field(agendaItem(page, 2), 'Item')).toHaveValue('Project objectives');

  // Dismiss: gone at once, the row stays removed, focus on the list's Add button beside it.
  await agendaItem(page, 2).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(message).toBeVisible();
  await dismiss.click();
  await expect(message).toHaveCount(0);
  await expect(undo).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add agenda item', exact: true })).toBeFocused();
  await expect(agendaItem(page, 2)).toHaveCount(0);
});

test('the removed-row message stays while focus is on its Undo button', async ({ page }) => {
  await page.clock.install();
  await page.goto('./');
  await typeAgenda(page, DAY.slice(0, 3));
  await agendaItem(page, 3).getByRole('button', { name: 'Remove', exact: true }).click();
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await undo.focus();
  await page.clock.fastForward('03:00');
  await expect(page.getByText('Agenda item 3 removed', { exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(field(agendaItem(page, 3), 'Item')).toHaveValue('Project objectives');
  // Once focus has left it, the message (of the next removal) goes by itself again.
  await agendaItem(page, 1).getByRole('button', { name: 'Remove', exact: true }).click();
  await page.clock.fastForward('01:05');
  await expect(page.getByText('Agenda item 1 removed', { exact: true })).toHaveCount(0);
});

test('Undo puts back a removed attachment with its photo', async ({ app: page }) => {
  const attachment = (n: number) => page.getByRole('group', { name: `Attachment ${n}`, exact: true });
  for (const description of ['Attendance sheet', 'Group photo']) {
    await page.getByRole('button', { name: 'Add attachment', exact: true }).click();
  }
  await field(attachment(1), 'Description').fill('Attendance sheet');
  await field(attachment(2), 'Description').fill('Group photo');
  await field(attachment(1), 'Photo').setInputFiles({ name: 'sheet.png', mimeType: 'image/png', buffer: png(300, 200) });
  const thumbnail = attachment(1).getByRole('group', { name: 'Photo 1', exact: true }).getByRole('img');
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);
  await attachment(1).getByRole('group', { name: 'Photo 1', exact: true }).getByLabel('Caption').fill('Signed by all');

  await attachment(1).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(field(attachment(1), 'Description')).toHaveValue('Group photo');
  await expect(page.getByText('Attachment 1 removed', { exact: true })).toBeVisible();
  await expectSaved(page);

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(field(attachment(1), 'Description')).toHaveValue('Attendance sheet');
  await expect(field(attachment(2), 'Description')).toHaveValue('Group photo');
  const photo = attachment(1).getByRole('group', { name: 'Photo 1', exact: true });
  await expect(photo.getByLabel('Caption')).toHaveValue('Signed by all');
  await expect.poll(() => photo.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);
  // Still there after a reload, when photos nobody refers to are swept.
  await expectSaved(page);
  await page.reload();
  await expect.poll(() => attachment(1).getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);
});

test('the removed-row message is in the interface language', async ({ app: page }) => {
  await typeAgenda(page, DAY.slice(0, 2));
  await agendaItem(page, 2).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByText('Agenda item 2 removed', { exact: true })).toBeVisible();
  await page.getByLabel('Interface language').selectOption('ar');
  await expect(page.getByText('حُذف بند جدول الأعمال 2', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'تراجع', exact: true })).toBeVisible();
  await page.getByLabel('لغة الواجهة').selectOption('ckb');
  await expect(page.getByText('بڕگەی بەرنامە 2 سڕایەوە', { exact: true })).toBeVisible();
});

const PHONE = { width: 390, height: 844 };

test('on a phone an agenda item spends no line on its name or commands: Start and End share a line, the commands stand beside the fields', async ({ app: page }) => {
  await page.setViewportSize(PHONE);
  await typeAgenda(page, DAY.slice(0, 2));
  const row = agendaItem(page, 2);
  const [start, end, item, presenter] = await Promise.all(
    ['Start', 'End', 'Item', 'Presenter'].map(async (label) => (await field(row, label).boundingBox())!));
  expect(Math.round(start.y)).toBe(Math.round(end.y));
  expect(end.x).toBeGreaterThan(start.x);
  // The row starts with its fields: nothing above Start but the label on its border.
  const rowBox = (await row.boundingBox())!;
  expect(start.y - rowBox.y).toBeLessThan(20);
  for (const name of ['Move up', 'Move down', 'Remove']) {
    const command = (await row.getByRole('button', { name, exact: true }).boundingBox())!;
    // Beside the fields, not on a line of their own.
    expect(command.x).toBeGreaterThanOrEqual(Math.max(item.x + item.width, presenter.x + presenter.width));
    expect(command.y).toBeGreaterThanOrEqual(start.y - 1);
    expect(command.y + command.height).toBeLessThanOrEqual(presenter.y + presenter.height + 1);
  }
});

test('a long text shows its first lines until it is typed in, then grows to at most 70 % of the screen and scrolls inside', async ({ app: page }) => {
  await page.setViewportSize(PHONE);
  const long = Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of what was said about water access.`).join('\n');
  await page.getByLabel('Introduction', { exact: true }).fill(long);
  const introduction = page.getByLabel('Introduction', { exact: true });
  const aim = page.getByLabel('Aim', { exact: true });
  // Tab on to the next field: the introduction is no longer being typed in.
  await introduction.focus();
  await page.keyboard.press('Tab');
  await expect(aim).toBeFocused();
  const resting = (await introduction.boundingBox())!.height;
  expect(resting).toBeLessThanOrEqual(PHONE.height * 0.3);
  expect(resting).toBeGreaterThan(150);
  // Back into it by keyboard: it grows, and what does not fit scrolls inside it.
  await page.keyboard.press('Shift+Tab');
  await expect(introduction).toBeFocused();
  await expect.poll(async () => (await introduction.boundingBox())!.height).toBeGreaterThan(resting * 2);
  const typing = (await introduction.boundingBox())!.height;
  expect(typing).toBeLessThanOrEqual(PHONE.height * 0.7 + 1);
  expect(await introduction.evaluate((area) => area.scrollHeight > area.clientHeight)).toBe(true);
  await expect(introduction).toHaveValue(long);
});
