// timelinejs_browser.mjs — our TimelineJS export read by TimelineJS 3.9.11 itself, in
// Debian's Chromium (playwright-core), and back into ours:
//   1. `atlas convert` writes TimelineJS JSON (the sample, and 300 generated events)
//   2. a page loads TimelineJS (node_modules/@knight-lab/timelinejs/dist) and gives it the
//      file's URL, so TimelineJS fetches and parses it the way a published timeline is
//   3. TimelineJS fires `ready` (the wait checks the flag the handler sets), its config
//      reports no errors, and it holds one event per dated event of ours
//   4. TimelineJS's own parsed events (config.events: its TLDate data, its sanitised
//      text) are written as TimelineJS JSON and read back by `atlas convert`; every
//      title and the days every date covers survive (an open end, which TimelineJS
//      cannot say, is compared at its bounded side only)
// Needs no web build of ours.
//
//   node tests/interchange/timelinejs_browser.mjs PATH_TO_atlas PATH_TO_atlas-gen
//
// Ends with "N passed, M failed"; exits 1 on any failure.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { parse as parseCsv } from "csv-parse/sync";
import { chromium } from "playwright-core";

import { serve } from "../../tools/serve.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const [atlas, atlasGen] = process.argv.slice(2).map((p) => path.resolve(p));
if (!atlas || !atlasGen) {
  console.error("usage: node tests/interchange/timelinejs_browser.mjs PATH_TO_atlas PATH_TO_atlas-gen");
  process.exit(2);
}
const dist = path.join(root, "node_modules", "@knight-lab", "timelinejs", "dist");
const pkg = JSON.parse(fs.readFileSync(path.join(dist, "..", "package.json"), "utf8"));

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    const problem = await fn();
    if (problem) throw new Error(problem);
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-timelinejs-"));
fs.symlinkSync(dist, path.join(tmp, "tl"));
fs.writeFileSync(
  path.join(tmp, "index.html"),
  `<!doctype html><meta charset="utf-8">
<link rel="stylesheet" href="/tl/css/timeline.css">
<div id="timeline" style="width: 1000px; height: 600px"></div>
<script src="/tl/js/timeline.js"></script>
<script>
  window.tlReady = false;
  window.tlErrors = [];
  window.addEventListener("error", (e) => window.tlErrors.push(String(e.message)));
  const file = new URLSearchParams(location.search).get("data");
  window.timeline = new TL.Timeline("timeline", file, { hash_bookmark: false });
  window.timeline.on("ready", () => { window.tlReady = true; });
</script>`,
);

const ours = {
  sample: path.join(root, "data", "sample.json"),
  generated: path.join(tmp, "generated.json"),
};
execFileSync(atlasGen, ["--events", "300", "--intervals", "30", "--seed", "5", "-o", ours.generated]);

const server = await serve(tmp, 0);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

try {
  await check(`TimelineJS under test is ${pkg.version}`, () =>
    pkg.version === "3.9.11" ? "" : `found ${pkg.version}`);

  for (const [name, file] of Object.entries(ours)) {
    const data = JSON.parse(fs.readFileSync(file, "utf8"));
    const exported = path.join(tmp, `${name}.timeline.json`);
    execFileSync(atlas, ["convert", file, "-o", exported], { stdio: ["ignore", "ignore", "pipe"] });
    const dated = data.events.filter((e) => e.date);

    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    const consoleErrors = [];
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    await page.goto(`${base}index.html?data=/${name}.timeline.json`);

    let config = null;
    await check(`${name}: TimelineJS fires ready on our file`, async () => {
      // A sync predicate: it resolves only when the flag the ready handler sets is true.
      await page.waitForFunction(() => window.tlReady === true, null, { timeout: 30000 });
      config = await page.evaluate(() => {
        const c = window.timeline.config;
        const side = (d) => (d ? { year: d.data.year, month: d.data.month, day: d.data.day } : undefined);
        return {
          valid: c.isValid(),
          errors: c.getErrors().map(String),
          title: c.title && c.title.text ? c.title.text.headline : null,
          events: c.events.map((e) => ({
            unique_id: e.unique_id,
            text: { headline: e.text.headline, text: e.text.text },
            start_date: side(e.start_date),
            end_date: side(e.end_date),
            display_date: e.display_date,
            group: e.group,
          })),
        };
      });
    });
    if (!config) {
      await page.close();
      continue;
    }
    await check(`${name}: TimelineJS's config reports no errors, and no page errors`, () => {
      if (!config.valid || config.errors.length) return config.errors.join("; ");
      if (consoleErrors.length) return consoleErrors.join("; ");
    });
    await check(`${name}: TimelineJS holds an event per dated event (${dated.length})`, () =>
      config.events.length === dated.length ? "" : `${config.events.length} events`);

    // Ours -> TimelineJS -> ours: TimelineJS's own parse, read back by our importer.
    const back = path.join(tmp, `${name}.back.timeline.json`);
    fs.writeFileSync(back, JSON.stringify({ title: { text: { headline: config.title || "x" } }, events: config.events }));
    const backOurs = path.join(tmp, `${name}.back.json`);
    await check(`${name}: TimelineJS's parse reads back into ours`, () => {
      execFileSync(atlas, ["convert", back, "--from", "timelinejs", "-o", backOurs], {
        stdio: ["ignore", "ignore", "pipe"],
      });
    });
    await check(`${name}: titles and dates survive ours -> TimelineJS -> ours`, () => {
      // The days each date covers, as our events table states them (earliest_day,
      // latest_day: empty for an open end, which TimelineJS cannot say).
      const days = (file) => {
        const csv = path.join(tmp, "days.csv");
        execFileSync(atlas, ["convert", file, "-o", csv], { stdio: ["ignore", "ignore", "pipe"] });
        const rows = parseCsv(fs.readFileSync(csv), { columns: true });
        return new Map(rows.map((r) => [r.id, r]));
      };
      const before = days(file);
      const after = days(backOurs);
      for (const e of dated) {
        const a = before.get(e.id);
        const b = after.get(e.id);
        if (!b) return `${e.id} is missing`;
        if (b.title !== a.title) return `${e.id}: title ${JSON.stringify(b.title)} for ${JSON.stringify(a.title)}`;
        if (a.earliest_day && b.earliest_day !== a.earliest_day)
          return `${e.id}: ${a.date} came back as ${b.date} (earliest day ${b.earliest_day})`;
        if (a.latest_day && b.latest_day !== a.latest_day)
          return `${e.id}: ${a.date} came back as ${b.date} (latest day ${b.latest_day})`;
      }
    });
    await page.close();
  }
} finally {
  await browser.close();
  await new Promise((r) => server.close(r));
  fs.rmSync(tmp, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
