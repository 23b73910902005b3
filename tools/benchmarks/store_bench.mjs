// store_bench.mjs FILE [ROUNDS] — a large dataset kept in the browser's store (IndexedDB,
// web/store.js) and opened again: how many events come back after a reload, and how long
// the reload takes to the first frame.
//
// How it is measured: one fresh headless Chromium page (the built app,
// tests/e2e/harness.mjs) fetches FILE (the 100,000-event dataset tools/bench generates),
// opens it with atlas.loadJSON and waits until the store says it is saved; then opens it
// once more with another title and waits again, so both of the store's slots hold the
// 100,000 events (as after any edit of an imported dataset). Then, ROUNDS
// times (default 3), the page is reloaded and the time from navigation to the app's first
// frame is read from the page's own performance mark ('atlas-first-frame', set by
// web/atlas.js): that covers downloading the app (from the service worker's cache after
// the first visit), reading the stored copy, starting and loading it. Prints one JSON
// object a line: stored_100k_events_after_reload (atlas.stats().events after the last
// reload: must be 100,000), stored_100k_first_frame_ms (the median), and
// stored_100k_bytes (the dataset's size).
import { openApp, poll, start } from '../../tests/e2e/harness.mjs';

const [file, roundsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tools/benchmarks/store_bench.mjs FILE [ROUNDS]');
  process.exit(2);
}
const rounds = Math.max(3, Number(roundsArg) || 3);
const emit = (name, value, unit) => console.log(JSON.stringify({ name, value, unit }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const env = await start();
try {
  const { page, context } = await openApp(env);
  await page.route('**/bench-dataset.json', (route) =>
    route.fulfill({ path: file, contentType: 'application/json' }));
  let bytes = 0;
  for (const title of [null, 'edited']) {
    const size = await page.evaluate(async (title) => {
      let text = await (await fetch('/bench-dataset.json')).text();
      if (title) text = JSON.stringify({ ...JSON.parse(text), title });
      const errors = atlas.loadJSON(text, 'bench').filter((d) => d.severity === 'error');
      if (errors.length) throw new Error('the dataset does not load: ' + errors[0].message);
      return new TextEncoder().encode(text).length;
    }, title);
    bytes = bytes || size;  // the file's own size
    await page.evaluate(() => atlas.flush());
    await poll(page, () => atlas.storageStatus().saved, null, { timeout: 300000 });
  }
  const stored = await page.evaluate(() => atlas.stats().events);
  const firstFrame = [];
  let events = 0;
  for (let i = 0; i < rounds; i++) {
    await page.reload();
    await page.waitForFunction(() => window.atlas && window.atlas.ready, null, { timeout: 300000 });
    await page.evaluate(() => atlas.ready);
    firstFrame.push(await page.evaluate(() => performance.getEntriesByName('atlas-first-frame')[0].startTime));
    events = await page.evaluate(() => atlas.stats().events);
  }
  emit('stored_100k_events_after_reload', events, 'events');
  emit('stored_100k_first_frame_ms', Math.round(median(firstFrame)), 'ms');
  emit('stored_100k_bytes', bytes, 'bytes');
  console.error(`store_bench: ${bytes} bytes, ${stored} events stored; first frame ms ` +
    firstFrame.map(Math.round).join(' '));
  await context.close();
} finally {
  await env.close();
}
