import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** A static host for one test: serves `root` under `prefix`, like a bucket or GitHub Pages, with
 * `headers` on every file it serves (a Content-Security-Policy, say). */
export async function serveStatic(root: string, prefix = '/', headers: Record<string, string> = {}) {
  let current = root;
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      response.writeHead(404).end();
      return;
    }
    let relative = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    if (relative.endsWith('/')) relative += 'index.html';
    const file = path.join(current, path.normalize(relative));
    if (!file.startsWith(current)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        ...headers,
        'content-type': types[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': /\.(html|webmanifest)$|sw\.js$/.test(file) ? 'no-cache' : 'max-age=31536000, immutable',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    /** Serves another build from now on, as a deployment over the old one would. */
    switchTo(root: string) {
      current = root;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
