import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const agendaItem = (page: Page, n: number) => page.getByRole('group', { name: `Agenda item ${n}`, exact: true });
const itemField = (page: Page, n: number) => agendaItem(page, n).getByLabel('Item', { exact: true });

const storedVenue = (page: Page) =>
  page.evaluate(() =>
    Object.entries(localStorage)
      .filter(([key]) => key.startsWith('taqrir.draft.'))
      .map(([, text]) => JSON.parse(text).report.venue),
  );

test('Ctrl+S saves at once and says Saved', async ({ page }) => {
  // The clock stands still, so the autosave's timer never fires: only Ctrl+S can save.
  await page.clock.install();
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Agenda', exact: true })).toBeVisible();
  await page.clock.pauseAt(new Date(Date.now() + 60_000));
  const venue = page.getByLabel('Venue', { exact: true });
  await venue.pressSequentially('Ishtar Hall');
  await expect(page.getByRole('status')).toHaveText('Saving…');
  await venue.press('Control+s');
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await storedVenue(page)).toEqual(['Ishtar Hall']);
});

test('Ctrl+P prints the report, not the editor', async ({ app: page }) => {
  await page.addInitScript(() => {
    // Headless Chromium has no print dialog: record the call instead.
    window.print = () => {
      (window.top as any).__printed = ((window.top as any).__printed ?? 0) + 1;
    };
  });
  await page.reload();
  // A report with open checks is printed after the same question as the Print button asks.
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  const title = page.getByLabel('Report title', { exact: true });
  await title.fill('Water access dialogue');
  await title.press('Control+p');
  const printed = page.frameLocator('#print-frame');
  await expect(printed.getByRole('heading', { level: 1 })).toHaveText('Water access dialogue');
  await expect.poll(() => page.evaluate(() => (window as any).__printed)).toBe(1);
  expect(asked).toEqual(['confirm']);
  // The page printed is the report's, without the editor's fields.
  await expect(printed.getByRole('textbox')).toHaveCount(0);
});

test('Alt+Shift+↓ and ↑ move the row being typed in, and focus stays in it', async ({ app: page }) => {
  for (const [n, name] of ['Opening', 'Presentation', 'Discussion'].entries()) {
    await page.getByRole('button', { name: 'Add agenda item', exact: true }).click();
    // Add puts the person in the new row's first field in the next frame: typing in its Item
    // before that would be taken away from it.
    await expect(agendaItem(page, n + 1).getByLabel('Start', { exact: true })).toBeFocused();
    await itemField(page, n + 1).fill(name);
  }
  await itemField(page, 1).focus();
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(itemField(page, 2)).toHaveValue('Opening');
  await expect(itemField(page, 1)).toHaveValue('Presentation');
  await expect(itemField(page, 2)).toBeFocused();
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(itemField(page, 3)).toHaveValue('Opening');
  await expect(itemField(page, 3)).toBeFocused();
  // The last row goes no further.
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(itemField(page, 3)).toHaveValue('Opening');
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect(itemField(page, 2)).toHaveValue('Opening');
  await expect(itemField(page, 3)).toHaveValue('Discussion');
  await expect(itemField(page, 2)).toBeFocused();
  // Typing goes on in the moved row.
  await page.keyboard.type(' remarks');
  await expect(itemField(page, 2)).toHaveValue('Opening remarks');
});

test('"Keyboard shortcuts" opens a list of them, by keyboard, and Escape closes it', async ({ app: page }) => {
  const toggle = page.getByRole('button', { name: 'Keyboard shortcuts', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const list = page.locator('#keyboard-shortcuts');
  await expect(list).toBeVisible();
  const shortcuts = await list.getByRole('term').allInnerTexts();
  const meanings = await list.getByRole('definition').allInnerTexts();
  expect(shortcuts.map((keys, i) => `${keys}: ${meanings[i]}`)).toEqual([
    'Ctrl+S / ⌘S: Save now',
    'Ctrl+P / ⌘P: Print the report',
    'Alt+Shift+↑ / ↓: Move the row you are in up or down',
  ]);
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});
