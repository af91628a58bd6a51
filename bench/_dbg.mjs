import { chromium } from '@playwright/test';
import { startServer } from './server.mjs';
import { installReadyProbe } from './measure.mjs';
const server = await startServer('dist', {}, { gzipLevel: 6 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (let i = 0; i < 3; i++) {
  const context = await browser.newContext();
  await context.addInitScript(installReadyProbe, 'field-title');
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200000, uploadThroughput: 93750 });
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__benchReady?.ready != null, null, { timeout: 30000 });
  console.log(JSON.stringify(await page.evaluate(() => ({ ready: Math.round(window.__benchReady.ready), found: Math.round(window.__benchReady.found), fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime), res: performance.getEntriesByType('resource').map((e) => [e.name.slice(-10), Math.round(e.startTime), Math.round(e.responseEnd)]) }))));
  await context.close();
}
await browser.close(); await server.close();
