// validate.mjs — the JSON Schema (schema/coalition-atlas.schema.json) against real files,
// with a real validator (ajv, JSON Schema 2020-12).
//
//   node tests/schema/validate.mjs PATH_TO_atlas PATH_TO_atlas-gen
//
// Checks, one line each:
//   1. the schema itself compiles (ajv strict mode: no unknown keywords, no typos)
//   2. data/sample.json, `atlas format data/sample.json` and
//      `atlas-gen --events 500 --intervals 50 --seed 7` are valid
//   3. every file of the broken-input corpus that the loader accepts (warnings only)
//      is valid too: the schema must never refuse what the app opens; so are a dataset
//      with a story and one with plans (status, times, time zones, checklists), re-saved
//   4. deliberately wrong documents fail, at the same JSON Pointer the loader reports
//      (and the loader refuses them as well)
// Ends with "N passed, M failed"; exits 1 on any failure, 2 on a usage error.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Ajv2020 from "ajv/dist/2020.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const [atlas, atlasGen] = process.argv.slice(2).map((p) => path.resolve(p));
if (!atlas || !atlasGen) {
  console.error("usage: node tests/schema/validate.mjs PATH_TO_atlas PATH_TO_atlas-gen");
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

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
const run = (exe, args) => execFileSync(exe, args, { encoding: "utf8", maxBuffer: 256 << 20 });
// ajv's errors as "/pointer keyword message" lines, for failure messages.
const explain = (errors) =>
  (errors || []).map((e) => `${e.instancePath || "/"} ${e.keyword} ${e.message}`).join("; ");

// --- 1. the schema -------------------------------------------------------------------
const schemaFile = path.join(root, "schema", "coalition-atlas.schema.json");
let validate = null;
check("schema compiles (JSON Schema 2020-12, ajv strict mode)", () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  validate = ajv.compile(readJson(schemaFile));
});
if (!validate) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}
const valid = (doc) => (validate(doc) ? "" : `not valid: ${explain(validate.errors)}`);

// --- 2. real files ---------------------------------------------------------------------
const sampleFile = path.join(root, "data", "sample.json");
const sample = readJson(sampleFile);
check("data/sample.json is valid", () => valid(sample));
check("`atlas format data/sample.json` is valid", () =>
  valid(JSON.parse(run(atlas, ["format", sampleFile]))));
check("`atlas-gen --events 500 --intervals 50 --seed 7` is valid", () => {
  const doc = JSON.parse(run(atlasGen, ["--events", "500", "--intervals", "50", "--seed", "7"]));
  if (!Array.isArray(doc.events) || doc.events.length < 500)
    return `expected at least 500 events, got ${doc.events && doc.events.length}`;
  return valid(doc);
});

