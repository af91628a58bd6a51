import { chromium } from '@playwright/test';
import { startServer } from './server.mjs';
import { installReadyProbe } from './measure.mjs';
const server = await startServer('/tmp/dist-prof', {}, { gzipLevel: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const total = new Map();
for (let i = 0; i < 3; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(installReadyProbe, 'field-title');
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  // warm: load once so compile is cached? no: fresh context each
  await cdp.send('Profiler.start');
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__benchReady?.ready != null, null, { timeout: 30000 });
  const { profile } = await cdp.send('Profiler.stop');
  const ready = await page.evaluate(() => window.__benchReady);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, k) => { const n = byId.get(id); const name = n.callFrame.functionName || `(${n.callFrame.url.slice(-20)})`; self.set(name, (self.get(name) ?? 0) + (dt[k] ?? 0) / 1000); });
  for (const [k, v] of self) total.set(k, (total.get(k) ?? 0) + v / 3);
  console.log('ready', JSON.stringify(ready));
  await context.close();
}
const demangle = (s) => s.replace(/_ZN|17h[0-9a-f]{16}E/g, '').replace(/\d+([a-zA-Z_$][\w$]*)/g, '$1::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\.\./g, '::').slice(0, 140);
console.log([...total].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => `${v.toFixed(1)} ms ${demangle(k)}`).join('\n'));
await browser.close(); await server.close();
