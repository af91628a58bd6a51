// The editor for a whole working day (issue 15): Sections to find one's place, the report
// actions at hand, Preview of the printed page, and sections folded away until needed.
import { test, expect, download } from './fixtures';
import { importEditedSample } from './import-sample';
import type { Locator, Page } from '@playwright/test';

const PHONE = { width: 390, height: 844 };

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'the element is laid out').not.toBeNull();
  return found!;
}

/** Follows each link of "Sections" and checks its heading is focused, in view and clear of the bars. */
async function visitEverySection(page: Page, openMenu: () => Promise<void>) {
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await openMenu();
  const names = (await sections.getByRole('link').allTextContents()).filter((name) => name !== 'More sections');
  expect(names.length).toBeGreaterThanOrEqual(12);
  const viewport = page.viewportSize()!;
  const actions = page.getByRole('navigation', { name: 'Report actions' });
  for (const [i, name] of names.entries()) {
    if (i > 0) await openMenu();
    await sections.getByRole('link', { name, exact: true }).click();
    const heading = page.getByRole('heading', { name, exact: true, level: 2 });
    await expect(heading, name).toBeFocused();
    await expect(heading, name).toBeInViewport();
    const top = (await box(heading)).y;
    const bar = await box(actions);
    if (bar.y < viewport.height / 2) {
      // The bar stays at the top: the heading is below it.
      expect(top, `${name} is below the report actions`).toBeGreaterThanOrEqual(bar.y + bar.height);
    } else {
      // The bar stays at the foot: the heading is above it.
      expect(top, `${name} is on the screen`).toBeGreaterThanOrEqual(0);
      expect(top + (await box(heading)).height, `${name} is above the report actions`).toBeLessThanOrEqual(bar.y);
    }
    const appBar = await box(page.getByRole('banner'));
    if (appBar.y + appBar.height > 0 && appBar.y <= 0) {
      expect(top, `${name} is below the app bar`).toBeGreaterThanOrEqual(appBar.y + appBar.height);
    }
  }
}

test('each link of Sections brings its heading into view below the bars and focuses it (1280×900)', async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await importEditedSample(page, () => {});
  await expect(page.getByRole('heading', { name: 'Sign-off', level: 2 })).toBeAttached();
  await visitEverySection(page, async () => {});
});

