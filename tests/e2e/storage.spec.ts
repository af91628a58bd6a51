import { readFileSync } from 'node:fs';
import { test, expect, expectSaved, watchForErrors, NEWER_DRAFT, openNewerDraft } from './fixtures';

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

test('a draft written by a newer version opens read-only and is never written over', async ({ app: page }) => {
  const newer = NEWER_DRAFT;
  // Listed as revision 0, what this tab believes it has: only the read-only rule stands between a
  // change and storage (a save over another revision would be refused as a conflict anyway).
  await openNewerDraft(page, 0);
  await expect(page.getByRole('alert').filter({ hasText: 'newer version of Taqrir (format 99)' })).toBeVisible();
  const title = page.getByLabel('Report title', { exact: true });
  await expect(title).toHaveValue('From a newer Taqrir');
  await expect(page.getByLabel('Venue', { exact: true })).toHaveValue('Basra');
  await expect(title).toBeDisabled();
  await expect(page.getByRole('status')).toHaveText('Read-only');
  // Even a change that gets past the disabled form (here: the form enabled by hand) is never
  // written: not when the tab is hidden, which would normally write it at once, nor after the
  // autosave delay.
  await title.evaluate((input) => (input.closest('fieldset')!.disabled = false));
  await title.fill('Changed in a read-only draft');
  await expect(title).toHaveValue('Changed in a read-only draft');
  const storedWhenHidden = await page.evaluate(() => {
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    return localStorage.getItem('taqrir.draft.newer');
  });
  expect(storedWhenHidden).toBe(newer);
  await page.waitForTimeout(800);
  expect(await page.evaluate(() => localStorage.getItem('taqrir.draft.newer'))).toBe(newer);
  await expect(page.getByRole('status')).toHaveText('Read-only');

  // A new report is editable again, and the newer draft stays as it was.
  await page.getByRole('button', { name: 'New report' }).click();
  await expect(title).toBeEditable();
  await title.fill('Written here');
  await expectSaved(page);
  expect(await page.evaluate(() => localStorage.getItem('taqrir.draft.newer'))).toBe(newer);
});

test('a damaged draft is listed as unreadable, with its raw text to download', async ({ app: page }) => {
  const damaged = '{"format":"taqrir-report","schema_version":1,"report":{"title":"Workshop in Erb';
  await page.getByLabel('Report title', { exact: true }).fill('A good draft');
  await expectSaved(page);
  // The damaged draft is not even in the index: it is found by its key.
  await page.evaluate((damaged) => localStorage.setItem('taqrir.draft.broken', damaged), damaged);
  await page.reload();
  await page.getByRole('button', { name: 'Reports' }).click();
  const row = page.getByRole('region', { name: 'Reports' }).getByRole('listitem').filter({ hasText: 'Cannot be read' });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('button', { name: 'Open' })).toHaveCount(0);
  const started = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Download raw' }).click();
  expect(readFileSync((await (await started).path())!, 'utf8')).toBe(damaged);
  await expect(page.getByRole('region', { name: 'Reports' }).getByRole('heading', { name: 'A good draft' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('taqrir.draft.broken'))).toBe(damaged);
});

test('the storage used is shown, and a warning appears from 80 % of the quota', async ({ app: page }) => {
  await page.getByLabel('Report title', { exact: true }).fill('Report in a crowded browser');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByText(/Storage in use in this browser: 0\.1 MB of about 5 MB \(0%\)\./)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '% full' })).toHaveCount(0);
  // Another 4.3 million characters (of 5 Mi) on this site.
  await page.evaluate(() => localStorage.setItem('someone-else', 'x'.repeat(4_300_000)));
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'Storage for Taqrir in this browser is 82% full' })).toBeVisible();
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByText(/Storage in use in this browser: 4\.1 MB of about 5 MB \(82%\)/)).toBeVisible();
});

test('the app asks the browser to keep its storage and says what the browser answered', async ({ browser }) => {
  for (const granted of [true, false]) {
    const context = await browser.newContext();
    await context.addInitScript((granted) => {
      (window as unknown as { persistCalls: number }).persistCalls = 0;
      Object.defineProperty(navigator, 'storage', {
        value: {
          persisted: async () => false,
          persist: async () => {
            (window as unknown as { persistCalls: number }).persistCalls += 1;
            return granted;
          },
          estimate: async () => ({ usage: 0, quota: 1e9 }),
        },
      });
    }, granted);
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await page.goto('./');
    await page.getByRole('button', { name: 'Reports' }).click();
    const answer = granted ? 'keeps these drafts until you delete them' : 'may delete these drafts when it runs short of space';
    await expect(page.getByText(answer)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }
});

test('closing the tab while saving fails asks first', async ({ app: page }) => {
  const title = page.getByLabel('Report title', { exact: true });
  await title.fill('Saved');
  await expectSaved(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await title.fill('Typed while nothing can be saved');
  await expect(page.getByRole('status')).toHaveText('Not saved');
  const asked = new Promise<string>((resolve) => page.on('dialog', (dialog) => { resolve(dialog.type()); void dialog.accept(); }));
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
});
