// sw.js — the service worker that makes the page work with no network after the first
// visit (a venue's projector, a plane).
//
// Network first, cache as the fallback: when online every visit gets the newest files
// (and refreshes the cache), so a new version is picked up on the next visit without
// anyone clearing anything; when offline the cached copy starts the app. The dataset
// itself is in localStorage, not here.
const CACHE = 'coalition-atlas-app';
const FILES = ['./', 'index.html', 'atlas.js', 'style.css', 'favicon.svg', 'manifest.webmanifest',
  'coalition-atlas.js', 'coalition-atlas.wasm', 'gazetteer.bin'];
// Fetched only when a dataset needs them, then cached like the rest (the CJK font).
const OPTIONAL = ['fonts/cjk.ttf'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// Is this request for one of the app's own files? Only those are cached and answered here:
// a dataset opened with ?data=URL (same origin or not) and anything else go straight to
// the network, untouched and never stored.
const SCOPE = new URL(self.registration.scope).pathname;
function isAppFile(request, url) {
  if (request.method !== 'GET' || url.origin !== self.location.origin) return false;
  if (request.mode === 'navigate') return true;
  if (!url.pathname.startsWith(SCOPE)) return false;
  const name = url.pathname.slice(SCOPE.length);
  return FILES.includes(name) || OPTIONAL.includes(name);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (!isAppFile(request, url)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request, { cache: 'no-cache' });
      // The worker stays alive until the copy is stored.
      if (response.ok) event.waitUntil(cache.put(request, response.clone()));
      return response;
    } catch (e) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw e;
    }
  })());
});
