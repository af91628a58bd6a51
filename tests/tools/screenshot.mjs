// Screenshots of the app at phone and desktop width, for looking at what was built.
// usage: node tests/tools/screenshot.mjs <url> <out-prefix> [document.json]
// With a document, it is stored as the open draft first.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const [url, prefix, documentFile] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const [name, width] of [['phone', 360], ['desktop', 1280]]) {
  const page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  if (documentFile) {
    const text = readFileSync(documentFile, 'utf8');
    await page.evaluate((text) => {
      localStorage.setItem('taqrir.draft.screenshot', text);
      localStorage.setItem('taqrir.index', JSON.stringify({ drafts: [{ id: 'screenshot', title: '', date: '', updated_ms: 0 }], last_open: 'screenshot' }));
    }, text);
    await page.reload();
  }
  await page.waitForSelector('#field-title');
  await page.screenshot({ path: `${prefix}-${name}.png`, fullPage: true });
  console.log(`${prefix}-${name}.png`);
}
await browser.close();
