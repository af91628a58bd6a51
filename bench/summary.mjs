// The Summary's part of the desktop bench (issue 14): an M&E officer with 1,000 received reports.
//   open      click "Summary" → the frame after the received reports are drawn in it
//   filter    a change of "Search" → the next frame (the app's taqrir:summary-filter)
//   CSV       "Download CSV" of the 1,000 reports (taqrir:summary-csv)
//   add 200   200 report files given to "Add reports" in one choice → the last outcome line shown,
//             with how well the page kept answering meanwhile (the longest gap of a 20 ms timer)
// The 1,000 reports are added once through the app's own "Add reports" (so the archive holds what
// the app writes), and each run starts from a copy of that browser profile (IndexedDB included).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { installEventTimeProbe, installResponsivenessProbe, makeReceivedDocuments, median, readMeasures } from './measure.mjs';

/** Budgets in milliseconds. */
/** The bytes of the Summary's own module (src/bin/summary.rs) as a gzip-6 host sends them: not in
 * the first load, fetched when the Summary first opens. Null for a build without it. */
export function summaryModuleGzip(dist) {
  const files = readdirSync(dist).filter((name) => /^summary-[0-9a-f]{16}(\.js|_bg\.wasm)$/.test(name));
  if (files.length === 0) return null;
  return files.reduce((total, name) => total + gzipSync(readFileSync(path.join(dist, name)), { level: 6 }).length, 0);
}

export const SUMMARY_BUDGETS = { openMs: 500, filterMs: 100, csvMs: 200, add200Ms: 5000, add200LongestGapMs: 250 };

const OUTCOME_LIST = '[aria-label="What became of each file"] li';

/** Writes `documents` as report files into a new folder; their paths. */
function writeFiles(documents, name) {
  const dir = mkdtempSync(path.join(tmpdir(), `taqrir-bench-${name}-`));
  return documents.map((document, i) => {
    const file = path.join(dir, `report-${i + 1}.json`);
    writeFileSync(file, JSON.stringify(document));
    return file;
  });
}

async function newPage(browser, url, storageState) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block', storageState });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.getByLabel('Report title', { exact: true }).waitFor({ timeout: 60_000 });
  return { context, page, errors };
}

/** Opens the Summary and gives `files` to "Add reports"; resolves in page time when every file has its line. */
async function addReports(page, files, timeout) {
  await page.getByRole('button', { name: 'Summary', exact: true }).click();
  await page.getByRole('button', { name: 'Add reports', exact: true }).waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add reports', exact: true }).click();
  const chosen = await chooser;
  // From the moment the files are chosen (the input's change event); the click that opened the
  // chooser, held while the test driver answers it, is no work of the app's.
  await page.evaluate(installResponsivenessProbe);
  await page.evaluate(installEventTimeProbe, 'change');
  await chosen.setFiles(files);
  const done = await page.waitForFunction(
    ([selector, n]) => document.querySelectorAll(selector).length >= n && performance.now(),
    [OUTCOME_LIST, files.length], { polling: 'raf', timeout },
  );
  const end = await done.jsonValue();
  const start = await page.evaluate(() => window.__benchEventAt.change);
  const added = await page.locator(OUTCOME_LIST).filter({ hasText: /: added\.$/ }).count();
  return { ms: end - start, added, ...(await page.evaluate(() => ({ ...window.__benchResponsive }))) };
}

/** The duration of the first measure `name` after `after` (page time), or null; `end` for its end. */
async function measureAfter(page, name, after, { end = false, timeout = 15_000 } = {}) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const [found] = (await page.evaluate(readMeasures, name)).filter((m) => m.start >= after);
    if (found) return end ? found.start + found.duration : found.duration;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

