// Checks the bench's own measuring code (bench/measure.mjs): if these are wrong, every figure the
// bench prints is wrong. Runs in the normal end-to-end suite and needs no build.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect } from './fixtures';
import {
  median, percentile, makeLargeReport, makeEmptyReport, makeDocument, makeLibraryDrafts, libraryEntries, narrativeWordCount,
  countWords, plainFormHtml, installReadyProbe, installLatencyProbe, filesBeforeReady, phoneChecks, readLoadEntries, PHONE,
  makeReceivedDocuments, installResponsivenessProbe, installEventTimeProbe,
} from '../../bench/measure.mjs';
import { startServer } from '../../bench/server.mjs';
import { measurePhone } from '../../bench/phone.mjs';

test('median and percentile give the known values', () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([7])).toBe(7);
  expect(median([])).toBeNull();
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
  expect(percentile(hundred, 0)).toBe(1);
  expect(percentile(hundred, 100)).toBe(100);
  expect(percentile(hundred, 50)).toBeCloseTo(50.5, 10);
  expect(percentile(hundred, 95)).toBeCloseTo(95.05, 10);
  expect(percentile([10, 20, 30, 40, 50], 25)).toBe(20);
  expect(percentile([1, 2, NaN, 3], 50)).toBe(2);
  expect(() => percentile([1], 101)).toThrow();
});

