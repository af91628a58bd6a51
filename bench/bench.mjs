// The bench (issues 5 and 18): how heavy and how fast the release build is, next to the floor —
// the same form written as plain HTML — in headless Chromium. Prints a table, writes
// bench/results.json, and exits non-zero when a budget is missed.
//
//   node bench/bench.mjs [--dist dist] [--runs 5] [--chars 40] [--cpu-throttle 1] [--profile all|desktop|phone|summary]
//                        [--out bench/results.json]
//
// Two profiles, both served gzipped (level 6) as a static host does:
// - desktop: every figure is the median of --runs runs, each in a fresh browser context (empty
//   cache and storage, service workers blocked so they cannot serve or compete);
//   Its Summary part (bench/summary.mjs, also alone as --profile summary): 1,000 received reports.
// - phone (bench/phone.mjs): a new user on a cheap phone over a slow network — first visit, first
//   paint, next visit through the service worker, and the first load's files.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { measurePhone } from './phone.mjs';
import { measureSummary, summaryModuleGzip, SUMMARY_BUDGETS } from './summary.mjs';
import {
  median, percentile, makeLargeReport, makeEmptyReport, makeLibraryDrafts, libraryEntries, narrativeWordCount,
  plainFormHtml, installReadyProbe, installLatencyProbe, readMeasures, seedStorage, PHONE, PHONE_BUDGETS, phoneChecks,
} from './measure.mjs';

/** The budgets. Sizes in KB of 1024 bytes, times in milliseconds. */
const BUDGETS = {
  readyVsPlainRatio: 1.5,    // ready time (empty and large report) ≤ 1.5 × the plain form's
  typingP95OverPlainMs: 4,   // keystroke → next frame p95 ≤ plain form's p95 + 4 ms
  autosaveLargeMs: 8,        // one autosave of the large report
  exportHtmlMs: 150,         // the large report's page made (the app's taqrir:export-html), export module loaded
  exportWordFirstMs: 1500,   // click → download of the large report's Word file, fetching its module first
  exportWordAgainMs: 300,    // the same, the module loaded
  openLibrary200Ms: 100,     // opening the list of 200 drafts
  // The large report's page height in px: at most half of what it was before the editor's rows
  // became compact (149,867 px at 1280×900 and 196,573 px at 390×844, at 4c41208).
  editorHeightPx: { desktop: 74_933, phone: 98_286 },
};

/** Where the large report's editor height is measured. */
const EDITOR_VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const options = { dist: 'dist', runs: 5, chars: 40, cpuThrottle: 1, profile: 'all', out: path.join(here, 'results.json') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--dist': options.dist = value(); break;
      case '--runs': options.runs = Number(value()); break;
      case '--chars': options.chars = Number(value()); break;
      case '--cpu-throttle': options.cpuThrottle = Number(value()); break;
      case '--profile': options.profile = value(); break;
      case '--out': options.out = value(); break;
      case '-h': case '--help':
        console.log('usage: node bench/bench.mjs [--dist dist] [--runs 5] [--chars 40] [--cpu-throttle 1] ' +
          '[--profile all|desktop|phone|summary] [--out bench/results.json]');
        process.exit(0);
        break;
      default:
        console.error(`unknown option ${argv[i]}`);
        process.exit(2);
    }
  }
  if (!(options.runs >= 1) || !(options.chars >= 5) || !(options.cpuThrottle >= 1) ||
      !['all', 'desktop', 'phone', 'summary'].includes(options.profile)) {
    console.error('--runs must be ≥ 1, --chars ≥ 5, --cpu-throttle ≥ 1, --profile all, desktop, phone or summary');
    process.exit(2);
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
const dist = path.resolve(options.dist);
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`no build in ${dist} (run trunk build --release first)`);
  process.exit(2);
}

// The plain form links the app's own stylesheet, so style and layout cost the same.
const appHtml = readFileSync(path.join(dist, 'index.html'), 'utf8');
const cssHref = appHtml.match(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/)?.[1] ?? null;

