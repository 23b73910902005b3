// import_bench.mjs FILE LABEL [ROUNDS] — atlas.loadJSON against the browser's own JSON.parse on
// the same text, side by side in one fresh headless Chromium page.
//
// How it is measured: the page (the built app, tests/e2e/harness.mjs) fetches FILE once
// as text. Then, ROUNDS times (default 7), it times JSON.parse(text) and
// atlas.loadJSON(text) with performance.now(), alternating which goes first, and lets
// the app draw and settle between the two (a loadJSON replaces the data, which the
// views then rebuild: not part of either time). loadJSON's time is everything a script
// waits for: the copy of the text into the wasm heap, parsing and checking it, building
// the model, replacing the data (an undoable step), and the diagnostics back as JSON.
// Prints one JSON object a line (LABEL names the size, e.g. 50mb): web_import_ms_LABEL and
// json_parse_ms_LABEL (medians), and web_import_ratio_vs_json_parse_LABEL, the ratio of
// the medians.
import { openApp, settle, start } from '../../tests/e2e/harness.mjs';

const [file, label, roundsArg] = process.argv.slice(2);
if (!file || !label) {
  console.error('usage: node tools/benchmarks/import_bench.mjs FILE LABEL [ROUNDS]');
  process.exit(2);
}
const rounds = Math.max(5, Number(roundsArg) || 7);
const emit = (name, value, unit) => console.log(JSON.stringify({ name, value, unit }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const env = await start();
try {
  const { page, context } = await openApp(env);
  await page.route('**/bench-dataset.json', (route) =>
    route.fulfill({ path: file, contentType: 'application/json' }));
  const bytes = await page.evaluate(async () => {
    window.benchText = await (await fetch('/bench-dataset.json')).text();
    return new TextEncoder().encode(window.benchText).length;
  });
  const parseMs = [];
  const importMs = [];
  for (let i = 0; i < rounds; i++) {
    for (const which of i % 2 ? ['import', 'parse'] : ['parse', 'import']) {
      const r = await page.evaluate((w) => {
        const text = window.benchText;
        const t0 = performance.now();
        if (w === 'parse') {
          const doc = JSON.parse(text);
          return { ms: performance.now() - t0, ok: typeof doc === 'object' };
        }
        const diagnostics = atlas.loadJSON(text, 'bench');
        return { ms: performance.now() - t0, ok: !diagnostics.some((d) => d.severity === 'error') };
      }, which);
      if (!r.ok) throw new Error(`${which} of ${file} failed`);
      (which === 'parse' ? parseMs : importMs).push(r.ms);
      await settle(page, 300, 60000);
    }
  }
  const imp = median(importMs);
  const parse = median(parseMs);
  emit(`web_import_ms_${label}`, Math.round(imp), 'ms');
  emit(`json_parse_ms_${label}`, Math.round(parse), 'ms');
  emit(`web_import_ratio_vs_json_parse_${label}`, Math.round((imp / parse) * 100) / 100, 'ratio');
  console.error(`import_bench: ${bytes} bytes; loadJSON ms ${importMs.map(Math.round).join(' ')}; ` +
    `JSON.parse ms ${parseMs.map(Math.round).join(' ')}`);
  await context.close();
} finally {
  await env.close();
}