/** One run over the seeded profile: open, CSV, filter. */
async function summaryRun(browser, url, state, count, warn) {
  const { context, page, errors } = await newPage(browser, url, state);
  try {
    const before = await page.evaluate(() => performance.now());
    await page.evaluate(installEventTimeProbe, 'click');
    await page.getByRole('button', { name: 'Summary', exact: true }).click();
    const drawn = await measureAfter(page, 'taqrir:summary-received', before, { end: true });
    const firstFrame = await measureAfter(page, 'taqrir:open-summary', before);
    const clicked = await page.evaluate(() => window.__benchEventAt.click);
    // The count line says how many reports are drawn (the received ones, and any draft).
    const said = await page.getByText(/^\d+ reports? in this summary\.$/).textContent();
    if (!(parseInt(said, 10) >= count)) warn(`summary: the Summary said "${said}" with ${count} received reports`);
    const csvBefore = await page.evaluate(() => performance.now());
    page.once('download', () => {});
    await page.getByRole('button', { name: 'Download CSV', exact: true }).click();
    const csv = await measureAfter(page, 'taqrir:summary-csv', csvBefore);
    const filterBefore = await page.evaluate(() => performance.now());
    await page.getByLabel('Search', { exact: true }).fill('Basra');
    const filter = await measureAfter(page, 'taqrir:summary-filter', filterBefore);
    return { open: drawn === null || clicked === null ? null : drawn - clicked, openFirstFrame: firstFrame, csv, filter };
  } finally {
    if (errors.length) warn(`summary: page errors: ${errors.join(' | ')}`);
    await context.close();
  }
}

/** The Summary's figures: each the median of `runs` runs; `add200` once per run in a fresh profile. */
export async function measureSummary({ browser, url, runs, warn, log = console.log, count = 1000 }) {
  const seeded = await newPage(browser, url);
  let state;
  try {
    const seeding = await addReports(seeded.page, writeFiles(makeReceivedDocuments(count), 'received'), 600_000);
    if (seeding.added !== count) warn(`summary: ${seeding.added} of ${count} reports were added when seeding`);
    log(`summary: ${count} received reports added through "Add reports" in ${(seeding.ms / 1000).toFixed(1)} s`);
    state = await seeded.context.storageState({ indexedDB: true });
  } finally {
    if (seeded.errors.length) warn(`summary seeding: page errors: ${seeded.errors.join(' | ')}`);
    await seeded.context.close();
  }
  const files200 = writeFiles(makeReceivedDocuments(200, 15), 'add200');
  const perRun = [];
  for (let run = 0; run < runs; run++) {
    const entry = await summaryRun(browser, url, state, count, warn);
    const fresh = await newPage(browser, url);
    try {
      entry.add200 = await addReports(fresh.page, files200, 60_000);
      if (entry.add200.added !== 200) warn(`summary: ${entry.add200.added} of 200 files were added`);
    } finally {
      if (fresh.errors.length) warn(`summary add 200: page errors: ${fresh.errors.join(' | ')}`);
      await fresh.context.close();
    }
    perRun.push(entry);
    const r = (x) => (typeof x === 'number' ? x.toFixed(1) : '—');
    log(`summary run ${run + 1}/${runs}: open ${r(entry.open)} ms, filter ${r(entry.filter)} ms, CSV ${r(entry.csv)} ms, ` +
      `add 200 ${r(entry.add200.ms)} ms (longest timer gap ${r(entry.add200.longestGap)}, longest task ${r(entry.add200.longestTask)} ms)`);
  }
  const med = (pick) => {
    const values = perRun.map(pick).filter((v) => typeof v === 'number' && Number.isFinite(v));
    return values.length ? median(values) : null;
  };
  return {
    count,
    open: med((r) => r.open), openFirstFrame: med((r) => r.openFirstFrame), filter: med((r) => r.filter),
    csv: med((r) => r.csv), add200: med((r) => r.add200.ms), add200LongestGap: med((r) => r.add200.longestGap),
    add200LongestTask: med((r) => r.add200.longestTask), perRun,
  };
}
