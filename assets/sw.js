// Taqrir's service worker: the app shell of one build, cached on the first visit and served
// offline. `tools/finish_build.py` fills in this build's files and version.
const VERSION = '__VERSION__';
const SHELL = __ASSETS__;
const CACHE = `taqrir-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('taqrir-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// A new version waits until the page says the person chose to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// The paths this worker answers from its cache: the build's files, and the app's own page (the
// scope itself, or `index.html` in it), which every navigation there gets.
const scope = new URL(self.registration.scope);
const PAGES = new Set([scope.pathname, `${scope.pathname}index.html`]);
const FILES = new Set(SHELL.map((file) => new URL(file, scope).pathname));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (PAGES.has(url.pathname)) {
    // The app's page is the one shell of this version, offline too.
    event.respondWith(fromCache('./', request));
  } else if (FILES.has(url.pathname)) {
    event.respondWith(fromCache(url.pathname, request));
  }
  // Anything else goes to the network as it is: a file of the site that is not part of this
  // build, or one that does not exist (a 404 stays a 404).
});

/** `path` from this version's cache, or else from the network. */
async function fromCache(path, request) {
  const cached = await (await caches.open(CACHE)).match(path);
  return cached || fetch(request);
}