// --- 3. what the loader accepts, the schema accepts --------------------------------------
const badDir = path.join(root, "tests", "data", "bad");
check("every corpus file the loader accepts is valid", () => {
  const accepted = [];
  for (const name of fs.readdirSync(badDir).sort()) {
    if (!name.endsWith(".json")) continue;
    const file = path.join(badDir, name);
    if (spawnSync(atlas, ["validate", file], { encoding: "utf8" }).status !== 0) continue;
    accepted.push(name);
    const problem = valid(readJson(file));
    if (problem) return `${name}: ${problem}`;
  }
  if (accepted.length === 0) return "the loader accepted no corpus file (expected the warning cases)";
  return "";
});
check("every corpus file the loader accepts is valid once re-saved (unknown fields kept)", () => {
  for (const name of fs.readdirSync(badDir).sort()) {
    if (!name.endsWith(".json")) continue;
    const file = path.join(badDir, name);
    const r = spawnSync(atlas, ["format", file], { encoding: "utf8", maxBuffer: 64 << 20 });
    if (r.status !== 0) continue;
    const problem = valid(JSON.parse(r.stdout));
    if (problem) return `${name} re-saved: ${problem}`;
  }
  return "";
});
check("a dataset with a story (steps with camera, timeline window, caption) is valid, re-saved too", () => {
  const doc = JSON.parse(JSON.stringify(sample));
  doc.stories = [{
    id: "story-apfc", title: "The coalition so far",
    steps: [
      {},
      { item: "rt-hk", map: { lon: 114.16, lat: 22.28, zoom: 5 }, timeline: "2013-01-01/2017-12-31",
        caption: "Hong Kong, July 2015" },
      { item: "rt-th", timeline: "2015-07/.." },
    ],
  }];
  let problem = valid(doc);
  if (problem) return problem;
  const file = path.join(os.tmpdir(), `atlas-story-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(doc));
  const r = spawnSync(atlas, ["format", file], { encoding: "utf8" });
  fs.rmSync(file, { force: true });
  if (r.status !== 0) return `atlas format refused it: ${r.stderr}`;
  const saved = JSON.parse(r.stdout);
  if (!saved.stories || saved.stories[0].steps.length !== 3) return "the story did not survive the re-save";
  problem = valid(saved);
  return problem ? `re-saved: ${problem}` : "";
});

check("a dataset with plans (status, starts/ends, time_zone, postponed_from, checklist) is valid, re-saved too", () => {
  // Made here, from the sample: the sample itself holds no plans.
  const doc = structuredClone(sample);
  doc.events.push(
    { id: "plan-confirmed", kind: "roundtable", title: "Next roundtable", date: "2026-03-04",
      status: "confirmed", starts: "2026-03-04T09:30", ends: "2026-03-04T17:00:00",
      time_zone: "Asia/Manila",
      checklist: [
        { text: "Book the venue", owner: "Secretariat", due: "2026-02-20", done: true },
        { text: "Registration closes", due: "2026-03-02T17:00:00+08:00", deadline: true },
        { text: "Print the programme", due: "2026-03" },
      ] },
    { id: "plan-forum", kind: "forum", title: "Three-day forum", date: "2026-10-04/2026-10-06",
      status: "planned", starts: "2026-10-04T09:00:00Z", ends: "2026-10-06T07:00:00Z" },
    { id: "plan-postponed", kind: "roundtable", title: "Moved roundtable", date: "2026-05",
      status: "postponed", postponed_from: "2026-03-10", time_zone: "Pacific/Auckland" },
    { id: "plan-cancelled", kind: "campaign", title: "Dropped", status: "cancelled" },
  );
  let problem = valid(doc);
  if (problem) return problem;
  const file = path.join(os.tmpdir(), `atlas-plans-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(doc));
  const r = spawnSync(atlas, ["format", file], { encoding: "utf8" });
  fs.rmSync(file, { force: true });
  if (r.status !== 0) return `atlas format refused it: ${r.stdout}${r.stderr}`;
  const saved = JSON.parse(r.stdout);
  const byId = Object.fromEntries(saved.events.map((e) => [e.id, e]));
  if (byId["plan-confirmed"].starts !== "2026-03-04T09:30:00") return "starts was not written in full";
  if (byId["plan-confirmed"].checklist.length !== 3) return "the checklist did not survive the re-save";
  if (byId["plan-postponed"].postponed_from !== "2026-03-10") return "postponed_from did not survive";
  problem = valid(saved);
  return problem ? `re-saved: ${problem}` : "";
});