const largeReport = makeLargeReport();
const emptyReport = makeEmptyReport();
const plainLarge = plainFormHtml(largeReport, { cssHref, title: 'Plain form — large report' });
const plainEmpty = plainFormHtml(emptyReport, { cssHref, title: 'Plain form — empty report' });
writeFileSync(path.join(here, 'plain-form.html'), plainLarge);
writeFileSync(path.join(here, 'plain-form-empty.html'), plainEmpty);

const server = await startServer(dist, {
  '/plain-form.html': plainLarge,
  '/plain-form-empty.html': plainEmpty,
  '/__bench/blank.html': '<!DOCTYPE html><title>bench</title>',
}, { gzipLevel: PHONE.gzipLevel });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const warnings = [];
const warn = (message) => {
  if (!warnings.includes(message)) warnings.push(message);
  console.error(`warning: ${message}`);
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh context and page, with the ready probe installed and storage seeded from a blank page. */
async function openContext({ storage = null, serviceWorkers = 'block', viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport, serviceWorkers });
  await context.addInitScript(installReadyProbe, 'field-title');
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
  if (options.cpuThrottle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottle });
  }
  await page.goto(`${server.url}__bench/blank.html`);
  await page.evaluate(seedStorage, storage ?? {});
  return { context, page, errors };
}

/** Navigates and waits for the ready probe; returns { found, firstFrame, ready } in ms from navigation start. */
async function loadUntilReady(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__benchReady && window.__benchReady.ready !== null, null, {
    timeout: 60_000, polling: 50,
  });
  return page.evaluate(() => ({ ...window.__benchReady }));
}

