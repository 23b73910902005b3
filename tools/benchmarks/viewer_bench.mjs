// viewer_bench.mjs DIR [ROUNDS] — a published site (atlas publish) as a first-time visitor
// meets it: navigation to the painted frame that shows the published dataset.
//
// How it is measured: DIR (tools/bench publishes a generated 100-event dataset there) is
// served on loopback by tools/serve.mjs; each round (default 5) is a fresh browser
// context (no HTTP cache, code cache or service worker) that opens the site and reads the
// page's own performance mark 'atlas-data-shown' (web/atlas.js: set once the frame that
// shows the linked dataset has been painted), which counts from the navigation's start:
// downloading the app, starting it, fetching and opening the dataset. Prints
// viewer_first_frame_ms_100 (the median) as one JSON object.
import { start } from '../../tests/e2e/harness.mjs';
import { serve } from '../serve.mjs';

const [dir, roundsArg] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node tools/benchmarks/viewer_bench.mjs DIR [ROUNDS]');
  process.exit(2);
}
const rounds = Math.max(5, Number(roundsArg) || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve(dir, 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const env = await start();  // the harness's browser (its server of the built app is unused)
const browser = env.browser;
try {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('atlas-data-shown').length > 0,
      null, { timeout: 120000 });
    times.push(await page.evaluate(() => performance.getEntriesByName('atlas-data-shown')[0].startTime));
    const events = await page.evaluate(() => atlas.stats().events);
    if (events !== 100) throw new Error(`the published site shows ${events} events, not 100`);
    await context.close();
  }
  console.log(JSON.stringify({ name: 'viewer_first_frame_ms_100', value: Math.round(median(times)), unit: 'ms' }));
  console.error(`viewer_bench: ms ${times.map(Math.round).join(' ')}`);
} finally {
  await env.close();
  await new Promise((r) => server.close(r));
  server.closeAllConnections();
}
