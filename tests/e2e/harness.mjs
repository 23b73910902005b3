// harness.mjs — what the browser tests share: the built page served on loopback, and
// Debian's Chromium driven by playwright-core (headless, WebGL 2 through SwiftShader).
//
//   1. start(): the server (which a test can stop and start again: offline) and the browser
//   2. Every page is watched: a Content-Security-Policy violation or an uncaught error in
//      any page fails the test that was running (node:test's afterEach)
//   3. openApp(), settle(), poll(), click(): opening the app and waiting on it
//   4. PNG helpers, the sample
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { serve } from '../../tools/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = process.env.ATLAS_SITE || join(ROOT, 'build', 'web', 'site');
export const OUT = join(ROOT, 'build', 'e2e');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];

// ---------------------------------------------------------------------------------
// 1. The server and the browser
// ---------------------------------------------------------------------------------
function stopServing(server) {
  // Chromium keeps connections open: without closing them the port would still answer.
  const closed = new Promise((r) => server.close(r));
  server.closeAllConnections();
  return closed;
}

/** Serves the site (or `site`) and launches the browser; returns {url, browser, close(),
 *  stopServer(), startServer()}. `sent` hears of every answer the server gives
 *  (tools/serve.mjs). Offline tests stop the server: the browser's offline
 *  switch does not cover the service worker's own fetches, a stopped server does. */
export async function start({ site = SITE, sent = null } = {}) {
  if (!existsSync(join(site, 'coalition-atlas.wasm')))
    throw new Error(`no built page at ${site}: build the web target first (tools/test does)`);
  let server = await serve(site, 0, '127.0.0.1', { sent });
  const port = server.address().port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  watch(browser);
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    async stopServer() {
      if (server) await stopServing(server);
      server = null;
    },
    async startServer() {
      if (!server) server = await serve(site, port, '127.0.0.1', { sent });  // the same origin as before
    },
    async close() {
      await browser.close();
      if (server) await stopServing(server);
    },
  };
}

// ---------------------------------------------------------------------------------
// 2. Every page watched
// ---------------------------------------------------------------------------------
const trouble = [];  // since the current test began

// Every context the tests make (browser.newContext, browser.newPage) reports CSP
// violations (the page's own event, which names the directive and what was blocked) and
// uncaught errors of any of its pages.
function watch(browser) {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    await context.exposeBinding('__atlasViolation', (source, text) => trouble.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => window.__atlasViolation(
        `securitypolicyviolation: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}` +
        ` at ${e.sourceFile}:${e.lineNumber}`));
    });
    context.on('weberror', (e) => trouble.push(`pageerror: ${e.error().message}`));
    return context;
  };
}

// Under node --test, after each test: anything seen fails it.
if (process.env.NODE_TEST_CONTEXT || /\.test\.mjs$/.test(process.argv[1] || '')) {
  const { afterEach } = await import('node:test');
  afterEach(() => {
    const seen = trouble.splice(0);
    if (seen.length) throw new Error('the page reported:\n' + seen.join('\n'));
  });
}

// ---------------------------------------------------------------------------------
// 3. Opening the app and waiting on it
// ---------------------------------------------------------------------------------

/** Opens the app in a new page and waits for atlas.ready; collects console problems. */
export async function openApp(env, { width = 1280, height = 800, scale = 1, query = '',
  contextOptions = {} } = {}) {
  const context = await env.browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: scale,
    ...contextOptions,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    // SwiftShader's own performance notes ("GPU stall due to ReadPixels" when software
    // compositing reads the canvas back) are about the test machine, not the app.
    if (/GL Driver Message \(OpenGL, Performance/.test(m.text())) return;
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A reload cancels what the old page was still fetching: not a failure.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`requestfailed: ${r.url()}`);
  });
  await page.goto(env.url + query);
  await page.waitForFunction(() => window.atlas && window.atlas.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.atlas.ready);
  return { page, context, problems };
}

/** Waits until no frame has been drawn for `quietMs`. */
export async function settle(page, quietMs = 1000, timeoutMs = 15000) {
  const t0 = Date.now();
  let last = await page.evaluate(() => atlas.frameStats().frames);
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() - t0 > timeoutMs) throw new Error('the app never stopped drawing');
    await page.waitForTimeout(100);
    const now = await page.evaluate(() => atlas.frameStats().frames);
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return last;
}

/** Evaluates `fn(arg)` in the page (it may be async) until it gives a truthy value, and
 *  returns that value; fails after `timeout` ms saying what it last gave. For waits on
 *  promises (the clipboard, the caches): page.waitForFunction takes a promise itself as
 *  truthy and would not wait at all. */
export async function poll(page, fn, arg, { timeout = 30000, interval = 100 } = {}) {
  const t0 = Date.now();
  let value;
  for (;;) {
    value = await page.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() - t0 > timeout)
      throw new Error(`waited ${timeout} ms for ${fn.toString().slice(0, 200)}; it gave ${JSON.stringify(value)}`);
    await page.waitForTimeout(interval);
  }
}

/** Clicks the app's widget labelled `label` (the `index`th of that label in drawing order;
 *  -1 the last) once it is drawn and holds still, so a click never lands where a menu or
 *  a dialog was a frame before it settled; returns its rectangle. */
