// web_bench.mjs — the web app's numbers: bytes to download (raw and gzipped, each file
// at gzip -9), and, in headless Chromium, frames drawn while idle (the times to the
// first frame are first_visit_bench.mjs's). Prints one JSON object a line: {"name", "value", "unit"}.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SITE, openApp, settle, start } from '../../tests/e2e/harness.mjs';

const emit = (name, value, unit) => console.log(JSON.stringify({ name, value, unit }));
const files = ['index.html', 'store.js', 'atlas.js', 'style.css', 'favicon.svg', 'coalition-atlas.js', 'coalition-atlas.wasm',
  'basemap.bin'];
let raw = 0;
let gz = 0;
for (const f of files) {
  const bytes = readFileSync(join(SITE, f));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
  if (f === 'coalition-atlas.wasm') {
    emit('wasm_bytes', bytes.length, 'bytes');
    emit('wasm_gz_bytes', gzipSync(bytes, { level: 9 }).length, 'bytes');
  }
}
emit('download_bytes', raw, 'bytes');
emit('download_gz_bytes', gz, 'bytes');
// Everything a first visit fetches: the above (what the first frame waits for), the
// city list (fetched as the app starts, not waited for; kept for offline use), the
// manifest and the service worker. Not the CJK font: only Chinese, Japanese or Korean
// text asks for it.
const later = gzipSync(readFileSync(join(SITE, 'gazetteer.bin')), { level: 9 }).length +
  gzipSync(readFileSync(join(SITE, 'manifest.webmanifest')), { level: 9 }).length +
  gzipSync(readFileSync(join(SITE, 'sw.js')), { level: 9 }).length;
emit('first_visit_gz_bytes', gz + later, 'bytes');

const env = await start();
try {
  const { page, context } = await openApp(env);
  const settled = await settle(page);
  await page.waitForTimeout(2000);
  emit('idle_redraws_2s', (await page.evaluate(() => atlas.frameStats().frames)) - settled, 'frames');
  await context.close();
} finally {
  await env.close();
}
