import { readFileSync } from 'node:fs';
import { test, expect, expectSaved } from './fixtures';

test('when storage is full, a banner says so, offers the JSON, and clears once space is back', async ({ app: page }) => {
  const title = page.getByLabel('Report title', { exact: true });
  await title.fill('Saved before the disk filled');
  await expectSaved(page);
  // Fill the rest of this site's local storage.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0; ) {
      try {
        localStorage.setItem(`filler-${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
  await title.fill('Typed while storage is full, a longer title than before');
  const banner = page.getByRole('alert').filter({ hasText: 'could not be saved' });
  await expect(banner).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Not saved');
  // The last good copy is still stored.
  const stored = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('taqrir.draft.'))![1]);
  expect(JSON.parse(stored).report.title).toBe('Saved before the disk filled');

  const started = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download JSON' }).click();
  const file = await started;
  expect(JSON.parse(readFileSync((await file.path())!, 'utf8')).report.title).toBe('Typed while storage is full, a longer title than before');

  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  // Saving is retried by itself; what was typed meanwhile is saved.
  await expect(banner).toHaveCount(0);
  await expectSaved(page);
  await page.reload();
  await expect(title).toHaveValue('Typed while storage is full, a longer title than before');
});

test('a damaged stored draft is kept byte for byte and can be downloaded raw', async ({ app: page }) => {
  const damaged = '{"format":"taqrir-report","schema_version":1,"report":{"title":"Half a rep';
  await page.evaluate((damaged) => {
    localStorage.clear();
    localStorage.setItem('taqrir.draft.damaged', damaged);
    localStorage.setItem('taqrir.index', JSON.stringify({ drafts: [{ id: 'damaged', title: 'Half a report', date: '', updated_ms: 1 }], last_open: 'damaged' }));
  }, damaged);
  await page.reload();
  const notice = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(notice).toBeVisible();
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('');

  const started = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download raw' }).click();
  expect(readFileSync((await (await started).path())!, 'utf8')).toBe(damaged);

  await page.getByLabel('Report title', { exact: true }).fill('A new report');
  await expectSaved(page);
  expect(await page.evaluate(() => localStorage.getItem('taqrir.draft.damaged'))).toBe(damaged);
});

test('when the browser refuses storage the app still works, in memory, with a warning', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await expect(page.getByRole('alert').filter({ hasText: 'does not let Taqrir store drafts' })).toBeVisible();
  const title = page.getByLabel('Report title', { exact: true });
  await title.fill('Kept in this tab');
  await expect(page.getByRole('status')).toHaveText('Saved');
  await expect(title).toHaveValue('Kept in this tab');
  expect(errors).toEqual([]);
  await context.close();
});
