// Screenshots of the editor for docs/screenshots: at 1280×900 and 390×844, with the Sections list
// (the menu, on the phone) and with Preview open, over the sample report.
// usage: node tests/tools/editor-screenshots.mjs <url of a served dist/> <out-dir>
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [url, out] = process.argv.slice(2);
const sample = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'report-v1.json'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function open(width, height) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.evaluate((text) => {
    localStorage.setItem('taqrir.draft.sample', text);
    localStorage.setItem('taqrir.index', JSON.stringify({ drafts: [{ id: 'sample', title: '', date: '', updated_ms: 0 }], last_open: 'sample' }));
  }, sample);
  await page.reload();
  await page.getByRole('heading', { name: 'Sign-off' }).waitFor();
  return page;
}

async function shot(page, name) {
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

/** Presses Preview where it stands, as a person does: a locator's click would first scroll the
 *  page to the sticky bar's place in the document. */
async function pressPreview(page) {
  const button = await page.getByRole('button', { name: 'Preview', exact: true }).boundingBox();
  await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
}

const desktop = await open(1280, 900);
await desktop.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Agenda' }).click();
await shot(desktop, 'editor-sections-desktop');
await pressPreview(desktop);
await desktop.getByTitle('Preview of the printed report').contentFrame().getByRole('heading', { name: 'Agenda' }).scrollIntoViewIfNeeded();
await desktop.waitForTimeout(300);
await shot(desktop, 'editor-preview-desktop');

const phone = await open(390, 844);
await phone.getByRole('button', { name: 'Sections', exact: true }).click();
await shot(phone, 'editor-sections-phone');
await phone.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Participants' }).click();
await shot(phone, 'editor-actions-phone');
await phone.getByRole('button', { name: 'Preview', exact: true }).click();
await phone.getByTitle('Preview of the printed report').contentFrame().getByRole('heading', { level: 1 }).waitFor();
await shot(phone, 'editor-preview-phone');
await browser.close();
