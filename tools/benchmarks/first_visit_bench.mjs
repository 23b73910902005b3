// first_visit_bench.mjs [ROUNDS] — what a first-time visitor waits for, ours beside
// TimelineJS's, on the same 100 events. Prints one JSON object a line: {"name", "value",
// "unit"}; the single runs go to stderr.
//
//   1. The data: build/bench/events-100.json (atlas-gen --events 100 --seed 7, as the
//      viewer bench uses), and the same events as TimelineJS JSON (atlas.exportAs, the
//      code `atlas convert` uses)
//   2. Ours: the built site plus that file, served on loopback by tools/serve.mjs;
//      `index.html?data=events-100.json` in a fresh browser context each run (no HTTP
//      cache, no code cache, no service worker). The time is the page's own mark
//      'atlas-data-shown' (web/atlas.js: the frame after the dataset was opened has been
//      drawn and painted), from the navigation's start. Each run checks that the app holds
//      the 100 events and that that frame drew them (timeline items and map markers > 0).
//      The median time of each of the page's marks and of each file's arrival goes to
//      stderr: where the time goes.
//   3. TimelineJS 3.9.11 from node_modules (@knight-lab/timelinejs), given the converted
//      file's URL as a published timeline is; timed to the painted frame after its 'ready'
//      (its slides and time navigation are laid out then): two requestAnimationFrames and
//      a timer, from the navigation's start. Each run checks it holds 100 events.
//   4. The two sides alternate run by run, in the same browser with the same flags (the
//      browser tests' harness), ROUNDS each (at least 5); the medians are printed, and
//      their ratio (first_frame_ratio_vs_timelinejs: below 1 is faster than TimelineJS).
//   5. The sample with no ?data=: first_frame_ms (fresh context each run; the painted first
//      frame), then second_visit_first_frame_ms: the same context opened again once the
//      service worker has installed and controls the page (its cache, the browser's code
//      cache).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SITE, start } from '../../tests/e2e/harness.mjs';
import { serve } from '../serve.mjs';

const emit = (name, value, unit) => console.log(JSON.stringify({ name, value, unit }));
const rounds = Math.max(5, Number(process.argv[2]) || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (what, xs) => console.error(`first_visit_bench: ${what} ms ${xs.map(Math.round).join(' ')}`);

// 1. The data
const BIN = join(ROOT, 'build', 'desktop');
const OUT = join(ROOT, 'build', 'bench');
mkdirSync(OUT, { recursive: true });
const events = join(OUT, 'events-100.json');
if (!existsSync(events))
  execFileSync(join(BIN, 'atlas-gen'), ['--events', '100', '--seed', '7', '-o', events]);
const tlFile = join(OUT, 'events-100.timeline.json');

// 2. Our site with the file beside it (links: nothing copied)
const ours = mkdtempSync(join(tmpdir(), 'atlas-first-visit-'));
for (const f of readdirSync(SITE)) symlinkSync(join(SITE, f), join(ours, f));
symlinkSync(events, join(ours, 'events-100.json'));

// 3. TimelineJS's page
const tl = mkdtempSync(join(tmpdir(), 'atlas-first-visit-tl-'));
symlinkSync(join(ROOT, 'node_modules', '@knight-lab', 'timelinejs', 'dist'), join(tl, 'tl'));
symlinkSync(tlFile, join(tl, 'events-100.timeline.json'));
writeFileSync(join(tl, 'index.html'), `<!doctype html><meta charset="utf-8">
<title>TimelineJS</title>
<link rel="stylesheet" href="tl/css/timeline.css">
<div id="timeline" style="width: 100%; height: 760px"></div>
<script src="tl/js/timeline.js"></script>
<script>
  window.timeline = new TL.Timeline('timeline', 'events-100.timeline.json', { hash_bookmark: false });
  window.timeline.on('ready', () => requestAnimationFrame(() => requestAnimationFrame(
    () => setTimeout(() => performance.mark('timelinejs-shown')))));
</script>`);

const env = await start({ site: ours });
{  // The TimelineJS file, written by our own export (File > Export > TimelineJS JSON).
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.url}index.html?data=events-100.json`);
  await page.waitForFunction(() => window.atlas && window.atlas.ready, null, { timeout: 120000 });
  await page.evaluate(() => atlas.ready);
  await page.waitForFunction(() => atlas.stats().events === 100, null, { timeout: 120000 });
  const out = await page.evaluate(() => atlas.exportAs('timelinejs'));
  if (out.error) throw new Error(`the TimelineJS export failed: ${out.error}`);
  writeFileSync(tlFile, out.text);
  await context.close();
}
const tlServer = await serve(tl, 0);
const tlUrl = `http://127.0.0.1:${tlServer.address().port}/index.html`;
const viewport = { viewport: { width: 1280, height: 800 } };

async function markTime(page, name) {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 120000 });
  return page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, name);
}

