// check_exports.mjs — every export of `atlas convert`, read by the receiving side's own
// parser (never by ours):
//   1. CSV: csv-parse in strict mode (every table; plain and Excel), the formula guard
//   2. GeoJSON: @placemarkio/check-geojson, plus latitude/longitude ranges and longitude first
//   3. KML: well-formed by xmllint (libxml2), and @tmcw/togeojson finds the same points
//   4. StoryMapJS: the shape its loader reads (StoryMapJS is not on npm: see README)
//   5. TimelineJS JSON: the shape of its config (TimelineJS itself reads it in
//      timelinejs_browser.mjs)
// On the sample and on a generated dataset with hostile text (quotes, formulas, XML
// specials, line breaks, non-Latin scripts).
//
//   node tests/interchange/check_exports.mjs PATH_TO_atlas PATH_TO_atlas-gen
//
// Ends with "N passed, M failed"; exits 1 on any failure, 2 on a usage error. A missing
// package or tool is a failure (the imports below fail loudly), never a skip.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { check as checkGeoJSON } from "@placemarkio/check-geojson";
import { kml as kmlToGeoJSON } from "@tmcw/togeojson";
import { DOMParser } from "@xmldom/xmldom";
import { parse as parseCsv } from "csv-parse/sync";

const root = fileURLToPath(new URL("../../", import.meta.url));
const [atlas, atlasGen] = process.argv.slice(2).map((p) => path.resolve(p));
if (!atlas || !atlasGen) {
  console.error("usage: node tests/interchange/check_exports.mjs PATH_TO_atlas PATH_TO_atlas-gen");
  process.exit(2);
}

let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    const problem = fn();
    if (problem) throw new Error(problem);
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-exports-"));
process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
const convert = (input, out, ...args) =>
  execFileSync(atlas, ["convert", input, "-o", path.join(tmp, out), ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
const read = (f) => fs.readFileSync(path.join(tmp, f));

// --- the inputs: the sample, and a dataset with hostile text -------------------------
const sample = path.join(root, "data", "sample.json");
const sampleData = JSON.parse(fs.readFileSync(sample, "utf8"));
const hostile = path.join(tmp, "hostile.json");
{
  const d = JSON.parse(fs.readFileSync(sample, "utf8"));
  const nasty = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "Quotes \"inside\", commas; semicolons",
    "Line one\nline two\r\nline three",
    "XML <tag> & 'apos' \"quot\" ]]>",
    "香港 Hà Nội กรุงเทพฯ",
  ];
  d.events.forEach((e, i) => {
    e.title = nasty[i % nasty.length] + " " + i;
    e.notes = nasty[(i + 3) % nasty.length];
  });
  d.places[0].lon = -179.99;
  d.places[0].lat = -89.5;
  fs.writeFileSync(hostile, JSON.stringify(d));
  execFileSync(atlas, ["validate", hostile]);
}
const generated = path.join(tmp, "generated.json");
execFileSync(atlasGen, ["--events", "500", "--intervals", "50", "--seed", "11", "-o", generated]);
const inputs = { sample, hostile, generated };

// --- 1. CSV, by csv-parse in strict mode ---------------------------------------------
const tables = {
  events: ["id", "kind", "title", "date", "earliest_day", "latest_day", "place", "place_id", "country",
    "latitude", "longitude", "organisations", "notes", "links", "source"],
  places: ["id", "name", "country", "latitude", "longitude", "notes", "source"],
  organisations: ["id", "name", "sector", "country", "notes", "source"],
  "working-groups": ["id", "name", "country", "active", "earliest_day", "latest_day", "members",
    "member_sectors", "origin", "notes", "source"],
};
const collection = { events: "events", places: "places", organisations: "organisations",
  "working-groups": "working_groups" };
for (const [name, input] of Object.entries(inputs)) {
  const data = JSON.parse(fs.readFileSync(input, "utf8"));
  for (const [table, header] of Object.entries(tables)) {
    for (const excel of [false, true]) {
      const out = `${name}-${table}${excel ? "-excel" : ""}.csv`;
      check(`${name}: ${table} CSV${excel ? " for Excel" : ""} parses with csv-parse (strict)`, () => {
        convert(input, out, "--table", table, ...(excel ? ["--excel"] : []));
        const bytes = read(out);
        const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
        if (bom !== excel) return `byte order mark ${bom ? "present" : "missing"}`;
        // Strict: no relaxed quotes, no ragged rows, no skipped lines, the BOM only if asked.
        const records = parseCsv(bytes, {
          bom: excel,
          relax_quotes: false,
          relax_column_count: false,
          skip_empty_lines: false,
          skip_records_with_error: false,
          record_delimiter: "\r\n",
        });
        if (JSON.stringify(records[0]) !== JSON.stringify(header))
          return `header ${JSON.stringify(records[0])}`;
        const items = data[collection[table]] || [];
        if (records.length !== items.length + 1)
          return `${records.length - 1} records for ${items.length} items`;
        for (let i = 0; i < items.length; i++) {
          if (records[i + 1][0] !== items[i].id) return `record ${i + 1} has id ${records[i + 1][0]}`;
          const nameCol = table === "events" ? 2 : 1;
          const want = items[i].title ?? items[i].name;
          const got = records[i + 1][nameCol];
          // The formula guard: a leading ' on cells a spreadsheet would run.
          const guarded = /^[=+\-@\t\r]/.test(want) && !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(want);
          if (got !== (guarded ? "'" + want : want)) return `record ${i + 1}: ${JSON.stringify(got)} for ${JSON.stringify(want)}`;
        }
      });
    }
  }
}
check("hostile: no cell of the events CSV starts a formula", () => {
  const records = parseCsv(read("hostile-events.csv"), { relax_quotes: false });
  for (const r of records)
    for (const cell of r)
      if (/^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell)))
        return `a cell starts a formula: ${JSON.stringify(cell)}`;
});

