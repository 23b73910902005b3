// harness.mjs — what the browser tests share: the built page served on loopback, and
// Debian's Chromium driven by playwright-core (headless, WebGL 2 through SwiftShader).
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

/** Serves the site and launches the browser; returns {url, browser, close()}. */
export async function start() {
  if (!existsSync(join(SITE, 'coalition-atlas.wasm')))
    throw new Error(`no built page at ${SITE}: build the web target first (tools/test does)`);
  const server = await serve(SITE, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

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

export function sample() {
  return JSON.parse(readFileSync(join(ROOT, 'data', 'sample.json'), 'utf8'));
}
