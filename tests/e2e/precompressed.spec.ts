// `make build` writes .gz and .br copies of the hashed files for hosts that serve them
// (tools/precompress.mjs), and the service worker never caches those copies. Checked on a copy of
// the build's small files plus a stand-in WebAssembly file, so the test stays quick.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test, expect } from './fixtures';
import { precompress, HASHED } from '../../tools/precompress.mjs';

const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist');

test('every hashed file gets a .gz and a .br with the same bytes, and the service worker caches neither', () => {
  const build = mkdtempSync(path.join(tmpdir(), 'taqrir-precompress-'));
  for (const name of readdirSync(dist)) {
    if (!name.endsWith('.wasm') && !/\.(gz|br)$/.test(name)) copyFileSync(path.join(dist, name), path.join(build, name));
  }
  const wasm = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i % 251) ^ (i >> 9)));
  writeFileSync(path.join(build, 'taqrir-0123456789abcdef_bg.wasm'), wasm);
  // trunk writes its hash without leading zeros: 1 build in 16 has 15 digits.
  writeFileSync(path.join(build, 'main-123456789abcdef.css'), 'body { margin: 0; }\n'.repeat(100));

  const names = precompress(build, () => {});
  expect(names.filter((name) => name.endsWith('_bg.wasm'))).toEqual(['taqrir-0123456789abcdef_bg.wasm']);
  expect(names).toContain('main-123456789abcdef.css');
  expect(names.some((name) => /^taqrir-[0-9a-f]{8,16}\.js$/.test(name))).toBe(true);
  expect(names.some((name) => name.endsWith('.css'))).toBe(true);
  for (const name of names) {
    const original = readFileSync(path.join(build, name));
    const gz = readFileSync(path.join(build, `${name}.gz`));
    const br = readFileSync(path.join(build, `${name}.br`));
    expect(gunzipSync(gz).equals(original), `${name}.gz`).toBe(true);
    expect(brotliDecompressSync(br).equals(original), `${name}.br`).toBe(true);
  }
  expect(readFileSync(path.join(build, 'taqrir-0123456789abcdef_bg.wasm.gz')).length).toBeLessThan(wasm.length / 4);
  // Files whose names do not change with their content are left to the host.
  expect(readdirSync(build).filter((name) => /\.(gz|br)$/.test(name) && !HASHED.test(name.replace(/\.(gz|br)$/, '')))).toEqual([]);

  // The service worker written over this build lists the files, not their compressed copies.
  execFileSync('python3', [path.join(root, 'tools', 'finish_build.py'), build], {
    env: { ...process.env, TRUNK_SOURCE_DIR: root, TRUNK_STAGING_DIR: build },
  });
  const worker = readFileSync(path.join(build, 'sw.js'), 'utf8');
  expect(worker).toContain('taqrir-0123456789abcdef_bg.wasm"');
  expect(worker).not.toMatch(/\.(gz|br)"/);
});
