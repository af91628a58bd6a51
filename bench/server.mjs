// A small static server for the bench: serves a build directory as a static host would (correct
// MIME types, application/wasm for WebAssembly), plus extra in-memory pages (the plain-form floor,
// a blank page to seed storage from), and keeps a log of what it sent so the bench can size a visit.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
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

/**
 * Serves `root` at http://127.0.0.1:<port>/. `pages` maps a path ("/plain-form.html") to a string
 * or Buffer served instead of a file (text/html unless the extension says otherwise).
 */
export async function startServer(root, pages = {}) {
  const base = path.resolve(root);
  const extra = new Map(Object.entries(pages));
  /** Every 200 response: { path, bytes, type }. */
  let log = [];
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
    log.push({ path: pathname, bytes: body, type });
    response.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache' });
    response.end(request.method === 'HEAD' ? undefined : body);
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