const steps = {};
async function oursOnce() {
  const context = await env.browser.newContext(viewport);
  try {
    const page = await context.newPage();
    await page.goto(`${env.url}index.html?data=events-100.json`);
    const t = await markTime(page, 'atlas-data-shown');
    const shown = await page.evaluate(() => ({ stats: atlas.stats(),
      drawn: performance.getEntriesByName('atlas-data-shown')[0].detail,
      // Where the time went (README.md's performance notes): the page's marks, and when
      // each file had arrived.
      steps: [...performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
        ...performance.getEntriesByType('resource').map((r) =>
          [`${r.name.replace(/^.*\//, '').replace(/\?.*$/, '')} arrived`, r.responseEnd])] }));
    for (const [name, t] of shown.steps) (steps[name] ??= []).push(t);
    if (shown.stats.events !== 100) throw new Error(`ours holds ${shown.stats.events} events, not 100`);
    if (!(shown.drawn && shown.drawn.timelineItems > 0 && shown.drawn.mapMarkers > 0))
      throw new Error(`the marked frame did not draw the events: ${JSON.stringify(shown.drawn)}`);
    return t;
  } finally {
    await context.close();
  }
}

async function timelineOnce() {
  const context = await env.browser.newContext(viewport);
  try {
    const page = await context.newPage();
    await page.goto(tlUrl);
    const t = await markTime(page, 'timelinejs-shown');
    const n = await page.evaluate(() => window.timeline.config.events.length);
    if (n !== 100) throw new Error(`TimelineJS holds ${n} events, not 100`);
    return t;
  } finally {
    await context.close();
  }
}

try {
  // 4. Alternating, ours first in odd rounds and TimelineJS first in even ones.
  const a = [];
  const b = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      a.push(await oursOnce());
      b.push(await timelineOnce());
    } else {
      b.push(await timelineOnce());
      a.push(await oursOnce());
    }
  }
  for (const [name, ts] of Object.entries(steps).sort((x, y) => median(x[1]) - median(y[1])))
    console.error(`first_visit_bench:   ${String(Math.round(median(ts))).padStart(6)} ms  ${name}`);
  log('ours (?data=, 100 events)', a);
  log('TimelineJS (100 events)', b);
  emit('first_data_frame_ms_100', Math.round(median(a)), 'ms');
  emit('timelinejs_first_frame_ms_100', Math.round(median(b)), 'ms');
  emit('first_frame_ratio_vs_timelinejs', Number((median(a) / median(b)).toFixed(2)), 'ratio');

  // 5. The sample: first visits, then a second visit in the last visit's context.
  const first = [];
  const second = [];
  for (let i = 0; i < rounds; i++) {
    const context = await env.browser.newContext(viewport);
    try {
      const page = await context.newPage();
      await page.goto(env.url);
      first.push(await markTime(page, 'atlas-first-frame'));
      // The worker has installed and took the page (web/sw.js claims open pages).
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120000 });
      await page.goto(env.url);
      second.push(await markTime(page, 'atlas-first-frame'));
      const fromWorker = await page.evaluate(() =>
        performance.getEntriesByType('resource').some((r) => r.name.includes('coalition-atlas.wasm') &&
          r.workerStart > 0));
      if (!fromWorker) throw new Error('the second visit did not get the app through the service worker');
    } finally {
      await context.close();
    }
  }
  log('sample, first visit', first);
  log('sample, second visit', second);
  emit('first_frame_ms', Math.round(median(first)), 'ms');
  emit('second_visit_first_frame_ms', Math.round(median(second)), 'ms');
} finally {
  await env.close();
  await new Promise((r) => tlServer.close(r));
  tlServer.closeAllConnections();
}
