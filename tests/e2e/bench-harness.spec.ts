// Checks the bench's own measuring code (bench/measure.mjs): if these are wrong, every figure the
// bench prints is wrong. Runs in the normal end-to-end suite and needs no build.
import { gunzipSync, gzipSync } from 'node:zlib';
import { test, expect } from './fixtures';
import {
  median, percentile, gzipSize, transferSize, makeLargeReport, makeDocument, makeLibraryDrafts, libraryEntries,
  narrativeWordCount, countWords, plainFormHtml, installReadyProbe, installLatencyProbe,
} from '../../bench/measure.mjs';

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

test('gzip sizes are gzip -9 sizes of the served bytes, each file counted once', () => {
  const text = 'taqrir '.repeat(2000);
  const size = gzipSize(text);
  expect(size).toBeGreaterThan(20);
  expect(size).toBeLessThan(text.length / 20);
  const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));
  const files = [
    { path: '/', bytes: Buffer.from(text) },
    { path: '/app.wasm', bytes: random },
    { path: '/', bytes: Buffer.from('served twice, counted once') },
  ];
  const total = transferSize(files);
  expect(total.files.map((f) => f.path).sort()).toEqual(['/', '/app.wasm']);
  expect(total.raw).toBe(text.length + random.length);
  expect(total.gzip).toBe(gzipSize(text) + gzipSize(random));
  expect(total.gzip).toBe(total.files.reduce((sum, f) => sum + f.gzip, 0));
  // It really is gzip of those bytes.
  expect(gunzipSync(gzipSync(random, { level: 9 })).equals(random)).toBe(true);
  expect(gzipSize(random)).toBe(gzipSync(random, { level: 9 }).length);
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