export async function click(page, label, index = -1) {
  let r = null;
  for (const t0 = Date.now(); ;) {
    const now = await (await page.waitForFunction(([l, i]) => atlas.widgetRect(l, i), [label, index],
      { timeout: 10000 })).jsonValue();
    if (r && JSON.stringify(r) === JSON.stringify(now)) break;
    if (Date.now() - t0 > 10000) throw new Error(`"${label}" never held still: ${JSON.stringify(now)}`);
    r = now;
    await page.waitForTimeout(50);
  }
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  return r;
}

/** Clicks a widget that goes away when it is used (a dialog's button, a combo's item), as
 *  click does, until it has gone: a click a busy frame missed is tried again, at most
 *  `attempts` times. (A button's action runs once: the dialog closes in the frame that
 *  takes the click.) */
export async function clickAway(page, label, { attempts = 3, timeout = 5000 } = {}) {
  for (let attempt = 1; ; attempt++) {
    await click(page, label);
    try {
      await poll(page, (l) => !atlas.widgetRect(l), label, { timeout });
      return;
    } catch (e) {
      if (attempt === attempts) throw new Error(`"${label}" was clicked ${attempts} times and is still there: ${e.message}`);
    }
  }
}

/** Clicks the text field labelled `label` (see click) and waits until it has the
 *  keyboard, clicking again if a busy frame missed the click; then typing goes into it. */
export async function clickField(page, label, index = -1) {
  for (let attempt = 0; ; attempt++) {
    const r = await click(page, label, index);
    try {
      await poll(page, () => atlas.typing(), null, { timeout: 3000 });
      return r;
    } catch (e) {
      if (attempt === 2) throw new Error(`"${label}" never took the keyboard: ${e.message}`);
    }
  }
}

/** Pastes `text` from the system clipboard into the Inspector's field `key`
 *  ("rt-hk/title") as a user does (click, Ctrl+A, Ctrl+V), until `stored(text)` (run in
 *  the page) says the dataset holds it. A paste a busy frame lost (the key chord and the
 *  browser's paste event cross several frames) is tried again, twice at most; a paste
 *  that never arrives, or arrives changed, fails. The context needs clipboard rights. */
export async function pasteIntoField(page, key, text, stored) {
  let last;
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = await page.evaluate((k) => atlas.fieldRect(k), key);
    if (!r) throw new Error(`the field ${key} is not on screen`);
    await page.mouse.click(r.x + r.width - 5, r.y + r.height / 2);
    await poll(page, () => atlas.typing());  // the click has reached the field
    await page.keyboard.press('Control+A');
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press('Control+V');
    try {
      return await poll(page, stored, text, { timeout: 10000 });
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

/** What the service worker has stored, as the page sees it: [{cache, urls}] for each of
 *  the app's caches (one per version: coalition-atlas-VERSION). */
export function appCaches(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const name of (await caches.keys()).filter((n) => n.startsWith('coalition-atlas-')))
      out.push({ cache: name, urls: (await (await caches.open(name)).keys()).map((r) => r.url).sort() });
    return out;
  });
}

/** Waits until the service worker holds exactly one version, `version`, with every file
 *  the build listed for it (and `extra` optional files); returns its URLs. */
export async function waitForCachedVersion(page, build, extra = []) {
  const want = [...Object.keys(build.files), ...extra].map((n) => new URL(n, page.url()).href).sort();
  const t0 = Date.now();
  for (;;) {
    const have = await appCaches(page);
    if (have.length === 1 && have[0].cache === 'coalition-atlas-' + build.version &&
        JSON.stringify(have[0].urls) === JSON.stringify(want)) return have[0].urls;
    if (Date.now() - t0 > 30000)
      throw new Error(`the cache never held version ${build.version} whole: ${JSON.stringify(have)}`);
    await page.waitForTimeout(100);
  }
}

// ---------------------------------------------------------------------------------
// 4. PNG helpers, the sample
// ---------------------------------------------------------------------------------
export function decodePng(buffer) {
  return PNG.sync.read(buffer);
}

/** Colour statistics of a region of a decoded PNG: distinct colours and grey std-dev. */
export function regionStats(png, x0 = 0, y0 = 0, w = png.width, h = png.height) {
  const colours = new Set();
  let sum = 0;
  let sum2 = 0;
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(png.height, y0 + h); y++) {
    for (let x = Math.max(0, x0); x < Math.min(png.width, x0 + w); x++) {
      const i = (y * png.width + x) * 4;
      const r = png.data[i], g = png.data[i + 1], b = png.data[i + 2];
      colours.add((r << 16) | (g << 8) | b);
      const grey = 0.299 * r + 0.587 * g + 0.114 * b;
      sum += grey;
      sum2 += grey * grey;
      n++;
    }
  }
  const mean = sum / n;
  return { colours: colours.size, stddev: Math.sqrt(Math.max(0, sum2 / n - mean * mean)), mean };
}

/** A small dataset the app loads cleanly: one place, n forums titled from `title`. */
export const small = (title, n = 1) => JSON.stringify({
  format: 'coalition-atlas', version: 1, title,
  places: [{ id: 'sg', name: 'Singapore', country: 'SG', lat: 1.29, lon: 103.85 }],
  events: Array.from({ length: n }, (_, i) => ({
    id: `e${i}`, kind: 'forum', title: `${title} forum ${i}`, date: '2018-05', place: 'sg',
  })),
});

export function sample() {
  return JSON.parse(readFileSync(join(ROOT, 'data', 'sample.json'), 'utf8'));
}