/** Types one character into the title and checks it arrived (and, in the app, was saved). */
async function verifyTyping(page, isApp) {
  const title = page.locator('#field-title');
  await title.click();
  await page.keyboard.press('End');
  const before = await title.inputValue();
  await page.keyboard.type('x');
  if ((await title.inputValue()) !== `${before}x`) return false;
  if (!isApp) return true;
  // The edit reached the app's state when the draft is saved with it (autosave after 500 ms).
  try {
    await page.waitForFunction((expected) => Object.keys(localStorage).some((key) =>
      key.startsWith('taqrir.draft.') && (() => {
        try { return JSON.parse(localStorage.getItem(key)).report.title === expected; } catch { return false; }
      })()), `${before}x`, { timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

/** Types `chars` characters into the title with the latency probe on; returns the samples (ms). */
async function typingLatencies(page) {
  const title = page.locator('#field-title');
  await title.click();
  await page.keyboard.press('End');
  await sleep(300);
  await page.evaluate(installLatencyProbe);
  const text = 'Typing speed check for the bench abcdefghijklmnopqrstuvwxyz '.repeat(4).slice(0, options.chars);
  await page.keyboard.type(text, { delay: 40 });
  await page.waitForFunction((n) => window.__benchLatency.length >= n, options.chars, { timeout: 10_000 });
  return page.evaluate(() => window.__benchLatency.slice());
}

/** The duration of the first measure `name` that starts after `after` (page time), or null. */
async function waitForMeasure(page, name, after, timeout = 3_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const found = (await page.evaluate(readMeasures, name)).filter((m) => m.start >= after);
    if (found.length) return found[0].duration;
    await sleep(50);
  }
  return null;
}

/** Milliseconds from clicking `name` to the download starting (seen from the bench). When the app
 *  asks "export anyway?" first, the time runs from the answer: a person's reading is not the app's. */
async function clickToDownload(page, name) {
  const started = page.waitForEvent('download', { timeout: 15_000 });
  let t0 = performance.now();
  const answered = (dialog) => dialog.accept().then(() => { t0 = performance.now(); }, () => {});
  page.prependListener('dialog', answered);
  await page.getByRole('button', { name, exact: true }).click();
  try {
    await started;
    return performance.now() - t0;
  } catch {
    warn(`"${name}" was clicked but no download started`);
    return null;
  } finally {
    page.off('dialog', answered);
  }
}

async function hasButton(page, name) {
  return (await page.getByRole('button', { name, exact: true }).count()) > 0;
}

/** One run of one variant: the app or the plain form, with the empty or the large report. */
async function measureVariant(kind, size) {
  const isApp = kind === 'app';
  const storage = isApp && size === 'large' ? libraryEntries([{ id: 'bench-large', report: largeReport }], 'bench-large') : {};
  const { context, page, errors } = await openContext({ storage });
  const url = isApp ? server.url : `${server.url}${size === 'large' ? 'plain-form.html' : 'plain-form-empty.html'}`;
  const result = { kind, size };
  try {
    Object.assign(result, await loadUntilReady(page, url));
    result.verified = await verifyTyping(page, isApp);
    if (!result.verified) warn(`${kind} ${size}: typing into "Report title" did not arrive${isApp ? ' in the saved draft' : ''}`);
    if (isApp && size === 'large') {
      const rows = await page.locator('fieldset').count();
      if (rows < 350) warn(`app large: only ${rows} fieldsets rendered — was the seeded draft opened?`);
    }
    if (size === 'large') {
      await sleep(700); // let the verification's autosave pass
      const typingStart = await page.evaluate(() => performance.now());
      const samples = await typingLatencies(page);
      Object.assign(result, { typingP50: percentile(samples, 50), typingP95: percentile(samples, 95), typingSamples: samples });
      if (isApp) {
        result.autosave = await waitForMeasure(page, 'taqrir:autosave', typingStart);
        if (result.autosave === null) warn('no taqrir:autosave measure after typing (is the build older than the measure?)');
        if (await hasButton(page, 'Export Word')) {
          // The first click fetches the export module from the server (no service worker here).
          result.exportWordFirst = await clickToDownload(page, 'Export Word');
          const before = await page.evaluate(() => performance.now());
          result.exportWordAgain = await clickToDownload(page, 'Export Word');
          // How much of that the file's making is (the rest is the browser handing over the download).
          result.exportWordMade = await waitForMeasure(page, 'taqrir:export-word', before);
        }
        // The export module writes the page too, and is loaded by now: the app's measure runs from
        // asking it for the page to having the page's bytes.
        if (await hasButton(page, 'Export HTML')) {
          const before = await page.evaluate(() => performance.now());
          await page.getByRole('button', { name: 'Export HTML', exact: true }).click();
          result.exportHtml = await waitForMeasure(page, 'taqrir:export-html', before);
          if (result.exportHtml === null) warn('"Export HTML" was clicked but no taqrir:export-html measure appeared');
        } else {
          result.exportHtml = null;
        }
        // Typing again with Preview open: the page is made when typing pauses, so the cost of a
        // keystroke should not change.
        if (await hasButton(page, 'Preview')) {
          await page.getByRole('button', { name: 'Preview', exact: true }).click();
          await page.getByTitle('Preview of the printed report').contentFrame().getByRole('heading', { level: 1 }).waitFor({ timeout: 15_000 });
          const samples = await typingLatencies(page);
          Object.assign(result, { typingPreviewP95: percentile(samples, 95) });
        }
      }
    }
  } finally {
    if (errors.length) warn(`${kind} ${size}: page errors: ${errors.join(' | ')}`);
    await context.close();
  }
  return result;
}

const libraryDrafts = makeLibraryDrafts(200);
const libraryStorage = libraryEntries(libraryDrafts);

/** Opens the list of 200 drafts through "Reports"; null when the app has no such button. */
async function measureLibrary() {
  const { context, page, errors } = await openContext({ storage: libraryStorage });
  try {
    await loadUntilReady(page, server.url);
    if (!(await hasButton(page, 'Reports'))) return { openLibrary: null, clickToFrame: null };
    await page.evaluate(installLatencyProbe, 'click');
    const before = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    const openLibrary = await waitForMeasure(page, 'taqrir:open-library', before);
    if (openLibrary === null) warn('"Reports" was clicked but no taqrir:open-library measure appeared');
    // What the person waits for: from the click to the end of the next frame (the list drawn).
    await page.waitForFunction(() => window.__benchLatency.length >= 1, null, { timeout: 10_000 });
    const clickToFrame = await page.evaluate(() => window.__benchLatency[0]);
    const listed = await page.getByText(/^Bench draft \d+$/).count();
    // The list is drawn a page (40 drafts) at a time; search reaches the rest.
    if (openLibrary !== null && listed < 40) warn(`the library shows ${listed} of its first 40 draft titles`);
    return { openLibrary, clickToFrame, listed };
  } finally {
    if (errors.length) warn(`library: page errors: ${errors.join(' | ')}`);
    await context.close();
  }
}

/**
 * The height in CSS pixels of the page holding the large report's editor, once every section is
 * drawn, at a desktop (1280×900) and a phone (390×844) viewport: how far a person scrolls.
 * It does not depend on the machine's load, so it is measured once.
 */
async function measureEditorHeights() {
  const heights = {};
  for (const [name, viewport] of Object.entries(EDITOR_VIEWPORTS)) {
    const storage = libraryEntries([{ id: 'bench-large', report: largeReport }], 'bench-large');
    const { context, page, errors } = await openContext({ storage, viewport });
    try {
      await loadUntilReady(page, server.url);
      // The editor draws its later sections one per frame; the sign-off is the last.
      await page.locator('#section-sign-off').waitFor({ state: 'attached', timeout: 30_000 });
      heights[name] = await page.evaluate(() => new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(document.documentElement.scrollHeight)))));
    } catch (error) {
      warn(`editor height at ${viewport.width}×${viewport.height}: ${error.message.split('\n')[0]}`);
      heights[name] = null;
    } finally {
      if (errors.length) warn(`editor height: page errors: ${errors.join(' | ')}`);
      await context.close();
    }
  }
  return heights;
}