// --- 2. GeoJSON, by @placemarkio/check-geojson ---------------------------------------
const points = {};
for (const [name, input] of Object.entries(inputs)) {
  check(`${name}: GeoJSON passes check-geojson, longitude first and in range`, () => {
    convert(input, `${name}.geojson`);
    const text = read(`${name}.geojson`).toString("utf8");
    const fc = checkGeoJSON(text); // throws with the issues
    if (fc.type !== "FeatureCollection") return `type ${fc.type}`;
    const data = JSON.parse(fs.readFileSync(input, "utf8"));
    const places = new Map(data.places.map((p) => [p.id, p]));
    const located = data.events.filter((e) => places.get(e.place)?.lat !== undefined);
    if (fc.features.length !== located.length)
      return `${fc.features.length} features for ${located.length} located events`;
    points[name] = [];
    for (const f of fc.features) {
      const [lon, lat] = f.geometry.coordinates;
      if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) return `out of range: ${lon}, ${lat}`;
      const p = places.get(f.properties.place_id);
      if (!p || p.lon !== lon || p.lat !== lat) return `feature ${f.id} is not at its place (lon first?)`;
      points[name].push([f.properties.title, lon, lat]);
    }
  });
}

// --- 3. KML, by xmllint and @tmcw/togeojson -------------------------------------------
for (const [name, input] of Object.entries(inputs)) {
  check(`${name}: KML is well-formed XML (xmllint)`, () => {
    convert(input, `${name}.kml`);
    const r = spawnSync("xmllint", ["--noout", path.join(tmp, `${name}.kml`)], { encoding: "utf8" });
    if (r.error) return `xmllint could not run (${r.error.code}): install libxml2-utils`;
    if (r.status !== 0) return r.stderr.split("\n").slice(0, 3).join(" / ");
  });
  check(`${name}: togeojson reads the KML's placemarks at the GeoJSON's points`, () => {
    const dom = new DOMParser().parseFromString(read(`${name}.kml`).toString("utf8"), "text/xml");
    const gj = kmlToGeoJSON(dom);
    const got = gj.features.map((f) => [f.properties.name, ...f.geometry.coordinates]);
    const want = points[name];
    if (!want) return "no GeoJSON points to compare with";
    if (JSON.stringify(got) !== JSON.stringify(want))
      return `first difference: ${JSON.stringify(got.find((g, i) => JSON.stringify(g) !== JSON.stringify(want[i])))}`;
    const withSpan = gj.features.filter((f) => f.properties.timespan || f.properties.timestamp).length;
    if (withSpan === 0) return "no TimeSpan or TimeStamp read";
  });
}

// --- 4. StoryMapJS ---------------------------------------------------------------------
check("sample: StoryMapJS slides: the overview first, then a slide per event with its place", () => {
  convert(sample, "sample.storymap.json");
  const sm = JSON.parse(read("sample.storymap.json")).storymap;
  if (!Array.isArray(sm.slides)) return "no slides";
  if (sm.slides[0].type !== "overview") return "the first slide is not the overview";
  if (sm.slides.length !== sampleData.events.length + 1) return `${sm.slides.length} slides`;
  for (const s of sm.slides.slice(1)) {
    if (typeof s.text?.headline !== "string" || typeof s.date !== "string") return "a slide without text or date";
    if (s.location && !(Math.abs(s.location.lat) <= 90 && Math.abs(s.location.lon) <= 180))
      return "a location out of range";
  }
});

// --- 5. TimelineJS JSON shape -----------------------------------------------------------
check("sample: TimelineJS JSON has an event per dated event, each with a start year", () => {
  convert(sample, "sample.timeline.json");
  const t = JSON.parse(read("sample.timeline.json"));
  const dated = sampleData.events.filter((e) => e.date).length;
  if (t.events.length !== dated) return `${t.events.length} events for ${dated} dated`;
  for (const e of t.events) if (!/^-?\d+$/.test(e.start_date.year)) return `start year ${e.start_date.year}`;
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
