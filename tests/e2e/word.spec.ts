import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { test, expect, watchForErrors, openWithoutServiceWorker } from './fixtures';
import { serveStatic } from './static-server';
import type { Page, Route } from '@playwright/test';

// Export Word: the file is made by the export worker, a second WebAssembly module fetched on the
// first export only; what the document holds is tested natively (tests/docx_export.rs).

const fixture = path.join(__dirname, '..', 'fixtures', 'report-v1.json');
const dist = path.join(__dirname, '..', '..', 'dist');
const WORKER = /exporter-[0-9a-f]{16}(_loader\.js|\.js|_bg\.wasm)$/;

async function importSample(page: Page) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await chooser).setFiles(fixture);
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Fourth Dialogue Session on Empowering Communities');
  // The sample has open problems: the export asks first.
  page.on('dialog', (dialog) => dialog.accept());
}

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function download(page: Page, button: string) {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await started;
  const saved = path.join(mkdtempSync(path.join(tmpdir(), 'taqrir-word-')), file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), bytes: readFileSync(saved) };
}

/** The text of `entry` in the zip archive `zip` (its local headers walked in order). */
function zipEntry(zip: Buffer, entry: string): string {
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extra;
    if (name === entry) {
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at = start + size;
  }
  throw new Error(`${entry} is not in the archive`);
}