// ---------------------------------------------------------------------------------------------

const chromiumVersion = browser.version();
const runDesktop = options.profile === 'all' || options.profile === 'desktop';
const runPhone = options.profile === 'all' || options.profile === 'phone';
const runSummary = options.profile !== 'phone';
console.log(`Bench: ${dist} in Chromium ${chromiumVersion}, ${options.runs} run(s), profile ${options.profile}` +
  (options.cpuThrottle > 1 ? `, desktop CPU ×${options.cpuThrottle} slower` : ''));
if (runDesktop) {
  console.log(`Large report: ${largeReport.agenda.length} agenda items, ${largeReport.discussion_points.length} discussion ` +
    `points, ${largeReport.recommendations.length} recommendations, ${narrativeWordCount(largeReport)} narrative words, ` +
    `${Math.round(JSON.stringify(largeReport).length / 1024)} KB of JSON`);
}

const [load1] = os.loadavg();
if (load1 > os.cpus().length * 0.5) {
  warn(`the machine is busy (load average ${load1.toFixed(1)} on ${os.cpus().length} CPUs): times will be noisy`);
}

const phone = runPhone
  ? await measurePhone({ browser, appUrl: server.url, plainUrl: `${server.url}plain-form-empty.html`, runs: options.runs, warn })
  : null;
