// Screenshots of the compact agenda for docs/screenshots, at 1280×900 and 390×844: the sample
// report with a working day's agenda, reached through Sections.
// usage: node tests/tools/agenda-screenshots.mjs <url of a served dist/> <out-dir>
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [url, out] = process.argv.slice(2);
const sample = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'report-v1.json'), 'utf8'));
sample.report.agenda = [
  ['08:30', '09:00', 'Registration and coffee', 'Sara Hassan'],
  ['09:00', '09:15', 'Welcome and introductions', 'Ahmed Ali'],
  ['09:15', '09:45', 'Project objectives and the day ahead', 'Huda Kareem'],
  ['09:45', '10:30', 'Dialogue on access to water in the camps and host villages', 'Omar Saleh'],
  ['10:30', '10:45', 'Break', ''],
  ['10:45', '11:30', 'Group work on priorities', 'Layla Mahmoud'],
  ['11:30', '12:15', 'Groups report back', 'Karwan Aziz'],
  ['12:15', '13:00', 'Lunch', ''],
  ['13:00', '13:45', 'Recommendations to the local council', 'Shilan Omer'],
  ['13:45', '14:15', 'Next steps and who does what', 'Yousif Jabbar'],
  ['14:15', '14:30', 'Evaluation forms', 'Noor Abbas'],
  ['14:30', '14:45', 'Closing remarks', 'Dilan Rasul'],
].map(([start, end, item, presenter]) => ({ start, end, item, presenter }));
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
  }, JSON.stringify(sample));
  await page.reload();
  await page.getByRole('heading', { name: 'Sign-off' }).waitFor();
  return page;
}

async function shot(page, name) {
  await page.waitForTimeout(300);
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

const desktop = await open(1280, 900);
await desktop.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Agenda' }).click();
await shot(desktop, 'agenda-desktop');
const phone = await open(390, 844);
await phone.getByRole('button', { name: 'Sections', exact: true }).click();
await phone.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Agenda' }).click();
await shot(phone, 'agenda-phone');
await browser.close();