test('on a phone, Sections is a menu at hand whose links bring each heading into view and focus it', async ({ app: page }) => {
  await importEditedSample(page, () => {});
  await expect(page.getByRole('heading', { name: 'Sign-off', level: 2 })).toBeAttached();
  await page.setViewportSize(PHONE);
  const menu = page.getByRole('button', { name: 'Sections', exact: true });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await visitEverySection(page, async () => {
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
  });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('Sections says in words which sections are empty, filled or have open checks', async ({ app: page }) => {
  await importEditedSample(page, (r) => {
    r.participants.male = 20;
  });
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await expect(sections.getByRole('link', { name: 'Participants', exact: true })).toHaveAccessibleDescription('1 open check');
  await expect(sections.getByRole('link', { name: 'When and where', exact: true })).toHaveAccessibleDescription('filled');
  await expect(sections.getByRole('link', { name: 'Sign-off', exact: true })).toHaveAccessibleDescription('empty');
  await page.getByLabel('Male', { exact: true }).fill('9');
  await expect(sections.getByRole('link', { name: 'Participants', exact: true })).toHaveAccessibleDescription('filled');
});

test('on a phone, the report actions are at hand at the foot of a long report and do not cover the field typed in', async ({ app: page }) => {
  await importEditedSample(page, (r) => {
    r.title = 'Read on a phone';
  });
  await expect(page.getByRole('heading', { name: 'Sign-off', level: 2 })).toBeAttached();
  await page.setViewportSize(PHONE);
  // The last field of the report, typed in at the very bottom of the page.
  const last = page.getByRole('group', { name: 'Approved by' }).getByLabel('Position', { exact: true });
  await last.fill('Director');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const actions = page.getByRole('navigation', { name: 'Report actions' });
  const bar = await box(actions);
  const field = await box(last);
  expect(field.y + field.height, 'the field is above the bar').toBeLessThanOrEqual(bar.y);
  await last.focus();
  await page.keyboard.type(' of programmes');
  await expect(last).toHaveValue('Director of programmes');
  expect((await box(last)).y + (await box(last)).height).toBeLessThanOrEqual((await box(actions)).y);

  page.on('dialog', (dialog) => dialog.accept());
  // A field lying under the bar (yet inside the window) is brought above it when focused
  // (Tab, or a check's link), and stays there while typed in.
  const venue = page.getByLabel('Venue', { exact: true });
  const height = (await box(venue)).height;
  await page.evaluate((dy) => window.scrollBy(0, dy), (await box(venue)).y - (PHONE.height - height - 4));
  expect((await box(venue)).y + height).toBeLessThanOrEqual(PHONE.height);
  expect((await box(venue)).y + height, 'the field starts under the bar').toBeGreaterThan((await box(actions)).y);
  await venue.focus();
  await page.keyboard.type(', upstairs');
  expect((await box(venue)).y + height, 'the field typed in is above the bar').toBeLessThanOrEqual((await box(actions)).y);

  await expect(actions.getByRole('button', { name: 'Export HTML', exact: true })).toBeInViewport();
  await actions.getByRole('button', { name: 'More actions' }).click();
  await expect(actions.getByRole('button', { name: 'Export JSON', exact: true })).toBeInViewport();
  const file = await download(page, 'Export JSON');
  expect(JSON.parse(file.text).report.title).toBe('Read on a phone');
  // Choosing an action closes the list again.
  await expect(actions.getByRole('button', { name: 'Export JSON', exact: true })).toBeHidden();
});

test('Preview shows the printed report as the export writes it, with what was typed a moment ago', async ({ app: page }) => {
  await importEditedSample(page, (r) => {
    r.title = 'Before the preview';
  });
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Before the preview');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Preview', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const region = page.getByRole('region', { name: 'Preview' });
  const frame = region.getByTitle('Preview of the printed report').contentFrame();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Before the preview');

  await page.getByLabel('Report title', { exact: true }).fill('Typed a moment ago');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Typed a moment ago');
  await page.getByLabel('Venue', { exact: true }).pressSequentially(' (upstairs)');
  await expect(frame.getByText('(upstairs)')).toBeVisible();

  // The same page as Export HTML writes: one writer.
  page.on('dialog', (dialog) => dialog.accept());
  const exported = await download(page, 'Export HTML');
  const exportedMain = await page.evaluate(
    (text) => new DOMParser().parseFromString(text, 'text/html').querySelector('main')!.outerHTML,
    exported.text,
  );
  expect(await frame.locator('main').evaluate((main) => main.outerHTML)).toBe(exportedMain);

  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(region).toHaveCount(0);
});

test('Preview of an Arabic report reads right to left', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByLabel('Report language', { exact: true }).selectOption('ar');
  await page.getByLabel('Report title', { exact: true }).fill('جلسة الحوار الرابعة');
  const frame = page.getByRole('region', { name: 'Preview' }).getByTitle('Preview of the printed report').contentFrame();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('جلسة الحوار الرابعة');
  await expect(frame.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ar');
});

test('on a phone, Preview is a view of its own, and the form comes back', async ({ app: page }) => {
  await page.setViewportSize(PHONE);
  await page.getByLabel('Report title', { exact: true }).fill('On the phone');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const frame = page.getByTitle('Preview of the printed report');
  await expect(frame.contentFrame().getByRole('heading', { level: 1 })).toHaveText('On the phone');
  await expect(frame).toBeInViewport();
  await expect(page.getByLabel('Report title', { exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByLabel('Report title', { exact: true })).toBeVisible();
});

/** Puts the person in `field` in the middle of the screen, typing. */
async function typeInTheMiddle(page: Page, field: Locator) {
  await field.evaluate((element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await field.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Agreed.');
}

/** Presses Preview where it stands on the screen, as a person does (a locator's click first
 *  scrolls the page to the bar's place in the document, which a sticky bar does not need). */
async function pressPreview(page: Page) {
  const button = await box(page.getByRole('button', { name: 'Preview', exact: true }));
  await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
}

/** Where `field` stands on the screen, once it settles there. */
async function expectStill(field: Locator, top: number) {
  await expect(field).toBeInViewport();
  // Within a pixel: the page scrolls by whole pixels.
  await expect.poll(async () => Math.abs((await box(field)).y - top)).toBeLessThanOrEqual(1);
}

test('opening and closing Preview beside the form leaves the field being typed in where it was (1280×900)', async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await importEditedSample(page, (r) => {
    r.title = 'Where I was';
  });
  await expect(page.getByRole('heading', { name: 'Sign-off', level: 2 })).toBeAttached();
  const conclusion = page.getByLabel('Conclusion', { exact: true });
  await typeInTheMiddle(page, conclusion);
  const top = (await box(conclusion)).y;

  await pressPreview(page);
  const frame = page.getByRole('region', { name: 'Preview' }).getByTitle('Preview of the printed report').contentFrame();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Where I was');
  await expectStill(conclusion, top);
  await expect(conclusion).toHaveValue(/ Agreed\.$/);

  await pressPreview(page);
  await expect(page.getByRole('region', { name: 'Preview' })).toHaveCount(0);
  await expectStill(conclusion, top);
});

test('Preview leaves the section reached through Sections where it stood (1280×900)', async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await importEditedSample(page, () => {});
  await expect(page.getByRole('heading', { name: 'Sign-off', level: 2 })).toBeAttached();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Agenda', exact: true }).click();
  const heading = page.getByRole('heading', { name: 'Agenda', exact: true, level: 2 });
  await expect(heading).toBeFocused();
  const top = (await box(heading)).y;
  await pressPreview(page);
  await expect(page.getByRole('region', { name: 'Preview' })).toBeVisible();
  await expectStill(heading, top);
  await pressPreview(page);
  await expect(page.getByRole('region', { name: 'Preview' })).toHaveCount(0);
  await expectStill(heading, top);
});

test('on a phone, Preview opens at its top and closing it returns to the field the person was in', async ({ app: page }) => {
  await importEditedSample(page, (r) => {
    r.title = 'Where I was';
  });
  await expect(page.getByRole('heading', { name: 'Sign-off', level: 2 })).toBeAttached();
  await page.setViewportSize(PHONE);
  const conclusion = page.getByLabel('Conclusion', { exact: true });
  await typeInTheMiddle(page, conclusion);
  const top = (await box(conclusion)).y;

  await pressPreview(page);
  const region = page.getByRole('region', { name: 'Preview' });
  await expect(region.getByTitle('Preview of the printed report').contentFrame().getByRole('heading', { level: 1 }))
    .toHaveText('Where I was');
  await expect(conclusion).toBeHidden();
  await expect(region.getByRole('heading', { name: 'Preview', exact: true })).toBeInViewport({ ratio: 1 });

  await pressPreview(page);
  await expect(region).toHaveCount(0);
  await expectStill(conclusion, top);
});

test('sections this kind of activity does not use wait under More sections, one click away; one with content is never folded', async ({ app: page }) => {
  const more = page.getByRole('region', { name: 'More sections' });
  const sections = page.getByRole('navigation', { name: 'Sections' });
  // A dialogue session (the default) has no working groups.
  await expect(more.getByRole('button', { name: 'Working groups' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Working groups', level: 2 })).toHaveCount(0);
  await expect(sections.getByRole('link', { name: 'Working groups' })).toHaveCount(0);

  await more.getByRole('button', { name: 'Working groups' }).click();
  await expect(page.getByRole('heading', { name: 'Working groups', level: 2 })).toBeFocused();
  await expect(more.getByRole('button', { name: 'Working groups' })).toHaveCount(0);
  await expect(sections.getByRole('link', { name: 'Working groups' })).toBeVisible();

  // A closing session folds its agenda away while it is empty.
  await page.getByLabel('Activity type', { exact: true }).selectOption('closing_session');
  await expect(more.getByRole('button', { name: 'Agenda' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add agenda item' })).toHaveCount(0);
  await page.getByLabel('Activity type', { exact: true }).selectOption('dialogue_session');
  await expect(more.getByRole('button', { name: 'Working groups' })).toBeVisible();
});

test('a section with content is never folded, whatever the kind of activity', async ({ app: page }) => {
  await importEditedSample(page, (r) => {
    r.activity_type = 'closing_session';
    r.working_groups = [{ topic: 'Water and sanitation' }];
    r.extra_sections = [{ heading: 'Panel', text: 'Three speakers.' }];
  });
  await expect(page.getByLabel('Activity type', { exact: true })).toHaveValue('closing_session');
  for (const name of ['Agenda', 'Working groups', 'Additional sections']) {
    await expect(page.getByRole('heading', { name, exact: true, level: 2 })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'More sections' })).toHaveCount(0);

  // Emptying a section does not fold it away under the cursor.
  await page.getByRole('group', { name: 'Working group 1' }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('button', { name: 'Add working group' })).toBeFocused();
  await page.getByLabel('Venue', { exact: true }).fill('Basra');
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Working groups' })).toHaveAccessibleDescription('empty');
  await expect(page.getByRole('heading', { name: 'Working groups', level: 2 })).toBeVisible();
});

test("the bars' heights reach only what must stay clear of them, so a change of a bar restyles no field (1280×900)", async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const title = page.getByLabel('Report title', { exact: true });
  await expect(title).toBeVisible();
  const sizes = (selector: string) =>
    page.locator(selector).first().evaluate((element) => {
      const style = getComputedStyle(element);
      return [style.getPropertyValue('--app-bar-size').trim(), style.getPropertyValue('--actions-size').trim()];
    });
  const bar = await box(page.locator('.report-actions-holder'));
  // What stays in view beside the form knows the bars' heights…
  await expect.poll(() => sizes('.sections')).toEqual([expect.stringMatching(/^[1-9]\d*px$/), `${Math.round(bar.height)}px`]);
  // …while a field of the form does not carry them: it is not restyled when a bar's height changes.
  expect(await sizes('#field-title')).toEqual(['0px', '0px']);
});
