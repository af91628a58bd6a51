// The phone profile of the bench (issue 18): how a new user on a cheap phone over a slow mobile
// network loads Taqrir, next to the plain form loaded the same way in the same run. Each run and
// each side gets a fresh browser context (an empty profile, service workers allowed):
//   first visit  navigation → "Report title" takes typing, and the first contentful paint;
//   next visit   a new tab in the same profile once the first visit is done (and, for the app, its
//                service worker is active), navigation → "Report title" takes typing.
// The measuring code it relies on (probes, file sizes, checks) is in measure.mjs.
import { PHONE, filesBeforeReady, installReadyProbe, median, readLoadEntries } from './measure.mjs';

/** A new tab in `context` with the phone's CPU and network. */
async function phonePage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuThrottle });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: (PHONE.downloadKbit * 1000) / 8,
    uploadThroughput: (PHONE.uploadKbit * 1000) / 8,
  });
  return page;
}

/** One visit of `url` in a new tab: { ready, firstPaint, entries } in ms from navigation start. */
async function visit(context, url) {
  const page = await phonePage(context);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__benchReady && window.__benchReady.ready !== null, null, {
    timeout: 60_000, polling: 50,
  });
  const { ready } = await page.evaluate(() => window.__benchReady);
  const { entries, firstContentfulPaint } = await page.evaluate(readLoadEntries);
  return { page, errors, ready, firstPaint: firstContentfulPaint, entries };
}

/** Waits until the page's service worker is active (the app shell is cached); false when it never is. */
async function serviceWorkerActive(page) {
  return page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then((registration) => new Promise((resolve) => {
      const worker = registration.active;
      if (worker.state === 'activated') resolve(true);
      else worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(true));
    })),
    new Promise((resolve) => setTimeout(() => resolve(false), 30_000)),
  ]));
}

/** One side (the app or the plain form) once: first visit, then next visit, in one fresh profile. */
async function measureSide(browser, url, isApp, warn) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, serviceWorkers: 'allow' });
  await context.addInitScript(installReadyProbe, 'field-title');
  try {
    const first = await visit(context, url);
    const firstLoad = filesBeforeReady(first.entries, first.ready);
    if (isApp && !(await serviceWorkerActive(first.page))) warn('phone: the service worker did not become active');
    if (!isApp) await first.page.waitForLoadState('networkidle');
    await first.page.close();
    const next = await visit(context, url);
    await next.page.close();
    for (const message of [...first.errors, ...next.errors]) warn(`phone ${isApp ? 'app' : 'plain'}: page error: ${message}`);
    return { firstVisit: first.ready, firstPaint: first.firstPaint, nextVisit: next.ready, firstLoad };
  } finally {
    await context.close();
  }
}

/**
 * `runs` runs of both sides (alternating which goes first); medians as { firstVisit, firstPaint,
 * nextVisit } each { app, plain }, and each side's first load (the first run's files).
 */
export async function measurePhone({ browser, appUrl, plainUrl, runs, warn, log = console.log }) {
  const perRun = [];
  for (let run = 0; run < runs; run++) {
    const entry = {};
    const sides = run % 2 === 0 ? ['app', 'plain'] : ['plain', 'app'];
    for (const side of sides) entry[side] = await measureSide(browser, side === 'app' ? appUrl : plainUrl, side === 'app', warn);
    perRun.push(entry);
    const r = (x) => (typeof x === 'number' ? x.toFixed(0) : '—');
    log(`phone run ${run + 1}/${runs}: first visit app ${r(entry.app.firstVisit)} plain ${r(entry.plain.firstVisit)} ms, ` +
      `first paint app ${r(entry.app.firstPaint)} plain ${r(entry.plain.firstPaint)} ms, next visit app ` +
      `${r(entry.app.nextVisit)} plain ${r(entry.plain.nextVisit)} ms`);
  }
  const med = (side, key) => median(perRun.map((run) => run[side][key]).filter((v) => typeof v === 'number'));
  const pair = (key) => ({ app: med('app', key), plain: med('plain', key) });
  return {
    firstVisit: pair('firstVisit'),
    firstPaint: pair('firstPaint'),
    nextVisit: pair('nextVisit'),
    firstLoad: { app: perRun[0].app.firstLoad, plain: perRun[0].plain.firstLoad },
    perRun: perRun.map((run) => Object.fromEntries(Object.entries(run).map(([side, value]) =>
      [side, { ...value, firstLoad: value.firstLoad.gzip }]))),
  };
}
