import { test, expect, expectSaved, watchForErrors } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';

const title = (page: Page) => page.getByLabel('Report title', { exact: true });
const conflict = (page: Page) => page.getByRole('alert').filter({ hasText: 'also changed in another tab' });

/**
 * Tab one with a saved draft titled "Shared draft", and a second tab on the same draft, both on a
 * clock that stands still, so neither tab's autosave (after a 500 ms pause in typing) can fire
 * while the test types in both, however slow the machine. `oneSavesFirst` saves tab one (Ctrl+S)
 * while tab two still holds its unsaved edit, and lets time run on once tab two has been told.
 */
async function twoTabsOnOneDraft(page: Page, context: BrowserContext) {
  await context.clock.install();
  await page.goto('./');
  await title(page).fill('Shared draft');
  await expectSaved(page);
  const { page: two, errors } = await secondTab(context);
  await expect(title(two)).toHaveValue('Shared draft');
  await context.clock.pauseAt(new Date(Date.now() + 60_000));
  const oneSavesFirst = async () => {
    await page.keyboard.press('Control+s');
    await expectSaved(page);
    // Tab two hears of it before its own save is due.
    await expect(conflict(two)).toBeVisible();
    await context.clock.resume();
  };
  return { one: page, two, errors, oneSavesFirst };
}

/** A second tab of the same browser profile (same storage), failing on its own errors too. */
async function secondTab(context: BrowserContext) {
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto('./');
  await expect(title(page)).toBeEditable();
  return { page, errors };
}

test('a change saved in one tab shows up in the other', async ({ app: one, context }) => {
  await title(one).fill('Started in tab one');
  await expectSaved(one);
  const { page: two, errors } = await secondTab(context);
  await expect(title(two)).toHaveValue('Started in tab one');

  await title(one).fill('Edited in tab one');
  await expectSaved(one);
  await expect(title(two)).toHaveValue('Edited in tab one');
  await expect(two.getByRole('status')).toHaveText('Saved');

  // And the other way round; a new draft in tab two is listed in tab one.
  await title(two).fill('Edited in tab two');
  await expectSaved(two);
  await expect(title(one)).toHaveValue('Edited in tab two');
  await two.getByRole('button', { name: 'New report' }).click();
  await title(two).fill('A second report');
  await expectSaved(two);
  await one.getByRole('button', { name: 'Reports' }).click();
  await expect(one.getByRole('region', { name: 'Reports' }).getByRole('heading', { level: 3 })).toHaveText(['A second report', 'Edited in tab two']);
  expect(errors).toEqual([]);
});

test('simultaneous edits of one draft are caught, and keeping both loses neither', async ({ page, context }) => {
  const { one, two, errors, oneSavesFirst } = await twoTabsOnOneDraft(page, context);

  // Both tabs type before either has saved.
  const venue = (page: Page) => page.getByLabel('Venue', { exact: true });
  await venue(one).fill('Hall A, typed in tab one');
  await venue(two).fill('Hall B, typed in tab two');
  await oneSavesFirst();

  // The tab that saved first wins the draft; the other is told and saves nothing over it.
  const [loser, winner] = [two, one];
  await expect(conflict(loser)).toBeVisible();
  await expect(conflict(winner)).toHaveCount(0);
  await expect(loser.getByRole('status')).toHaveText('Not saved: changed in another tab');
  // The warning stays in sight next to the field being typed in, far down the form.
  await expect(conflict(loser)).toBeInViewport();
  const winnerVenue = await venue(winner).inputValue();
  const loserVenue = await venue(loser).inputValue();
  expect(winnerVenue).not.toBe(loserVenue);
  const stored = await loser.evaluate(() =>
    Object.entries(localStorage).filter(([k]) => k.startsWith('taqrir.draft.')).map(([, v]) => JSON.parse(v).report.venue),
  );
  expect(stored).toEqual([winnerVenue]);

  await conflict(loser).getByRole('button', { name: 'Keep both (save mine as a copy)' }).click();
  await expect(conflict(loser)).toHaveCount(0);
  await expectSaved(loser);
  const venues = await loser.evaluate(() =>
    Object.entries(localStorage).filter(([k]) => k.startsWith('taqrir.draft.')).map(([, v]) => JSON.parse(v).report.venue).sort(),
  );
  expect(venues).toEqual([winnerVenue, loserVenue].sort());
  expect(errors).toEqual([]);
});

test('after a conflict, the other version can be shown instead', async ({ page, context }) => {
  const { one, two, errors, oneSavesFirst } = await twoTabsOnOneDraft(page, context);
  await title(one).fill('Title from tab one');
  await title(two).fill('Title from tab two');
  await oneSavesFirst();
  const [loser, winner] = [two, one];
  await expect(conflict(loser)).toBeVisible();
  const kept = await title(winner).inputValue();
  await conflict(loser).getByRole('button', { name: 'Show the other version' }).click();
  await expect(title(loser)).toHaveValue(kept);
  await expect(loser.getByRole('status')).toHaveText('Saved');
  // Editing goes on normally from there, and reaches the other tab.
  await title(loser).fill('Carried on after the conflict');
  await expectSaved(loser);
  await expect(title(winner)).toHaveValue('Carried on after the conflict');
  expect(errors).toEqual([]);
});

test('leaving a draft while it is in conflict keeps both versions', async ({ page, context }) => {
  const { one, two, errors, oneSavesFirst } = await twoTabsOnOneDraft(page, context);
  await title(one).fill('Version from tab one');
  await title(two).fill('Version from tab two');
  await oneSavesFirst();
  const loser = two;
  await expect(conflict(loser)).toBeVisible();
  // The person moves on without choosing.
  await loser.getByRole('button', { name: 'New report' }).click();
  await expect(title(loser)).toHaveValue('');
  const titles = await loser.evaluate(() =>
    Object.entries(localStorage).filter(([k]) => k.startsWith('taqrir.draft.')).map(([, v]) => JSON.parse(v).report.title).sort(),
  );
  expect(titles).toEqual(['', 'Version from tab one', 'Version from tab two']);
  expect(errors).toEqual([]);
});