const editorHeight = runDesktop ? await measureEditorHeights() : null;
const runs = [];
const variants = [['app', 'empty'], ['plain', 'empty'], ['app', 'large'], ['plain', 'large']];
for (let run = 0; runDesktop && run < options.runs; run++) {
  const entry = {};
  // Alternate the order so that neither side always goes first.
  const order = run % 2 === 0 ? variants : [...variants].reverse();
  for (const [kind, size] of order) entry[`${kind}-${size}`] = await measureVariant(kind, size);
  entry.library = await measureLibrary();
  runs.push(entry);
  const r = (x) => (x === null || x === undefined ? '—' : x.toFixed(1));
  console.log(`run ${run + 1}/${options.runs}: ready app ${r(entry['app-empty'].ready)}/${r(entry['app-large'].ready)} ms, ` +
    `plain ${r(entry['plain-empty'].ready)}/${r(entry['plain-large'].ready)} ms; typing p95 app ` +
    `${r(entry['app-large'].typingP95)} plain ${r(entry['plain-large'].typingP95)} ms; autosave ${r(entry['app-large'].autosave)}, ` +
    `export ${r(entry['app-large'].exportHtml)}, library ${r(entry.library.openLibrary)} ` +
    `(click → drawn ${r(entry.library.clickToFrame)}) ms`);
}
const summary = runSummary
  ? { ...(await measureSummary({ browser, url: server.url, runs: options.runs, warn })), moduleGzip: summaryModuleGzip(dist) }
  : null;
await browser.close();
await server.close();

/** Median over runs of one figure; null when no run measured it. */
function med(pick) {
  const values = runs.map(pick).filter((v) => typeof v === 'number' && Number.isFinite(v));
  return values.length ? median(values) : null;
}
const figures = runDesktop ? {
  readyEmpty: { app: med((r) => r['app-empty'].ready), plain: med((r) => r['plain-empty'].ready) },
  readyLarge: { app: med((r) => r['app-large'].ready), plain: med((r) => r['plain-large'].ready) },
  inDocumentEmpty: { app: med((r) => r['app-empty'].found), plain: med((r) => r['plain-empty'].found) },
  inDocumentLarge: { app: med((r) => r['app-large'].found), plain: med((r) => r['plain-large'].found) },
  firstFrameEmpty: { app: med((r) => r['app-empty'].firstFrame), plain: med((r) => r['plain-empty'].firstFrame) },
  firstFrameLarge: { app: med((r) => r['app-large'].firstFrame), plain: med((r) => r['plain-large'].firstFrame) },
  typingP50: { app: med((r) => r['app-large'].typingP50), plain: med((r) => r['plain-large'].typingP50) },
  typingP95: { app: med((r) => r['app-large'].typingP95), plain: med((r) => r['plain-large'].typingP95) },
  typingPreviewP95: { app: med((r) => r['app-large'].typingPreviewP95 ?? null), plain: med((r) => r['plain-large'].typingP95) },
  autosaveLarge: med((r) => r['app-large'].autosave),
  exportHtml: med((r) => r['app-large'].exportHtml),
  exportWordFirst: med((r) => r['app-large'].exportWordFirst ?? null),
  exportWordAgain: med((r) => r['app-large'].exportWordAgain ?? null),
  exportWordMade: med((r) => r['app-large'].exportWordMade ?? null),
  openLibrary200: med((r) => r.library.openLibrary),
  openLibrary200ClickToFrame: med((r) => r.library.clickToFrame),
  editorHeight,
} : null;

