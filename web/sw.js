// sw.js — the service worker that makes the page work with no network after the first
// visit (a venue's projector, a plane). The dataset itself is in localStorage, not here.
//
//   1. The build: which version this is and the SHA-256 of every file (stamped at build time)
//   2. Install: the whole version into a cache of its own, checked, or nothing
//   3. Activate: older versions' caches are deleted
//   4. Fetch: a page and the files it asks for always come from one version
//
// The page asks for its files as NAME?v=VERSION (the build stamps index.html; atlas.js
// passes its own version on). A request for this worker's version is answered from its
// cache, which holds that version whole; a request for any other version (a newer page
// from the server, before this worker has been replaced) goes to the network and is
// never answered with this version's files. The page itself is network first, so an
// online visit gets the server's newest version whole; offline, this version's page.

// 1. The build. Replaced by {version, files: {name: sha256}, optional: {name: sha256}}
// when the site is built; left as null (web/ served as it is) the worker does nothing.
const BUILD = null; // stamped by tools/web/stamp_version.mjs

const PREFIX = 'coalition-atlas-';
const CACHE = BUILD && PREFIX + BUILD.version;
const SCOPE = new URL(self.registration.scope);
const fileUrl = (name) => new URL(name, SCOPE).href;

async function sha256(buffer) {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

// A response worth keeping: this origin's own, a plain 200 (no redirect, no error, no
// opaque or partial answer), with the bytes this version's build recorded.
async function verified(response, hash) {
  if (response.status !== 200 || response.type !== 'basic' || response.redirected) return null;
  const body = await response.arrayBuffer();
  if ((await sha256(body)) !== hash) return null;
  return new Response(body, { status: 200, statusText: 'OK', headers: response.headers });
}

// 2. Install: every file fetched and checked before anything is stored; a file that fails
// (missing, an error page, a newer file already on the server) fails the install, the
// previous version stays in charge, and the next visit tries again. Each is asked for by
// the address the page used (NAME?v=VERSION), so the browser's cache has it from the
// page's own download and the server only confirms it (304 Not Modified, where the
// server sends validators): a first visit does not download the app twice.
self.addEventListener('install', (event) => {
  if (!BUILD) return;
  event.waitUntil((async () => {
    const entries = await Promise.all(Object.entries(BUILD.files).map(async ([name, hash]) => {
      const response = await fetch(`${fileUrl(name)}?v=${BUILD.version}`, { cache: 'no-cache' });
      const good = await verified(response, hash);
      if (!good) throw new Error(`${name}: not version ${BUILD.version} (HTTP ${response.status})`);
      return [name, good];
    }));
    const cache = await caches.open(CACHE);
    try {
      for (const [name, response] of entries) await cache.put(fileUrl(name), response);
    } catch (e) {
      await caches.delete(CACHE);  // never a half-stored version (a full disk)
      throw e;
    }
    await self.skipWaiting();
  })());
});

// 3. Activate: this version is whole; the others go (the old single cache too).
self.addEventListener('activate', (event) => {
  if (!BUILD) return;
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

// 4. Fetch. Only this origin's GET requests for the page and its files are answered
// here; anything else (a dataset from ?data=URL, other sites) goes to the network
// untouched and is never stored.
async function fromCache(name) {
  return (await caches.open(CACHE)).match(fileUrl(name));
}

async function page(request) {
  try {
    return await fetch(request, { cache: 'no-cache' });
  } catch (e) {
    // Offline: this version's page, whatever the query (?data=…): stored once, without it.
    const cached = await fromCache('index.html');
    if (cached) return cached;
    throw e;
  }
}

async function file(event, name, version) {
  const request = event.request;
  if (version && version !== BUILD.version) return fetch(request);  // another version's
  if (version) {
    const cached = await fromCache(name);
    if (cached) return cached;
  }
  // Unversioned (the icon named by the manifest, the files the app fetches for itself),
  // or an optional file not stored yet: the network first, this version's copy offline.
  let response;
  try {
    response = await fetch(request, { cache: 'no-cache' });
  } catch (e) {
    const cached = await fromCache(name);
    if (cached) return cached;
    throw e;
  }
  const hash = BUILD.optional[name];
  if (hash) {
    // An optional file (the CJK font) is kept once it arrives, when it is this version's.
    event.waitUntil(verified(response.clone(), hash).then(
      (good) => good && caches.open(CACHE).then((c) => c.put(fileUrl(name), good))));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  if (!BUILD) return;
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
    return;
  }
  const name = url.pathname.slice(SCOPE.pathname.length);
  if (!(name in BUILD.files) && !(name in BUILD.optional)) return;
  event.respondWith(file(event, name, url.searchParams.get('v')));
});