test('the bench server sends text gzipped at the host level and answers a revalidation with 304', async ({ page }) => {
  const root = mkdtempSync(path.join(tmpdir(), 'bench-server-'));
  const script = `window.loaded = ${JSON.stringify('taqrir '.repeat(3000))}.length;`;
  const png = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 2654435761) >>> 24));
  writeFileSync(path.join(root, 'app.js'), script);
  writeFileSync(path.join(root, 'icon.png'), png);
  writeFileSync(path.join(root, 'index.html'), '<!DOCTYPE html><title>t</title><link rel="icon" href="data:,"><img src="icon.png"><script src="app.js"></script>');
  const server = await startServer(root, {}, { gzipLevel: PHONE.gzipLevel });
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => (window as any).loaded > 0);
    const sent = server.takeLog();
    const js = sent.find((entry: any) => entry.path === '/app.js');
    expect(js.sent).toBe(gzipSync(Buffer.from(script), { level: 6 }).length);
    expect(js.sent).toBeLessThan(script.length / 20);
    // Images are already compressed: a host sends them as they are.
    expect(sent.find((entry: any) => entry.path === '/icon.png').sent).toBe(png.length);
    // What the page saw as sent is what the server sent.
    const { entries } = await page.evaluate(readLoadEntries);
    const seen = entries.find((entry: any) => entry.name.endsWith('/app.js'));
    expect(seen.encodedBodySize).toBe(js.sent);
    expect(seen.decodedBodySize).toBe(script.length);

    const response = await fetch(`${server.url}app.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const etag = response.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${server.url}app.js`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('the first load counts each file fetched before the title takes typing once, as sent', () => {
  const entry = (name: string, startTime: number, encodedBodySize: number, decodedBodySize: number) =>
    ({ name: `http://127.0.0.1:1/${name}`, startTime, encodedBodySize, decodedBodySize });
  const load = filesBeforeReady([
    entry('', 0, 700, 1400),
    entry('app_bg.wasm', 40, 400_000, 1_100_000),
    entry('app.js', 30, 10_000, 60_000),
    entry('app.js', 900, 10_000, 60_000),
    entry('word_bg.wasm', 2001, 90_000, 250_000),
  ], 2000);
  expect(load.files.map((file: any) => file.path)).toEqual(['/app_bg.wasm', '/app.js', '/']);
  expect(load.gzip).toBe(410_700);
  expect(load.raw).toBe(1_161_400);
});

test('each phone budget fails when it is missed and passes at its limit', () => {
  const within = { firstVisit: { app: 2500, plain: 900 }, firstPaint: { app: 600, plain: 800 },
    nextVisit: { app: 600, plain: 500 }, firstLoadGzip: 360 * 1024 };
  expect(phoneChecks(within).map((c: any) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  const over = { firstVisit: { app: 2501, plain: 900 }, firstPaint: { app: 601, plain: 800 },
    nextVisit: { app: 601, plain: 500 }, firstLoadGzip: 360 * 1024 + 1 };
  expect(phoneChecks(over).map((c: any) => c.status)).toEqual(['FAIL', 'FAIL', 'FAIL', 'FAIL']);
  const missing = { ...within, nextVisit: { app: 400, plain: null } };
  expect(phoneChecks(missing)[2].status).toBe('not measured');
});

test('the large report has the sizes the budgets speak of, as a valid document', () => {
  const report = makeLargeReport();
  expect(report.agenda).toHaveLength(200);
  expect(report.discussion_points).toHaveLength(100);
  expect(report.recommendations).toHaveLength(50);
  const words = narrativeWordCount(report);
  expect(words).toBeGreaterThanOrEqual(19_000);
  expect(words).toBeLessThanOrEqual(21_000);
  for (const field of ['introduction', 'aim', 'conclusion'] as const) expect(countWords(report[field])).toBeGreaterThan(500);
  expect(report.agenda[0]).toEqual(expect.objectContaining({ start: '09:00', end: '09:02' }));
  expect(report.agenda.every((item: any) => /^\d\d:\d\d$/.test(item.start) && item.item && item.presenter)).toBe(true);
  expect(typeof report.participants.total).toBe('number');
  // The same seed gives the same report; another seed another one.
  expect(JSON.stringify(makeLargeReport())).toBe(JSON.stringify(report));
  expect(makeLargeReport({ seed: 2 }).introduction).not.toBe(report.introduction);

  const text = JSON.stringify(makeDocument(report));
  const parsed = JSON.parse(text);
  expect(parsed.format).toBe('taqrir-report');
  expect(parsed.schema_version).toBe(1);
  expect(parsed.report.agenda).toHaveLength(200);

  const drafts = makeLibraryDrafts(200);
  const entries = libraryEntries(drafts, drafts[0].id);
  const index = JSON.parse(entries['taqrir.index']);
  expect(index.drafts).toHaveLength(200);
  expect(index.last_open).toBe('bench-001');
  expect(new Set(index.drafts.map((d: any) => d.id)).size).toBe(200);
  expect(JSON.parse(entries['taqrir.draft.bench-200']).report.title).toBe('Bench draft 200');
});

test('the probes measure the plain form: ready time and keystroke-to-frame latency', async ({ page }) => {
  const report = makeLargeReport({ agenda: 40, discussionPoints: 20, recommendations: 10, narrativeWords: 3000 });
  const html = plainFormHtml(report);
  expect(html.match(/<fieldset/g)).toHaveLength(
    report.facilitators.length + report.speakers.length + report.objectives.length + report.agenda.length +
      report.discussion_points.length + report.results.length + report.recommendations.length +
      report.attachments.length + report.participants.governorates.length,
  );

  // Served from a made-up origin, so that the probe starts with the document as in the bench.
  await page.route('http://bench.invalid/plain-form.html', (route) =>
    route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
  );
  await page.addInitScript(installReadyProbe, 'field-title');
  await page.goto('http://bench.invalid/plain-form.html');
  await page.waitForFunction(() => typeof (window as any).__benchReady?.ready === 'number', null, { timeout: 5_000 });
  const ready = await page.evaluate(() => (window as any).__benchReady);
  expect(ready.found).toBeGreaterThan(0);
  expect(ready.firstFrame).toBeGreaterThanOrEqual(ready.found);
  expect(ready.ready).toBeGreaterThanOrEqual(ready.firstFrame);
  // Ready means parsed too.
  const parsedAt = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as any).domInteractive);
  expect(ready.ready).toBeGreaterThanOrEqual(parsedAt);

  // The plain form has the same labels and values as the editor.
  const title = page.getByLabel('Report title', { exact: true });
  await expect(title).toHaveValue(report.title);
  await expect(page.getByRole('group', { name: 'Agenda item 40', exact: true }).getByLabel('Presenter')).toHaveValue(
    report.agenda[39].presenter,
  );
  await expect(page.getByLabel('Introduction', { exact: true })).toHaveValue(report.introduction);

  await title.click();
  await page.keyboard.press('End');
  await page.evaluate(installLatencyProbe);
  await page.keyboard.type('bench', { delay: 20 });
  await page.waitForFunction(() => (window as any).__benchLatency.length >= 5, null, { timeout: 5_000 });
  const samples: number[] = await page.evaluate(() => (window as any).__benchLatency);
  expect(samples).toHaveLength(5);
  for (const sample of samples) {
    expect(Number.isFinite(sample)).toBe(true);
    expect(sample).toBeGreaterThan(0);
    expect(sample).toBeLessThan(1_000);
  }
  await expect(title).toHaveValue(`${report.title}bench`);

  // Installing again starts a new series, here of clicks.
  await page.evaluate(installLatencyProbe, 'click');
  expect(await page.evaluate(() => (window as any).__benchLatency.length)).toBe(0);
  await page.getByRole('button', { name: 'Add agenda item' }).click();
  await page.waitForFunction(() => (window as any).__benchLatency.length >= 1, null, { timeout: 5_000 });
  const [click] = await page.evaluate(() => (window as any).__benchLatency);
  expect(click).toBeGreaterThan(0);
});

test('the phone profile measures the app and the plain form in one run, the next visit through the service worker', async ({ browser }) => {
  test.setTimeout(180_000);
  const dist = path.join(__dirname, '..', '..', 'dist');
  const server = await startServer(dist, { '/plain.html': plainFormHtml(makeEmptyReport()) }, { gzipLevel: PHONE.gzipLevel });
  const warnings: string[] = [];
  try {
    const phone = await measurePhone({
      browser, appUrl: server.url, plainUrl: `${server.url}plain.html`, runs: 1, warn: (m: string) => warnings.push(m), log: () => {},
    });
    expect(warnings).toEqual([]);
    for (const side of ['app', 'plain'] as const) {
      expect(phone.firstVisit[side]).toBeGreaterThan(PHONE.latencyMs);
      expect(phone.firstPaint[side]).toBeGreaterThan(PHONE.latencyMs);
      expect(phone.nextVisit[side]).toBeGreaterThan(0);
    }
    // The app's WebAssembly is the bulk of its first load, counted as sent (gzipped), and the
    // service worker's own downloads after the title takes typing are not.
    const wasm = phone.firstLoad.app.files.find((file: any) => file.path.endsWith('_bg.wasm'));
    expect(wasm.gzip).toBeGreaterThan(0);
    expect(wasm.gzip).toBeLessThan(wasm.raw / 2);
    expect(phone.firstLoad.app.files.map((file: any) => file.path)).not.toContain('/sw.js');
    expect(phone.firstLoad.plain.files.map((file: any) => file.path)).toEqual(['/plain.html']);
    // Served by the service worker, the app's next visit downloads nothing large again.
    expect(phone.nextVisit.app).toBeLessThan(phone.firstVisit.app);
  } finally {
    await server.close();
  }
});

test('the received reports of the Summary bench are distinct schema-2 reports of the sample\'s size whose counts add up', () => {
  const documents = makeReceivedDocuments(1000);
  expect(new Set(documents.map((d) => d.report_id)).size).toBe(1000);
  expect(new Set(documents.map((d) => d.report.governorate)).size).toBe(6);
  expect(new Set(documents.map((d) => d.report.activity_type)).size).toBe(5);
  let total = 0;
  for (const [i, { schema_version, report }] of documents.entries()) {
    const p = report.participants;
    expect(schema_version).toBe(2);
    expect(p.total).toBe(7 + (i % 30));
    expect(p.male + p.female).toBe(p.total);
    expect(p.age_18_to_24 + p.age_25_to_59).toBe(p.total);
    expect(report.date).toMatch(/^2026-\d{2}-\d{2}$/);
    total += p.total;
  }
  expect(total).toBe(Array.from({ length: 1000 }, (_, i) => 7 + (i % 30)).reduce((a, b) => a + b, 0));
  const sizes = documents.map((d) => JSON.stringify(d).length);
  // The sample report (tests/fixtures/report-v1.json) is about 8 KB.
  expect(Math.min(...sizes)).toBeGreaterThan(3_000);
  expect(Math.max(...sizes)).toBeLessThan(12_000);
  expect(makeReceivedDocuments(3)).toEqual(documents.slice(0, 3));
});

test('the responsiveness probe sees a blocked main thread as a timer gap and a long task at least as long', async ({ page }) => {
  // Long tasks are reported for pages with an origin, as the app has.
  await page.route('http://bench.invalid/', (route) => route.fulfill({ body: '<!DOCTYPE html><title>t</title>', contentType: 'text/html' }));
  await page.goto('http://bench.invalid/');
  await page.evaluate(installResponsivenessProbe);
  await page.waitForFunction(() => (window as any).__benchResponsive.ticks >= 2);
  // A task of the page's own (work run by the test driver is not reported as a task).
  await page.evaluate(() => setTimeout(() => {
    const until = performance.now() + 300;
    while (performance.now() < until);
  }));
  await page.waitForFunction(() => (window as any).__benchResponsive.longestTask >= 300, null, { timeout: 5_000 });
  const seen = await page.evaluate(() => (window as any).__benchResponsive);
  expect(seen.longestGap).toBeGreaterThanOrEqual(300);
  expect(seen.longestTask).toBeGreaterThanOrEqual(300);
});

test('the event time probe keeps the time stamp of the first event of its type only', async ({ page }) => {
  await page.setContent('<button type="button" onclick="window.clicks = (window.clicks || 0) + 1">Go</button>');
  await page.evaluate(installEventTimeProbe, 'click');
  const before = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Go' }).click();
  const first = await page.evaluate(() => (window as any).__benchEventAt.click);
  await page.getByRole('button', { name: 'Go' }).click();
  const after = await page.evaluate(() => performance.now());
  expect(await page.evaluate(() => (window as any).clicks)).toBe(2);
  expect(await page.evaluate(() => (window as any).__benchEventAt.click)).toBe(first);
  expect(first).toBeGreaterThanOrEqual(before);
  expect(first).toBeLessThanOrEqual(after);
});