const KB = 1024;
function check(name, value, limit, limitText) {
  const status = value === null || limit === null ? 'not measured' : value <= limit ? 'pass' : 'FAIL';
  return { name, value, limit, budget: limitText, status };
}
const ratio = (pair) => (pair.app !== null && pair.plain ? pair.app / pair.plain : null);
const checks = [
  ...(phone ? phoneChecks({ ...phone, firstLoadGzip: phone.firstLoad.app.gzip }) : []),
  ...(figures ? [
    check('ready, empty report', figures.readyEmpty.app,
      figures.readyEmpty.plain === null ? null : figures.readyEmpty.plain * BUDGETS.readyVsPlainRatio, `≤ ${BUDGETS.readyVsPlainRatio} × plain`),
    check('ready, large report', figures.readyLarge.app,
      figures.readyLarge.plain === null ? null : figures.readyLarge.plain * BUDGETS.readyVsPlainRatio, `≤ ${BUDGETS.readyVsPlainRatio} × plain`),
    check('typing p95, large report', figures.typingP95.app,
      figures.typingP95.plain === null ? null : figures.typingP95.plain + BUDGETS.typingP95OverPlainMs, `≤ plain + ${BUDGETS.typingP95OverPlainMs} ms`),
    check('typing p95, large report, Preview open', figures.typingPreviewP95.app,
      figures.typingPreviewP95.plain === null ? null : figures.typingPreviewP95.plain + BUDGETS.typingP95OverPlainMs, `≤ plain + ${BUDGETS.typingP95OverPlainMs} ms`),
    check('autosave, large report', figures.autosaveLarge, BUDGETS.autosaveLargeMs, `≤ ${BUDGETS.autosaveLargeMs} ms`),
    check('HTML export, large report', figures.exportHtml, BUDGETS.exportHtmlMs, `≤ ${BUDGETS.exportHtmlMs} ms`),
    check('Word export, first', figures.exportWordFirst, BUDGETS.exportWordFirstMs, `≤ ${BUDGETS.exportWordFirstMs} ms`),
    check('Word export, again', figures.exportWordAgain, BUDGETS.exportWordAgainMs, `≤ ${BUDGETS.exportWordAgainMs} ms`),
    check('open library of 200', figures.openLibrary200, BUDGETS.openLibrary200Ms, `≤ ${BUDGETS.openLibrary200Ms} ms`),
    ...Object.keys(EDITOR_VIEWPORTS).map((name) => check(`editor height, large report, ${name}`,
      figures.editorHeight[name], BUDGETS.editorHeightPx[name], `≤ ${BUDGETS.editorHeightPx[name]} px`)),
  ] : []),
  ...(summary ? [
    check('Summary of 1,000: open', summary.open, SUMMARY_BUDGETS.openMs, `≤ ${SUMMARY_BUDGETS.openMs} ms`),
    check('Summary of 1,000: filter', summary.filter, SUMMARY_BUDGETS.filterMs, `≤ ${SUMMARY_BUDGETS.filterMs} ms`),
    check('Summary of 1,000: CSV', summary.csv, SUMMARY_BUDGETS.csvMs, `≤ ${SUMMARY_BUDGETS.csvMs} ms`),
    check('add 200 reports', summary.add200, SUMMARY_BUDGETS.add200Ms, `≤ ${SUMMARY_BUDGETS.add200Ms} ms`),
    check('add 200 reports: longest timer gap', summary.add200LongestGap, SUMMARY_BUDGETS.add200LongestGapMs,
      `≤ ${SUMMARY_BUDGETS.add200LongestGapMs} ms`),
  ] : []),
];

// ---------------------------------------------------------------------------------------------
// Tables

