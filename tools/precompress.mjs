// `make build`'s last step: writes `<file>.gz` and `<file>.br` beside each hashed .wasm, .js and
// .css of the build, for hosts that serve precompressed files (nginx `gzip_static` and
// `brotli_static`, Caddy `precompressed`, …): the smallest transfer without compressing per
// request. gzip uses zopfli when the `zopfli` command is installed, zlib's level 9 otherwise;
// brotli is Node's, at its best quality. The service worker never lists these files.
//
//   node tools/precompress.mjs [dist]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** The build's hashed files (their names change with their content), as the README's nginx example matches them.
 * trunk writes its 64-bit hash without leading zeros: 1 build in 16 names the app's files with 15 digits. */
export const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

function hasZopfli() {
  try {
    execFileSync('zopfli', ['-h'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // `zopfli -h` exits non-zero but runs; only a missing command is "not installed".
    return error.code !== 'ENOENT';
  }
}

function gzip(file, useZopfli) {
  if (useZopfli) execFileSync('zopfli', ['--gzip', file]);
  else writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
}

function brotli(file) {
  const bytes = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }));
}

/** Writes the .gz and .br of every hashed file in `dist`; returns their names. */
export function precompress(dist, log = console.log) {
  const useZopfli = hasZopfli();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const names = readdirSync(dist).filter((n) => HASHED.test(n)).sort();
  for (const name of names) {
    const file = path.join(dist, name);
    gzip(file, useZopfli);
    brotli(file);
    const size = (suffix) => readFileSync(`${file}${suffix}`).length;
    log(`precompress: ${name} ${kb(size(''))} → .gz ${kb(size('.gz'))}${useZopfli ? ' (zopfli)' : ''}, .br ${kb(size('.br'))}`);
  }
  return names;
}

// Run as a command (the tests import it instead; their loader has no import.meta).
if (path.basename(process.argv[1] ?? '') === 'precompress.mjs') {
  precompress(path.resolve(process.argv[2] ?? 'dist'));
}
