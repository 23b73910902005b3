// csv_import_bench.mjs FILE.csv [ROUNDS] — a CSV import in the browser, as the native
// atlas-bench-import times it: read, guess the mapping, plan every row, add the items as
// one undoable step, into an empty dataset, without the city list.
//
// How it is measured: each round (default 3) opens the built app in a fresh headless
// Chromium context (tests/e2e/harness.mjs), loads an empty dataset, fetches FILE as text,
// then times atlas.importCSV(text) with performance.now(): everything a script waits for
// (the copy into the wasm heap, reading, planning, the one History step, the answer back
// as JSON), not the views' rebuild after it. A round whose import is refused, or adds
// another number of events than the file's rows, fails the bench.
// Prints one JSON object: web_csv_import_rows_per_s_100k (the median round's rows/s;
// the name says 100k because tools/bench passes the 100,000-row file).
import { openApp, settle, start } from '../../tests/e2e/harness.mjs';

const [file, roundsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tools/benchmarks/csv_import_bench.mjs FILE.csv [ROUNDS]');
  process.exit(2);
}
const rounds = Math.max(1, Number(roundsArg) || 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const empty = JSON.stringify({ format: 'coalition-atlas', version: 1, title: 'bench' });

const env = await start();
try {
  const perSecond = [];
  const ms = [];
  for (let i = 0; i < rounds; i++) {
    const { page, context } = await openApp(env);
    await settle(page, 300, 60000);
    await page.route('**/bench-rows.csv', (route) =>
      route.fulfill({ path: file, contentType: 'text/csv' }));
    const r = await page.evaluate(async (emptyText) => {
      atlas.loadJSON(emptyText, 'bench');
      const text = await (await fetch('/bench-rows.csv')).text();
      const t0 = performance.now();
      const out = atlas.importCSV(text, { cities: false }, 'bench.csv');
      const elapsed = performance.now() - t0;
      return { ms: elapsed, imported: out.imported, error: out.error, events: out.events,
        stats: atlas.stats().events };
    }, empty);
    if (!r.imported || r.events !== r.stats) throw new Error(`the import failed: ${JSON.stringify(r)}`);
    ms.push(r.ms);
    perSecond.push(r.events / (r.ms / 1000));
    console.error(`csv_import_bench: round ${i + 1}: ${r.events} rows in ${Math.round(r.ms)} ms`);
    await context.close();
  }
  console.log(JSON.stringify({ name: 'web_csv_import_rows_per_s_100k',
    value: Math.round(median(perSecond)), unit: 'rows/s' }));
} finally {
  await env.close();
}
