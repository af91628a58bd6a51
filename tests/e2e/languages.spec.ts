import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/** Every piece of text a person or a screen reader meets: text nodes, labels, names, titles. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript, [hidden]')) continue;
      if (parent.getClientRects().length === 0) continue;
      const text = node.textContent?.trim();
      if (text) texts.push(text);
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    texts.push(document.title);
    return texts;
  });
}

/** Latin words left in an Arabic-script interface, apart from the names of file formats (HTML, JSON,
 *  Word) and of the English language in the language switch (each language is named in itself). */
function englishLeftIn(texts: string[]): string[] {
  const allowed = new Set(['HTML', 'JSON', 'Word', 'English', 'Taqrir']);
  return texts.filter((text) => (text.match(/[A-Za-z]{2,}/g) ?? []).some((word) => !allowed.has(word)));
}

async function openEveryKindOfRow(page: Page) {
  for (const button of await page.locator('button.button--add').all()) await button.click();
}

for (const [name, code] of [['العربية', 'ar'], ['کوردی', 'ckb']] as const) {
  test(`choosing ${name} turns the whole editor ${code}, right to left, and survives a reload`, async ({ app: page }) => {
    await page.getByLabel('Interface language').selectOption(code);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await openEveryKindOfRow(page);
    expect(englishLeftIn(await visibleTexts(page))).toEqual([]);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect(page.locator('#field-title')).toBeEditable();
    expect(englishLeftIn(await visibleTexts(page))).toEqual([]);

    // The list of reports, with a draft in it and one just deleted (the undo notice).
    await page.locator('#field-title').fill('تقرير');
    await page.locator('.app-bar__actions button').first().click();
    await expect(page.locator('#library-search')).toBeVisible();
    await page.locator('.draft button.button--danger').first().click();
    await expect(page.locator('.library [role="status"]')).toBeVisible();
    expect(englishLeftIn(await visibleTexts(page))).toEqual([]);
  });
}

test('the default interface language follows the browser', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ar-IQ' });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByLabel('عنوان التقرير')).toBeEditable();
  await context.close();
});

test('text fields follow the report language for direction and spelling', async ({ app: page }) => {
  const intro = page.getByLabel('Introduction', { exact: true });
  await expect(intro).toHaveAttribute('dir', 'auto');
  await expect(intro).toHaveAttribute('lang', 'en');
  await page.getByLabel('Report language').selectOption('ar');
  await expect(intro).toHaveAttribute('lang', 'ar');
  await expect(intro).toHaveAttribute('spellcheck', 'true');
  // Interface and report languages are independent.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
