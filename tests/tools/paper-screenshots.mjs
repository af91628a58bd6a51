// Screenshots of the organisation profile and of the printed first page on its letterhead.
// usage: node tests/tools/paper-screenshots.mjs <app url> <out dir>
// Sets up a profile (logos drawn here), takes the Organisation screen at desktop and phone width,
// then imports the English and Arabic samples, exports each as printable HTML, prints it with
// Chromium and renders the first page with pdftoppm.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [url, out] = process.argv.slice(2);
const scratch = mkdtempSync(path.join(tmpdir(), 'taqrir-paper-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});

/** A logo drawn as HTML and photographed: `html` in a box `width` × `height`. */
async function logo(html, width, height) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 2 });
  await page.setContent(`<body style="margin:0">${html}</body>`);
  const file = path.join(scratch, `logo-${Math.random().toString(36).slice(2)}.png`);
  await page.screenshot({ path: file });
  await page.close();
  return file;
}

const own = await logo(
  `<div style="display:flex;align-items:center;gap:14px;height:120px;padding:0 16px;background:#fff;font:700 34px 'Noto Sans',sans-serif;color:#1c5d84">
     <div style="width:84px;height:84px;border-radius:50%;background:conic-gradient(#1c5d84 0 25%,#2e9c6a 0 50%,#e3a21a 0 75%,#c2412d 0)"></div>
     <div>Al-Amal<div style="font-size:18px;font-weight:600;color:#2e9c6a">جمعية الأمل</div></div></div>`,
  330, 120,
);
const donor = await logo(
  `<div style="height:110px;display:grid;place-items:center;background:#c8102e;color:#fff;font:800 40px 'Noto Sans',sans-serif;letter-spacing:2px">NPA</div>`,
  180, 110,
);
const partner = await logo(
  `<div style="height:110px;display:grid;place-items:center;background:#fff;border:6px solid #0b7a75;color:#0b7a75;font:800 34px 'Noto Sans',sans-serif">ICVA</div>`,
  200, 110,
);

async function choose(page, button, file) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await chooser).setFiles(file);
}

const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
const page = await context.newPage();
page.on('pageerror', (e) => console.error('page error:', e.message));
page.on('dialog', (dialog) => dialog.accept());
await page.goto(url);
await page.getByRole('button', { name: 'Organisation', exact: true }).click();
await page.getByLabel('English', { exact: true }).fill('Al-Amal Association for Development');
await page.getByLabel('العربية', { exact: true }).fill('جمعية الأمل للتنمية');
await page.getByLabel('کوردی', { exact: true }).fill('کۆمەڵەی ئەمەل بۆ گەشەپێدان');
await choose(page, 'Choose logo', own);
for (const [n, [file, caption]] of [[donor, 'Funded by'], [partner, 'In partnership with']].entries()) {
  await choose(page, 'Add a partner or donor logo', file);
  await page.getByRole('group', { name: `Partner or donor logo ${n + 1}` }).getByLabel('Caption (such as “Funded by”)').fill(caption);
}
await page.getByLabel('Address', { exact: true }).fill('Street 14, Al-Habboubi, Nasiriyah, Dhi Qar, Iraq');
await page.getByLabel('Contacts', { exact: true }).fill('+964 780 000 0000 · info@alamal.example.org');
await page.getByLabel('Registration number', { exact: true }).fill('NGO registration 1Z-12345');
const defaults = page.getByRole('group', { name: 'Defaults for new reports' });
await defaults.getByLabel('Donor', { exact: true }).fill('Norwegian People’s Aid (NPA)');
await defaults.getByLabel('Governorate', { exact: true }).fill('Dhi Qar');
await defaults.getByLabel('Country', { exact: true }).fill('Iraq');
await page.locator('img.organisation__logo').nth(2).waitFor();
// From the top, nothing focused: the bar stays at the top of a full-page picture.
const top = () => page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
await top();
await page.screenshot({ path: path.join(out, 'organisation-desktop.png'), fullPage: true });
await page.setViewportSize({ width: 360, height: 800 });
await top();
await page.screenshot({ path: path.join(out, 'organisation-phone.png'), fullPage: true });
await page.setViewportSize({ width: 1280, height: 900 });

for (const [sample, suffix, lang] of [['tests/fixtures/report-v1.json', 'en', 'en'], ['tests/fixtures/report-v1-arabic.json', 'ar', 'ar']]) {
  await page.getByLabel('Interface language').selectOption('en');
  const editor = page.getByRole('button', { name: 'Editor', exact: true });
  if (await editor.count()) await editor.click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report', exact: true }).click();
  await (await chooser).setFiles(sample);
  await page.getByLabel('Report title', { exact: true }).waitFor();
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export HTML', exact: true }).click();
  const html = readFileSync(await (await started).path(), 'utf8');
  const printed = await context.newPage();
  await printed.setContent(html);
  const pdf = path.join(scratch, `printed-${suffix}.pdf`);
  writeFileSync(pdf, await printed.pdf({ preferCSSPageSize: true }));
  await printed.close();
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(out, `printed-letterhead-${lang}`)]);
  console.log(path.join(out, `printed-letterhead-${lang}.png`));
}
await browser.close();
