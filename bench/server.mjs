// A small static server for the bench: serves a build directory as a static host would (correct
// MIME types, application/wasm for WebAssembly, an ETag so a next visit revalidates instead of
// downloading again, and — when asked — gzip at the level hosts use), plus extra in-memory pages
// (the plain-form floor, a blank page to seed storage from), and keeps a log of what it sent.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether a static host compresses this type on the fly (text, scripts, WebAssembly, SVG; not PNG or fonts). */
export function hostCompresses(type) {
  return /^(text\/|application\/(wasm|json|manifest\+json|javascript)|image\/svg\+xml)/.test(type);
}

/**
 * Serves `root` at http://127.0.0.1:<port>/. `pages` maps a path ("/plain-form.html") to a string
 * or Buffer served instead of a file (text/html unless the extension says otherwise).
 * `gzipLevel` (1–9) compresses what a host would when the browser accepts gzip; 0 sends as is.
 */
export async function startServer(root, pages = {}, { gzipLevel = 0 } = {}) {
  const base = path.resolve(root);
  const extra = new Map(Object.entries(pages));
  /** Per path: the body it was made from, its ETag and its gzipped form (made once). */
  const prepared = new Map();
  /** Every response with a body: { path, bytes, sent, type }; `sent` is the body as sent (compressed or not). */
  let log = [];
  const prepare = (pathname, body) => {
    const known = prepared.get(pathname);
    if (known && known.body.equals(body)) return known;
    const entry = { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`, gzip: null };
    prepared.set(pathname, entry);
    return entry;
  };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    let body;
    const file = path.join(base, path.normalize(pathname));
    if (extra.has(pathname)) {
      const page = extra.get(pathname);
      body = Buffer.isBuffer(page) ? page : Buffer.from(page, 'utf8');
    } else {
      if (file !== base && !file.startsWith(base + path.sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        body = await readFile(file);
      } catch {
        response.writeHead(404).end();
        return;
      }
    }
    const type = mimeType(pathname);
    const entry = prepare(pathname, body);
    const headers = { 'content-type': type, 'cache-control': 'no-cache', etag: entry.etag, vary: 'accept-encoding' };
    if (request.headers['if-none-match'] === entry.etag) {
      response.writeHead(304, headers).end();
      return;
    }
    let sent = body;
    if (gzipLevel > 0 && hostCompresses(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      entry.gzip ??= gzipSync(body, { level: gzipLevel });
      sent = entry.gzip;
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = sent.length;
    log.push({ path: pathname, bytes: body, sent: sent.length, type });
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : sent);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    setPage(pathname, content) {
      extra.set(pathname, content);
    },
    /** Forgets what was sent so far. */
    resetLog() {
      log = [];
    },
    /** What was sent since the last reset. */
    takeLog() {
      const taken = log;
      log = [];
      return taken;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