test('Export Word shows "Preparing the Word file…" while its module loads, then downloads the report as a Word document', async ({ browser }) => {
  const { context, page, pageErrors } = await openWithoutServiceWorker(browser);
  await importSample(page);
  // Hold the worker's loader until the page has said what it is doing.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(WORKER, async (route: Route) => {
    await held;
    await route.continue();
  });
  const actions = page.getByRole('navigation', { name: 'Report actions' });
  const height = async () => (await actions.boundingBox())?.height;
  const before = await height();
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Word' }).click();
  await expect(page.getByText('Preparing the Word file…')).toBeVisible();
  // The line shows below the bar, not in it: the bar keeps its height (see the next test).
  expect(await height()).toBe(before);
  const [bar, line] = [await actions.boundingBox(), await page.getByText('Preparing the Word file…').boundingBox()];
  expect(line!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height);
  release();
  const file = await started;
  expect(file.suggestedFilename()).toBe('2024-03-07-fourth-dialogue-session-on-empowering-communities.docx');
  await expect(page.getByText('Preparing the Word file…')).toHaveCount(0);
  const saved = path.join(mkdtempSync(path.join(tmpdir(), 'taqrir-word-')), 'report.docx');
  await file.saveAs(saved);
  const document = zipEntry(readFileSync(saved), 'word/document.xml');
  expect(document).toContain('Fourth Dialogue Session on Empowering Communities');
  expect(document).toContain('<w:pStyle w:val="Title"/>');

  // The report as it is now: an edit shows in the next file, made by the loaded module.
  await page.unroute(WORKER);
  await page.getByLabel('Report title', { exact: true }).fill('Fifth Dialogue Session');
  const again = await download(page, 'Export Word');
  expect(again.name).toBe('2024-03-07-fifth-dialogue-session.docx');
  expect(zipEntry(again.bytes, 'word/document.xml')).toContain('Fifth Dialogue Session');
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('on a phone "Preparing the Word file…" shows above the bottom bar, which keeps its height', async ({ browser }) => {
  const { context, page, pageErrors } = await openWithoutServiceWorker(browser);
  await importSample(page);
  await page.setViewportSize({ width: 390, height: 844 });
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(WORKER, async (route: Route) => {
    await held;
    await route.continue();
  });
  const actions = page.getByRole('navigation', { name: 'Report actions' });
  const before = await actions.boundingBox();
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('button', { name: 'Export Word' }).click();
  const line = page.getByText('Preparing the Word file…');
  await expect(line).toBeVisible();
  const [bar, shown] = [await actions.boundingBox(), await line.boundingBox()];
  expect(bar).toEqual(before);
  expect(shown!.y + shown!.height).toBeLessThanOrEqual(bar!.y);
  release();
  await started;
  await expect(line).toHaveCount(0);
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('a repeat Export Word, its module loaded, downloads at once without a "Preparing" line moving the report actions', async ({ app: page }) => {
  await importSample(page);
  await download(page, 'Export Word');
  // Watch the bar while the next file is made: a line appearing in it would resize it, and on a
  // large report the editor would be laid out again, before the file and after it.
  const actions = page.getByRole('navigation', { name: 'Report actions' });
  await actions.evaluate((nav) => {
    const seen = { resized: false, preparing: false };
    (window as unknown as { seen: typeof seen }).seen = seen;
    const height = nav.getBoundingClientRect().height;
    new ResizeObserver(() => {
      if (nav.getBoundingClientRect().height !== height) seen.resized = true;
    }).observe(nav);
    new MutationObserver(() => {
      if (nav.textContent?.includes('Preparing')) seen.preparing = true;
    }).observe(nav, { subtree: true, childList: true, characterData: true });
  });
  const again = await download(page, 'Export Word');
  expect(zipEntry(again.bytes, 'word/document.xml')).toContain('Fourth Dialogue Session on Empowering Communities');
  // The frame after the download: a resize would have been reported by then.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await page.evaluate(() => (window as unknown as { seen: unknown }).seen)).toEqual({ resized: false, preparing: false });
});

for (const [code, label, email, hint] of [
  ['ar', 'تصدير Word', 'بريد إلكتروني', 'أرفق ملف Word أيضًا'],
  ['ckb', 'هەناردەکردنی Word', 'ئیمەیڵ', 'پەڕگەی Word یش هاوپێچ بکە'],
] as const) {
  test(`Export Word works in the ${code} interface, and the email hint names the Word file`, async ({ app: page }) => {
    await importSample(page);
    await page.getByLabel('Interface language').selectOption(code);
    // The hint describes the Email link, and shows as the link is about to be used.
    const emailLink = page.getByRole('link', { name: email, exact: true });
    await expect(emailLink).toHaveAccessibleDescription(new RegExp(hint));
    await emailLink.focus();
    await expect(page.getByText(hint, { exact: false })).toBeVisible();
    const file = await download(page, label);
    expect(file.name).toBe('2024-03-07-fourth-dialogue-session-on-empowering-communities.docx');
    expect(zipEntry(file.bytes, 'word/document.xml')).toContain('Fourth Dialogue Session on Empowering Communities');
  });
}

test('when the Word module cannot load, the person is told in words, and the next try loads it', async ({ browser }) => {
  // Its own context: the refused request is logged as a console error, which the fixture forbids.
  const { context, page, pageErrors } = await openWithoutServiceWorker(browser);
  try {
    await importSample(page);
    await page.route(WORKER, (route) => route.abort());
    await page.getByRole('button', { name: 'Export Word' }).click();
    await expect(page.getByRole('alert')).toContainText('The Word file could not be made');
    await page.unroute(WORKER);
    const file = await download(page, 'Export Word');
    expect(file.bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    await expect(page.getByText('The Word file could not be made')).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the other files come from the same module: when it cannot load, Export HTML and Export JSON say so in words, and the next try works', async ({ browser }) => {
  const { context, page, pageErrors } = await openWithoutServiceWorker(browser);
  try {
    await importSample(page);
    await page.route(WORKER, (route) => route.abort());
    for (const label of ['Export HTML', 'Export JSON']) {
      await page.getByRole('button', { name: label }).click();
      await expect(page.getByRole('alert')).toContainText('The file could not be made');
    }
    await page.unroute(WORKER);
    const html = await download(page, 'Export HTML');
    expect(html.bytes.toString('utf8')).toContain('Fourth Dialogue Session on Empowering Communities');
    await expect(page.getByText('The file could not be made')).toHaveCount(0);
    const json = await download(page, 'Export JSON');
    expect(JSON.parse(json.bytes.toString('utf8')).report.title).toBe('Fourth Dialogue Session on Empowering Communities');
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('after one visit Export Word works offline: the service worker has its module', async ({ browser }) => {
  const host = await serveStatic(dist);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchForErrors(page);
  try {
    await page.goto(host.url);
    await importSample(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Fourth Dialogue Session on Empowering Communities');
    const file = await download(page, 'Export Word');
    expect(zipEntry(file.bytes, 'word/document.xml')).toContain('Fourth Dialogue Session on Empowering Communities');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await host.close();
  }
});

test('Export Word works under the Content-Security-Policy the README asks hosts to send', async ({ browser }) => {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const policy = readme.match(/add_header Content-Security-Policy "([^"]+)"/)?.[1];
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const host = await serveStatic(dist, '/', { 'content-security-policy': policy ?? '' });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchForErrors(page);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  try {
    await page.goto(host.url);
    await importSample(page);
    const file = await download(page, 'Export Word');
    expect(file.name).toMatch(/\.docx$/);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await host.close();
  }
});