const ms = (v) => (v === null ? '—' : `${v.toFixed(1)} ms`);
const px = (v) => (v === null || v === undefined ? '—' : `${v} px`);
const kb = (v) => `${(v / KB).toFixed(1)} KB`;
const times = (v) => (v === null ? '—' : `${v.toFixed(2)}×`);
const statusOf = (name) => checks.find((c) => c.name === name)?.status ?? '';
const printTable = (table) => {
  const widths = table[0].map((_, col) => Math.max(...table.map((row) => row[col].length)));
  console.log('');
  for (const row of table) console.log(row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ').trimEnd());
};
if (phone) {
  printTable([
    [`phone (CPU ${PHONE.cpuThrottle}×, ${PHONE.downloadKbit / 1000} Mbit/s, ${PHONE.latencyMs} ms, gzip ${PHONE.gzipLevel})`,
      'Taqrir', 'plain form', 'ratio', 'budget', ''],
    ['first visit (→ "Report title" takes typing)', ms(phone.firstVisit.app), ms(phone.firstVisit.plain), times(ratio(phone.firstVisit)),
      `≤ ${PHONE_BUDGETS.firstVisitMs} ms`, statusOf('phone: first visit')],
    ['first contentful paint', ms(phone.firstPaint.app), ms(phone.firstPaint.plain), times(ratio(phone.firstPaint)),
      `≤ ${PHONE_BUDGETS.firstPaintMs} ms`, statusOf('phone: first contentful paint')],
    ['next visit (service worker)', ms(phone.nextVisit.app), ms(phone.nextVisit.plain), times(ratio(phone.nextVisit)),
      `≤ ${PHONE_BUDGETS.nextVisitVsPlain}× plain`, statusOf('phone: next visit')],
    ['first load (as sent, before typing)', kb(phone.firstLoad.app.gzip), kb(phone.firstLoad.plain.gzip), '—',
      `≤ ${PHONE_BUDGETS.firstLoadGzipKB} KB`, statusOf('phone: first load (as sent)')],
  ]);
  for (const side of ['app', 'plain']) {
    const load = phone.firstLoad[side];
    console.log(`first load, ${side === 'app' ? 'Taqrir' : 'plain form'}: ` +
      `${load.files.map((f) => `${f.path} ${kb(f.gzip)}`).join(', ')} (${kb(load.raw)} unpacked)`);
  }
}
if (figures) {
  printTable([
    ['desktop', 'Taqrir', 'plain form', 'ratio', 'budget', ''],
    ['ready, empty report', ms(figures.readyEmpty.app), ms(figures.readyEmpty.plain), times(ratio(figures.readyEmpty)),
      `≤ ${BUDGETS.readyVsPlainRatio}× plain`, statusOf('ready, empty report')],
    ['ready, large report', ms(figures.readyLarge.app), ms(figures.readyLarge.plain), times(ratio(figures.readyLarge)),
      `≤ ${BUDGETS.readyVsPlainRatio}× plain`, statusOf('ready, large report')],
    ['typing p50, large report', ms(figures.typingP50.app), ms(figures.typingP50.plain), times(ratio(figures.typingP50)), '', ''],
    ['typing p95, large report', ms(figures.typingP95.app), ms(figures.typingP95.plain), times(ratio(figures.typingP95)),
      `≤ plain + ${BUDGETS.typingP95OverPlainMs} ms`, statusOf('typing p95, large report')],
    ['typing p95, large report, Preview open', ms(figures.typingPreviewP95.app), ms(figures.typingPreviewP95.plain), times(ratio(figures.typingPreviewP95)),
      `≤ plain + ${BUDGETS.typingP95OverPlainMs} ms`, statusOf('typing p95, large report, Preview open')],
    ['autosave, large report', ms(figures.autosaveLarge), '—', '—', `≤ ${BUDGETS.autosaveLargeMs} ms`, statusOf('autosave, large report')],
    ['HTML export: page made, module loaded', ms(figures.exportHtml), '—', '—', `≤ ${BUDGETS.exportHtmlMs} ms`, statusOf('HTML export, large report')],
    ['Word export: click → download, first', ms(figures.exportWordFirst), '—', '—', `≤ ${BUDGETS.exportWordFirstMs} ms`, statusOf('Word export, first')],
    ['  again, module loaded', ms(figures.exportWordAgain), '—', '—', `≤ ${BUDGETS.exportWordAgainMs} ms`, statusOf('Word export, again')],
    ['    of which the file made', ms(figures.exportWordMade), '—', '—', '(not a budget)', ''],
    ['open library of 200', ms(figures.openLibrary200), '—', '—', `≤ ${BUDGETS.openLibrary200Ms} ms`, statusOf('open library of 200')],
    ['  click → list drawn', ms(figures.openLibrary200ClickToFrame), '—', '—', '(not a budget)', ''],
    ...Object.entries(EDITOR_VIEWPORTS).map(([name, { width, height }]) => [
      `editor height, large report, ${width}×${height}`, px(figures.editorHeight[name]), '—', '—',
      `≤ ${BUDGETS.editorHeightPx[name]} px`, statusOf(`editor height, large report, ${name}`)]),
  ]);
  console.log(`title field in the document: app ${ms(figures.inDocumentEmpty.app)} / ${ms(figures.inDocumentLarge.app)}, ` +
    `plain ${ms(figures.inDocumentEmpty.plain)} / ${ms(figures.inDocumentLarge.plain)}; first frame showing it (parsed or not): ` +
    `app ${ms(figures.firstFrameEmpty.app)} / ${ms(figures.firstFrameLarge.app)}, plain ${ms(figures.firstFrameEmpty.plain)} / ` +
    `${ms(figures.firstFrameLarge.plain)} (empty / large report)`);
}

if (summary) {
  printTable([
    [`Summary (${summary.count} received reports)`, 'Taqrir', 'budget', ''],
    ['click "Summary" → received reports drawn', ms(summary.open), `≤ ${SUMMARY_BUDGETS.openMs} ms`, statusOf('Summary of 1,000: open')],
    ['  click → first frame (before they are read)', ms(summary.openFirstFrame), '(not a budget)', ''],
    ['filter change ("Search") → next frame', ms(summary.filter), `≤ ${SUMMARY_BUDGETS.filterMs} ms`, statusOf('Summary of 1,000: filter')],
    ['CSV of all', ms(summary.csv), `≤ ${SUMMARY_BUDGETS.csvMs} ms`, statusOf('Summary of 1,000: CSV')],
    ['add 200 report files in one choice', ms(summary.add200), `≤ ${SUMMARY_BUDGETS.add200Ms} ms`, statusOf('add 200 reports')],
    ['  longest gap of a 20 ms timer meanwhile', ms(summary.add200LongestGap), `≤ ${SUMMARY_BUDGETS.add200LongestGapMs} ms`,
      statusOf('add 200 reports: longest timer gap')],
    ['  longest task meanwhile', ms(summary.add200LongestTask), '(not a budget)', ''],
    ['its module, fetched when it first opens (as sent)', summary.moduleGzip === null ? '—' : kb(summary.moduleGzip),
      '(not a budget)', ''],
  ]);
}

writeFileSync(options.out, `${JSON.stringify({
  date: new Date().toISOString(),
  loadAverage: os.loadavg(),
  cpus: os.cpus().length,
  dist,
  chromium: chromiumVersion,
  runs: options.runs,
  profile: options.profile,
  typedCharacters: options.chars,
  cpuThrottle: options.cpuThrottle,
  budgets: BUDGETS,
  phone: phone && { profile: PHONE, budgets: PHONE_BUDGETS, ...phone },
  largeReport: {
    agenda: largeReport.agenda.length,
    discussionPoints: largeReport.discussion_points.length,
    recommendations: largeReport.recommendations.length,
    narrativeWords: narrativeWordCount(largeReport),
    jsonBytes: Buffer.byteLength(JSON.stringify(largeReport)),
  },
  figures,
  summary: summary && { budgets: SUMMARY_BUDGETS, ...summary },
  checks,
  warnings,
  perRun: runs.map((run) => Object.fromEntries(Object.entries(run).map(([key, value]) => [key,
    Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'typingSamples'))]))),
  typingSamples: runs.map((run) => ({ app: run['app-large'].typingSamples, plain: run['plain-large'].typingSamples })),
}, null, 2)}\n`);
console.log(`\nwrote ${path.relative(process.cwd(), options.out) || options.out}`);

const failed = checks.filter((c) => c.status === 'FAIL');
const unmeasured = checks.filter((c) => c.status === 'not measured');
if (unmeasured.length) console.log(`not measured: ${unmeasured.map((c) => c.name).join(', ')}`);
if (warnings.length) console.log(`warnings: ${warnings.length} (see above)`);
if (failed.length) {
  console.log(`over budget: ${failed.map((c) => c.name).join(', ')}`);
  process.exit(1);
}
console.log('all measured budgets met');
