import { test, expect, expectSaved } from './fixtures';
import { enterReport, expectReport, sampleReport } from './report-form';

test('the whole sample report, typed in, is all there after a reload', async ({ app: page }) => {
  test.setTimeout(120_000);
  const report = sampleReport();
  await enterReport(page, report);
  await expectSaved(page);
  await page.reload();
  await expectReport(page, report);
});

test('what was typed just before closing the tab is kept', async ({ app: page }) => {
  await page.getByLabel('Report title', { exact: true }).fill('Typed a moment ago');
  // No wait for the autosave delay: hiding the page must write the draft at once.
  await page.reload();
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Typed a moment ago');
});

test('the status says Saving… while typing and Saved after the pause', async ({ app: page }) => {
  const status = page.getByRole('status');
  await page.getByLabel('Venue', { exact: true }).pressSequentially('Ishtar Hall');
  await expect(status).toHaveText('Saving…');
  await expect(status).toHaveText('Saved');
  const stored = await page.evaluate(() =>
    Object.entries(localStorage)
      .filter(([key]) => key.startsWith('taqrir.draft.'))
      .map(([, text]) => JSON.parse(text).report.venue),
  );
  expect(stored).toEqual(['Ishtar Hall']);
});

test('a number field given something that is not a whole number says so and keeps it', async ({ app: page }) => {
  const total = page.getByLabel('Total participants', { exact: true });
  await total.fill('12.5');
  await expect(page.getByText('Enter a whole number, such as 15.')).toBeVisible();
  await expect(total).toHaveAttribute('aria-invalid', 'true');
  await expectSaved(page);
  await page.reload();
  await expect(total).toHaveValue('12.5');
  await total.fill('15');
  await expect(page.getByText('Enter a whole number, such as 15.')).toHaveCount(0);
  await expect(total).not.toHaveAttribute('aria-invalid', 'true');
  await total.fill('١٥');
  await expect(page.getByText('Enter a whole number, such as 15.')).toHaveCount(0);
});

test('rows can be added, reordered and removed by keyboard', async ({ app: page }) => {
  const add = page.getByRole('button', { name: 'Add agenda item', exact: true });
  const item = (n: number) =>
    page.getByRole('group', { name: `Agenda item ${n}`, exact: true }).getByLabel('Item', { exact: true });
  const names = ['Opening', 'Presentation', 'Discussion'];
  for (let n = 1; n <= names.length; n++) {
    await add.focus();
    await page.keyboard.press('Enter');
    // The new row's first field has focus, ready to type.
    const row = page.getByRole('group', { name: `Agenda item ${n}`, exact: true });
    await expect(row.getByLabel('Start', { exact: true })).toBeFocused();
    await item(n).fill(names[n - 1]);
  }
  await expect(item(3)).toHaveValue('Discussion');

  const third = page.getByRole('group', { name: 'Agenda item 3', exact: true });
  await third.getByRole('button', { name: 'Move up' }).focus();
  await page.keyboard.press('Enter');
  await expect(item(2)).toHaveValue('Discussion');
  await expect(item(3)).toHaveValue('Presentation');
  // Focus follows the moved row, so pressing again keeps moving it.
  await page.keyboard.press('Enter');
  await expect(item(1)).toHaveValue('Discussion');
  await expect(item(2)).toHaveValue('Opening');
  await expect(page.getByRole('group', { name: 'Agenda item 1', exact: true }).getByRole('button', { name: 'Move up' })).toBeDisabled();

  await page.getByRole('group', { name: 'Agenda item 2', exact: true }).getByRole('button', { name: 'Remove' }).click();
  await expect(item(1)).toHaveValue('Discussion');
  await expect(item(2)).toHaveValue('Presentation');
  await expect(page.getByRole('group', { name: 'Agenda item 3', exact: true })).toHaveCount(0);
  await expect(add).toBeFocused();

  await expectSaved(page);
  await page.reload();
  await expect(item(1)).toHaveValue('Discussion');
  await expect(item(2)).toHaveValue('Presentation');
});

test('New report starts a blank draft', async ({ app: page }) => {
  await page.getByLabel('Report title', { exact: true }).fill('First report');
  await page.getByRole('button', { name: 'Add objective' }).click();
  await page.getByRole('button', { name: 'New report' }).click();
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('');
  await expect(page.getByRole('group', { name: 'Objective 1' })).toHaveCount(0);
  await expectSaved(page);
  await page.reload();
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('');
  const titles = await page.evaluate(() => JSON.parse(localStorage.getItem('taqrir.index') ?? '{}').drafts.map((d: any) => d.title));
  expect(titles).toEqual(['First report', '']);
});

test('long text fields grow with their text', async ({ app: page }) => {
  const intro = page.getByLabel('Introduction', { exact: true });
  const before = (await intro.boundingBox())!.height;
  await intro.fill(Array.from({ length: 12 }, (_, i) => `Line ${i + 1}`).join('\n'));
  const after = (await intro.boundingBox())!.height;
  expect(after).toBeGreaterThan(before * 2);
});

for (const trigger of ['visibilitychange', 'pagehide'] as const) {
  test(`hiding the page (${trigger} alone) writes what was just typed at once, before the autosave delay`, async ({ app: page }) => {
    const title = page.getByLabel('Report title', { exact: true });
    await title.fill('Saved before');
    await expectSaved(page);
    const stored = await title.evaluate(async (input: HTMLInputElement, trigger) => {
      const storedTitle = () => {
        const key = Object.keys(localStorage).find((k) => k.startsWith('taqrir.draft.'))!;
        return JSON.parse(localStorage.getItem(key)!).report.title;
      };
      input.value = 'Typed a moment ago';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Let the app take the change in (its reactions run as microtasks), far sooner than 500 ms.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const before = storedTitle();
      if (trigger === 'visibilitychange') {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      } else {
        window.dispatchEvent(new PageTransitionEvent('pagehide'));
      }
      return { before, after: storedTitle() };
    }, trigger);
    expect(stored).toEqual({ before: 'Saved before', after: 'Typed a moment ago' });
  });
}