// --- 4. wrong documents fail, where the loader says -------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-schema-"));
const wrong = [
  // [what, JSON Pointer (loader and ajv), ajv keyword, change to a copy of the sample]
  ["missing title", "", "required", (d) => delete d.title],
  ["empty title", "/title", "minLength", (d) => (d.title = "")],
  ["title of 501 characters", "/title", "maxLength", (d) => (d.title = "é".repeat(501))],
  ["wrong format", "/format", "const", (d) => (d.format = "coalition-atlas-2")],
  ["future version 2", "/version", "const", (d) => (d.version = 2)],
  ["places not a list", "/places", "type", (d) => (d.places = {})],
  ["bad event kind", "/events/0/kind", "enum", (d) => (d.events[0].kind = "conference")],
  ["event without kind", "/events/0", "required", (d) => delete d.events[0].kind],
  ["lat 91", "/places/0/lat", "maximum", (d) => (d.places[0].lat = 91)],
  ["lon -181", "/places/0/lon", "minimum", (d) => (d.places[0].lon = -181)],
  ["lat as text", "/places/0/lat", "type", (d) => (d.places[0].lat = "12.5")],
  ["lat without lon", "/places/0", "dependentRequired", (d) => delete d.places[0].lon],
  ["id with a space", "/places/0/id", "pattern", (d) => (d.places[0].id = "new zealand")],
  ["id of 101 characters", "/organisations/0/id", "maxLength",
    (d) => (d.organisations[0].id = "o".repeat(101))],
  ["lower-case country", "/places/0/country", "pattern", (d) => (d.places[0].country = "nz")],
  ["three-letter country", "/working_groups/0/country", "pattern",
    (d) => (d.working_groups[0].country = "AUS")],
  ["unknown sector", "/organisations/0/sector", "enum", (d) => (d.organisations[0].sector = "fintech")],
  ["unknown role", "/events/0/organisations/0/role", "enum",
    (d) => (d.events[0].organisations[0].role = "sponsor")],
  ["participation without role", "/events/0/organisations/0", "required",
    (d) => delete d.events[0].organisations[0].role],
  ["unknown member sector", "/working_groups/0/member_sectors/0", "enum",
    (d) => (d.working_groups[0].member_sectors[0] = "police")],
  ["month 13", "/events/0/date", "pattern", (d) => (d.events[0].date = "2015-13")],
  ["date with a time", "/events/0/date", "pattern", (d) => (d.events[0].date = "2015-07-01T10:00")],
  ["interval open at both ends", "/working_groups/0/active", "pattern",
    (d) => (d.working_groups[0].active = "../..")],
  ["javascript: link", "/events/0/links/0/url", "pattern",
    (d) => (d.events[0].links = [{ url: "javascript:alert(1)", label: "x" }])],
  ["link without url", "/events/0/links/0", "required", (d) => (d.events[0].links = [{ label: "x" }])],
  ["unknown status", "/events/0/status", "enum", (d) => (d.events[0].status = "done")],
  ["starts without a time", "/events/0/starts", "pattern", (d) => (d.events[0].starts = "2015-07-01")],
  ["starts as an interval", "/events/0/starts", "pattern",
    (d) => (d.events[0].starts = "2015-07-01T10:00/2015-07-02T10:00")],
  ["time zone as an offset", "/events/0/time_zone", "pattern", (d) => (d.events[0].time_zone = "+08:00")],
  ["postponed_from with a time", "/events/0/postponed_from", "pattern",
    (d) => (d.events[0].postponed_from = "2015-06-01T10:00")],
  ["checklist not a list", "/events/0/checklist", "type", (d) => (d.events[0].checklist = {})],
  ["checklist item without text", "/events/0/checklist/0", "required",
    (d) => (d.events[0].checklist = [{ owner: "Ana" }])],
  ["checklist item done as text", "/events/0/checklist/0/done", "type",
    (d) => (d.events[0].checklist = [{ text: "x", done: "yes" }])],
  ["deadline without a due date", "/events/0/checklist/0", "required",
    (d) => (d.events[0].checklist = [{ text: "Registration closes", deadline: true }])],
];
wrong.forEach(([what, pointer, keyword, change], i) => {
  check(`refused: ${what} (${pointer || "/"} ${keyword})`, () => {
    const doc = structuredClone(sample);
    change(doc);
    if (validate(doc)) return "the schema accepted it";
    if (!validate.errors.some((e) => e.instancePath === pointer && e.keyword === keyword))
      return `no "${keyword}" error at "${pointer}"; got: ${explain(validate.errors)}`;
    // The loader must refuse it too, at the same place.
    const file = path.join(tmp, `wrong-${i}.json`);
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    const r = spawnSync(atlas, ["validate", file], { encoding: "utf8" });
    if (r.status !== 1) return `atlas validate exited ${r.status}, expected 1:\n${r.stdout}${r.stderr}`;
    if (!r.stdout.includes(`${file}:${pointer || "/"}: error:`))
      return `the loader reports no error at ${pointer || "/"}:\n${r.stdout}`;
    return "";
  });
});
fs.rmSync(tmp, { recursive: true, force: true });

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
