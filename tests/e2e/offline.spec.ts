import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, watchForErrors } from './fixtures';
import { serveStatic } from './static-server';

const dist = path.join(__dirname, '..', '..', 'dist');

for (const prefix of ['/', '/reports/']) {
  test(`served at ${prefix}, the app opens offline with the draft after one visit`, async ({ browser }) => {
    const host = await serveStatic(dist, prefix);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchForErrors(page);
    try {
      await page.goto(host.url);
      const title = page.getByLabel('Report title', { exact: true });
      await title.fill('Written before going offline');
      await expect(page.getByRole('status').first()).toHaveText('Saved');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

      await context.setOffline(true);
      await page.reload();
      await expect(title).toHaveValue('Written before going offline');
      await title.fill('Written offline');
      await page.reload();
      await expect(title).toHaveValue('Written offline');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await host.close();
    }
  });
}

test('a new build served over the old one is offered with a reload prompt', async ({ browser }) => {
  const oldBuild = mkdtempSync(path.join(tmpdir(), 'taqrir-old-'));
  const newBuild = mkdtempSync(path.join(tmpdir(), 'taqrir-new-'));
  cpSync(dist, oldBuild, { recursive: true });
  cpSync(dist, newBuild, { recursive: true });
  // What a new build changes for the worker: its version (and so its cache).
  const worker = path.join(newBuild, 'sw.js');
  writeFileSync(worker, readFileSync(worker, 'utf8').replace(/const VERSION = '[^']*'/, "const VERSION = 'next'"));

  const host = await serveStatic(oldBuild);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchForErrors(page);
  try {
    await page.goto(host.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const title = page.getByLabel('Report title', { exact: true });
    await title.fill('Still here after the update');
    await expect(page.getByText('A new version of Taqrir is available')).toHaveCount(0);

    host.switchTo(newBuild);
    await page.reload();
    await expect(page.getByText('A new version of Taqrir is available')).toBeVisible();
    // Typing goes on undisturbed until the person chooses to reload.
    await title.fill('Still here after the update, edited');
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByText('A new version of Taqrir is available')).toHaveCount(0);
    await expect(title).toHaveValue('Still here after the update, edited');
    const version = await page.evaluate(async () => (await caches.keys()).join(','));
    expect(version).toBe('taqrir-next');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await host.close();
  }
});

test('once installed, the worker gives the app only for its own page: build files are themselves, anything else comes from the network', async ({ browser }) => {
  const host = await serveStatic(dist);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(host.url);
    await expect(page.getByLabel('Report title', { exact: true })).toBeEditable();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Each is opened as a navigation, as when someone follows a link to it.
    // (Chromium shows its own error page for an empty 404, so the response is read as it arrives.)
    const open = async (file: string) => {
      const url = host.url + file;
      const [response] = await Promise.all([page.waitForResponse(url), page.goto(url).catch(() => null)]);
      return { status: response.status(), type: response.headers()['content-type'] ?? '', text: await response.text() };
    };
    const expectTheFiles = async () => {
      const icon = await open('icon.svg');
      expect(icon.type).toContain('image/svg+xml');
      expect(icon.text).toMatch(/^<svg /);
      const manifest = await open('manifest.webmanifest');
      expect(JSON.parse(manifest.text).short_name).toBe('Taqrir');
    };
    await expectTheFiles();
    expect((await open('sw.js')).text).toMatch(/^\/\/ Taqrir's service worker/);
    const missing = await open('no-such-file.pdf');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('Taqrir');

    // Offline, the build's files still come from the cache, and the app's page is the app.
    await context.setOffline(true);
    await expectTheFiles();
    for (const file of ['', 'index.html', '?from=bookmark']) {
      await page.goto(host.url + file);
      await expect(page.getByLabel('Report title', { exact: true })).toBeEditable();
    }
  } finally {
    await context.close();
    await host.close();
  }
});
