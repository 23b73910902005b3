// update.test.mjs — the service worker across versions, on a copy of the built site that
// the test turns into version 2: a deploy seen half done (the new JavaScript without its
// WebAssembly) is never stored and, offline, the last whole version starts; once the
// deploy is whole, a reload gets version 2 whole, the worker replaces version 1 with it,
// and offline it is version 2 that starts, whole.
import { strict as assert } from 'node:assert';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readBuild, stamp } from '../../tools/web/stamp_version.mjs';
import { ROOT, SITE, openApp, start, waitForCachedVersion } from './harness.mjs';

let env;
const dir = mkdtempSync(join(tmpdir(), 'atlas-site-'));
before(async () => {
  cpSync(SITE, dir, { recursive: true });
  env = await start({ site: dir });
});
after(async () => {
  if (env) await env.close();
  rmSync(dir, { recursive: true, force: true });
});

// Version 2: the same app with a mark in its JavaScript and in its WebAssembly (a custom
// section, which the engine ignores), stamped the way the build stamps a version.
function makeVersion2() {
  appendFileSync(join(dir, 'coalition-atlas.js'), '\n;globalThis.atlasTestVersion = 2;\n');
  const wasm = readFileSync(join(dir, 'coalition-atlas.wasm'));
  const name = Buffer.from('atlas-test');
  const body = Buffer.concat([Buffer.from([name.length]), name, Buffer.from('version 2')]);
  // Section id 0 (custom), its size as one LEB128 byte (< 128), then the section.
  writeFileSync(join(dir, 'coalition-atlas.wasm'), Buffer.concat([wasm, Buffer.from([0, body.length]), body]));
  const v1 = readBuild(dir);
  return stamp({ site: dir, web: join(ROOT, 'web'), precache: Object.keys(v1.files),
    optional: Object.keys(v1.optional) });
}

// Which version the page runs: the mark in the app's JavaScript, and the files it loaded.
const running = (page) => page.evaluate(() => ({
  mark: globalThis.atlasTestVersion || 1,
  files: [...new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name))
    .filter((u) => /^\/(atlas\.js|style\.css|coalition-atlas\.(js|wasm))$/.test(u.pathname))
    .map((u) => u.pathname.slice(1) + u.search))].sort(),
}));
const whole = (mark, version) => ({ mark, files: ['atlas.js', 'coalition-atlas.js', 'coalition-atlas.wasm',
  'style.css'].map((n) => `${n}?v=${version}`) });

async function reload(page) {
  await page.reload();
  await page.waitForFunction(() => window.atlas && window.atlas.ready, null, { timeout: 30000 });
  await page.evaluate(() => atlas.ready);
}

async function offline(context, page, fn) {
  await env.stopServer();  // the service worker's own fetches fail too
  await context.setOffline(true);
  try {
    await reload(page);
    await fn();
  } finally {
    await context.setOffline(false);
    await env.startServer();
  }
}

test('a new version is taken whole or not at all, and offline the last whole one starts', async () => {
  const v1 = readBuild(dir);
  const { page, context } = await openApp(env);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await waitForCachedVersion(page, v1);
  assert.deepEqual(await running(page), whole(1, v1.version));

  // Version 2 on the server without its WebAssembly: the page cannot start online (and
  // says so), and the new worker's install fails rather than keep a mismatched pair.
  const v2 = makeVersion2();
  assert.notEqual(v2.version, v1.version);
  const wasm = join(dir, 'coalition-atlas.wasm');
  renameSync(wasm, wasm + '.away');
  await page.reload();
  await page.waitForFunction(() => getComputedStyle(document.getElementById('error')).display === 'block');
  const installed = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg.update();
    const w = reg.installing;
    if (!w) return 'no new worker';
    return new Promise((done) => w.addEventListener('statechange', () => {
      if (w.state !== 'installing') done(w.state);
    }));
  });
  assert.equal(installed, 'redundant');
  await waitForCachedVersion(page, v1);
  await offline(context, page, async () => {
    assert.deepEqual(await running(page), whole(1, v1.version));
  });

  // The deploy completes: a reload gets version 2 whole at once (from the server), and
  // the worker replaces version 1 with it.
  renameSync(wasm + '.away', wasm);
  await reload(page);
  assert.deepEqual(await running(page), whole(2, v2.version));
  await waitForCachedVersion(page, v2);
  const stored = await page.evaluate(async (name) => {
    const r = await (await caches.open(name)).match(new URL('coalition-atlas.wasm', location.href).href);
    return new TextDecoder().decode(new Uint8Array(await r.arrayBuffer()).slice(-9));
  }, 'coalition-atlas-' + v2.version);
  assert.equal(stored, 'version 2');
  await offline(context, page, async () => {
    assert.deepEqual(await running(page), whole(2, v2.version));
  });
  await context.close();
});
