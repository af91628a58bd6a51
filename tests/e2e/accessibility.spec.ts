import { test, expect, expectSaved } from './fixtures';
import { importEditedSample } from './import-sample';
import type { Page } from '@playwright/test';

// axe-core is injected as a script of the test, which the page's own policy would refuse.
test.use({ bypassCSP: true });

/** What axe-core finds on the page as it is now, one line per rule and element. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.flatMap((v: any) => v.nodes.map((n: any) => `${v.id}: ${n.target.join(' ')}`));
  });
  return violations;
}

// The header's buttons in each interface language (locales/*.txt: Reports, SummaryScreen).
const languages = [
  { code: 'en', reports: 'Reports', summary: 'Summary' },
  { code: 'ar', reports: 'التقارير', summary: 'الملخص' },
];

for (const language of languages) {
  test(`axe-core finds nothing on the editor, Reports and Summary screens (${language.code})`, async ({ app: page }) => {
    await importEditedSample(page, (r) => {
      r.title = 'Erbil youth dialogue';
    });
    await expectSaved(page);
    await page.getByLabel('Interface language').selectOption(language.code);
    await expect(page.locator('html')).toHaveAttribute('lang', language.code);
    const found = { editor: await axeViolations(page), reports: [] as string[], summary: [] as string[] };
    await page.getByRole('button', { name: language.reports, exact: true }).click();
    found.reports = await axeViolations(page);
    await page.getByRole('button', { name: language.summary, exact: true }).click();
    await expect(page.getByRole('table').first()).toBeVisible();
    found.summary = await axeViolations(page);
    expect(found).toEqual({ editor: [], reports: [], summary: [] });
  });
}
