// web_bench.mjs — the web app's numbers: bytes to download (raw and gzipped, each file
// at gzip -9), a first visit's bytes as the server sent them, and, in headless Chromium,
// frames drawn while idle (the times to the first frame are first_visit_bench.mjs's).
// Prints one JSON object a line: {"name", "value", "unit"}.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readBuild } from '../web/stamp_version.mjs';
import { SITE, openApp, settle, start, waitForCachedVersion } from '../../tests/e2e/harness.mjs';

const emit = (name, value, unit) => console.log(JSON.stringify({ name, value, unit }));
const gz = (name) => gzipSync(readFileSync(join(SITE, name)), { level: 9 }).length;
// What the first frame waits for.
const files = ['index.html', 'store.js', 'atlas.js', 'style.css', 'favicon.svg', 'coalition-atlas.js', 'coalition-atlas.wasm',
  'basemap.bin'];
let raw = 0;
let gzTotal = 0;
for (const f of files) {
  raw += readFileSync(join(SITE, f)).length;
  gzTotal += gz(f);
}
emit('wasm_bytes', readFileSync(join(SITE, 'coalition-atlas.wasm')).length, 'bytes');
emit('wasm_gz_bytes', gz('coalition-atlas.wasm'), 'bytes');
emit('download_bytes', raw, 'bytes');
emit('download_gz_bytes', gzTotal, 'bytes');

// A first visit as the server sees it: a fresh browser context opens the page (the
// sample) and stays until the service worker holds the whole version and the app is
// idle. Every answer the server gave is counted: first_visit_wire_bytes as sent (brotli
// where the browser takes it), first_visit_gz_bytes as each downloaded file at gzip -9
// (a file downloaded twice counts twice; a 304 counts nothing). Not the CJK font, the
// city list or the zones: only Chinese text, a city search or times ask for them.
const answers = [];
const env = await start({ sent: (a) => answers.push(a) });
try {
  {
    const { page, context } = await openApp(env);
    await waitForCachedVersion(page, readBuild(SITE));
    await settle(page);
    let wire = 0;
    let gzSeen = 0;
    for (const a of answers.filter((x) => x.status === 200)) {
      wire += a.bytes;
      gzSeen += gz(a.path === '/' ? 'index.html' : a.path.slice(1));
    }
    emit('first_visit_wire_bytes', wire, 'bytes');
    emit('first_visit_gz_bytes', gzSeen, 'bytes');
    console.error('web_bench: a first visit downloaded ' + answers.filter((x) => x.status === 200)
      .map((a) => `${a.path} ${a.bytes}${a.encoding ? ' ' + a.encoding : ''}`).join(', ') +
      `; ${answers.filter((x) => x.status === 304).length} answered 304`);
    await context.close();
  }
  const { page, context } = await openApp(env);
  const settled = await settle(page);
  await page.waitForTimeout(2000);
  emit('idle_redraws_2s', (await page.evaluate(() => atlas.frameStats().frames)) - settled, 'frames');
  await context.close();
} finally {
  await env.close();
}
