import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { summary, totalRow, reportsIn, sampleFiles } from './summary-helpers';
import { outcomes } from './file-outcomes';

test('report files dropped on the Summary go to the received reports, not to the drafts', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Summary' }).click();
  await summary(page).getByLabel('Include my drafts').uncheck();
  const files = sampleFiles([['Basra dialogue', 15], ['Erbil workshop', 20]]).map((file, i) => ({
    name: `dropped-${i + 1}.json`,
    text: readFileSync(file, 'utf8'),
  }));
  const data = await page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const { name, text } of files) transfer.items.add(new File([text], name, { type: 'application/json' }));
    return transfer;
  }, files);
  await summary(page).getByRole('heading', { name: 'Summary of activity reports' }).dispatchEvent('drop', { dataTransfer: data });
  await expect(outcomes(summary(page))).toHaveText(['dropped-1.json: added.', 'dropped-2.json: added.']);
  await expect(summary(page).getByText('2 reports in this summary.')).toBeVisible();
  expect(await totalRow(page, 'Total participants (attendances)')).toEqual(['35', '']);
  await expect(reportsIn(page).getByRole('cell', { name: 'Received' })).toHaveCount(2);
  const drafts = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('taqrir.draft.')).length);
  expect(drafts).toBe(0);
});
