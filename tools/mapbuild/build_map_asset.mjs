#!/usr/bin/env node
// build_map_asset.mjs — builds the offline basemap (the binary asset src/geo/map_asset.hpp
// documents) from Natural Earth's public-domain shapes as the npm package world-atlas ships
// them: 110m for the world view (level of detail 0), 50m when zoomed in (level 1).
//
//   node tools/mapbuild/build_map_asset.mjs OUT_FILE      (writes OUT_FILE, a summary to stderr)
//
// Run by the build, never committed: the output depends only on the pinned npm packages
// (world-atlas, topojson-client, earcut) and Debian's iso-codes, and is byte-for-byte
// reproducible. Steps, per level of detail:
//   1. arcs: decode the TopoJSON arcs, project them (Web Mercator, the app's own formula)
//      and simplify them to the quantisation step. Simplifying the shared arcs, not the
//      polygons, keeps neighbouring countries' borders identical.
//   2. countries: topojson-client features; world-atlas numeric ids -> ISO 3166-1 alpha-2
//      (iso-codes); shapes without an id (Kosovo, N. Cyprus, Somaliland, ...) stay as land
//      with the code "". Shapes crossing the 180° meridian are cut there (the app draws the
//      world side by side), Antarctica is closed along the pole.
//   3. fill: each polygon quantised to uint16 world units and triangulated with earcut.
//   4. lines: each ring edge is a border (two countries have it), a coast (one has it) or
//      nothing (cuts at 180°, the pole); lines are ranges of the fill's own vertices, which
//      is what keeps the asset small (a separate mesh cost 170 KB more gzipped).
//   5. labels: the pole of inaccessibility of each country's largest polygon.
import fs from 'node:fs';
import path from 'node:path';
import {writeAsset} from './write_asset.mjs';
import {fileURLToPath} from 'node:url';
import * as topojson from 'topojson-client';
import earcut from 'earcut';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORLD_ATLAS = path.join(ROOT, 'node_modules', 'world-atlas');
const ISO_3166 = '/usr/share/iso-codes/json/iso_3166-1.json';  // Debian package iso-codes

// Must match src/geo/map_asset.hpp.
const MAGIC = 'ATLASMAP';
const VERSION = 2;
const HEADER_BYTES = 32;
const COUNTRY_FIXED_BYTES = 20;  // before the per-level ranges (16 bytes a level)
const KIND_BORDER = 0;
const KIND_COAST = 1;
const Q = 65535;  // world [0,1] -> uint16 [0,65535]
const GZIP_BUDGET = 320 * 1000;

// Same constants and formula as src/geo/projection.cpp.
const MAX_LAT = 85.0511287798066;
function project(lon, lat) {
  const la = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180;
  const x = (lon + 180) / 360;
  const y = 0.5 - Math.log(Math.tan(Math.PI / 4 + la / 2)) / (2 * Math.PI);
  return [x, y];
}
const quant = (v) => Math.max(0, Math.min(Q, Math.round(v * Q)));

// --- 1. arcs --------------------------------------------------------------------------
// Douglas-Peucker on projected points (world units), keeping the ends so arcs still meet.
function simplify(pts, tol) {
  if (pts.length <= 2 || tol <= 0) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = pts[a], [bx, by] = pts[b];
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    let best = -1, bestD = tol * tol;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = pts[i];
      let d;
      if (len2 === 0)
        d = (px - ax) ** 2 + (py - ay) ** 2;
      else {
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        d = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
      }
      if (d > bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([a, best], [best, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

// A topology whose arcs hold projected [x, y] points, simplified, with x unwrapped along
// each arc (no jumps of a whole world where an arc crosses the 180° meridian: world-atlas
// keeps such shapes whole, as d3 draws them on the sphere).
function prepare(topology, tol) {
  const {scale, translate} = topology.transform;
  const arcs = topology.arcs.map((arc) => {
    let qx = 0, qy = 0, prev = null;
    const pts = arc.map(([dx, dy]) => {
      qx += dx;
      qy += dy;
      let [x, y] = project(qx * scale[0] + translate[0], qy * scale[1] + translate[1]);
      if (prev !== null) x += Math.round(prev - x);
      prev = x;
      return [x, y];
    });
    return simplify(pts, tol);
  });
  return {...topology, transform: undefined, arcs};
}

// --- 2. countries ---------------------------------------------------------------------
function isoTable() {
  const rows = JSON.parse(fs.readFileSync(ISO_3166, 'utf8'))['3166-1'];
  return new Map(rows.map((r) => [r.numeric, r.alpha_2]));
}

// --- 3. fill, 4. lines ---------------------------------------------------------------------
// Rings in projected units, open (no repeated closing point), made continuous in x: each
// point moved by whole worlds to the copy nearest the previous one.
function unwrapRing(ring) {
  const out = [];
  for (const [x0, y] of ring.slice(0, -1)) {
    const x = out.length ? x0 + Math.round(out[out.length - 1][0] - x0) : x0;
    out.push([x, y]);
  }
  return out;
}
// Sutherland-Hodgman against one vertical line: keeps the side where sign * (x - at) >= 0.
// Any polygon, convex or not; where a ring leaves and comes back, the result has a
// zero-width bridge along the line, which fills nothing and draws no outline (artificial).
function clipX(ring, at, sign) {
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    const ina = sign * (a[0] - at) >= 0, inb = sign * (b[0] - at) >= 0;
    if (ina) out.push(a);
    if (ina !== inb) {
      const t = (at - a[0]) / (b[0] - a[0]);
      out.push([at, a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}
// One GeoJSON polygon -> polygons inside the world [0,1] in x. A ring that crosses the 180°
// meridian is cut there and the piece beyond moved one world over; a ring that goes round a
// pole (Antarctica: its unwrapped ends are a world apart) is closed along that pole first.
function toWorldPieces(poly) {
  const rings = poly.map(unwrapRing).filter((r) => r.length >= 3);
  if (!rings.length) return [];
  const outer = rings[0];
  const first = outer[0], last = outer[outer.length - 1];
  const turns = Math.round(last[0] - first[0]);
  if (turns !== 0) {
    const pole = outer.reduce((s, p) => s + p[1], 0) / outer.length > 0.5 ? 1 : 0;
    outer.push([first[0] + turns, first[1]], [first[0] + turns, pole], [first[0], pole]);
  }
  // Holes go to the copy that overlaps the outer ring.
  const mid = outer.reduce((s, p) => s + p[0], 0) / outer.length;
  for (const h of rings.slice(1)) {
    const k = Math.round(mid - h.reduce((s, p) => s + p[0], 0) / h.length);
    for (const p of h) p[0] += k;
  }
  const xs = outer.map((p) => p[0]);
  const pieces = [];
  for (let k = Math.floor(Math.min(...xs)); k < Math.max(...xs); k++) {
    const piece = [];
    for (const r of rings) {
      const c = clipX(clipX(r, k, 1), k + 1, -1).map(([x, y]) => [x - k, y]);
      if (c.length >= 3)
        piece.push(c);
      else if (!piece.length)
        break;  // no outer ring in this world copy
    }
    if (piece.length) pieces.push(piece);
  }
  return pieces;
}
// A ring quantised to uint16 world units, without the repeats rounding creates; null when
// it collapses to fewer than three points.
function quantRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const q = [quant(x), quant(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] &&
         out[0][1] === out[out.length - 1][1])
    out.pop();
  return out.length >= 3 ? out : null;
}
function ringArea(r) {  // shoelace, quantised units squared (absolute)
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++)
    a += (r[j][0] + r[i][0]) * (r[j][1] - r[i][1]);
  return Math.abs(a / 2);
}
// GeoJSON geometry -> polygons as lists of quantised rings, outer ring first.
function quantPolygons(geometry) {
  const polys = !geometry              ? [] :
      geometry.type === 'Polygon'      ? [geometry.coordinates] :
      geometry.type === 'MultiPolygon' ? geometry.coordinates :
                                         [];
  const out = [];
  for (const poly of polys) {
    for (const piece of toWorldPieces(poly)) {
      const outer = quantRing(piece[0]);
      if (!outer) continue;  // the outer ring collapsed: nothing to fill
      out.push([outer, ...piece.slice(1).map(quantRing).filter(Boolean)]);
    }
  }
  return out;
}

// Lines are runs of the fill's own ring vertices (no second copy of the outlines), so each
// ring edge gets a kind. An edge two countries share is a border, drawn once (by the first
// of them); an edge only one country has is a coast; Natural Earth's closing edges along the
// 180° meridian and along the clamped south pole are not lines at all, nor are seams inside
// one country.
const SKIP = -1;
const edgeKey = (a, b) => (a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1])) ?
    `${a[0]},${a[1]},${b[0]},${b[1]}` :
    `${b[0]},${b[1]},${a[0]},${a[1]}`;
function artificial(a, b) {
  return (a[0] === b[0] && (a[0] === 0 || a[0] === Q)) ||
      (a[1] === b[1] && (a[1] === 0 || a[1] === Q));
}
function edgeTable(countries, li) {
  const owners = new Map();  // edge -> [first owner, occurrences, several owners?]
  countries.forEach((c, ci) => {
    for (const poly of c.polys[li])
      for (const r of poly) {
        for (let i = 0; i < r.length; i++) {
          const k = edgeKey(r[i], r[(i + 1) % r.length]);
          const e = owners.get(k);
          if (!e)
            owners.set(k, [ci, 1, false]);
          else {
            e[1]++;
            if (e[0] !== ci) e[2] = true;
          }
        }
      }
  });
  return owners;
}
function edgeKinds(r, ci, owners, emitted) {
  const kinds = [];
  for (let i = 0; i < r.length; i++) {
    const a = r[i], b = r[(i + 1) % r.length];
    const k = edgeKey(a, b), e = owners.get(k);
    let kind;
    if (artificial(a, b))
      kind = SKIP;
    else if (e[2])
      kind = e[0] === ci && !emitted.has(k) ? KIND_BORDER : SKIP;
    else
      kind = e[1] === 1 ? KIND_COAST : SKIP;
    if (kind === KIND_BORDER) emitted.add(k);
    kinds.push(kind);
  }
  return kinds;
}

// One country at one level: its vertices (each ring closed by repeating its first point, so
// every edge joins neighbours in the array and lines are plain vertex ranges), triangle
// indices local to those vertices (earcut), and line strips as local ranges.
function meshCountry(c, ci, li, owners, emitted) {
  const verts = [], idx = [], strips = [];
  for (const poly of c.polys[li]) {
    const base = verts.length, flat = [], holes = [];
    for (let k = 0; k < poly.length; k++) {
      let r = poly[k];
      let kinds = edgeKinds(r, ci, owners, emitted);
      // Start the ring where the kind changes, so no run is cut at the ring's seam.
      const n = r.length;
      const s = kinds.findIndex((kd, i) => kd !== kinds[(i + n - 1) % n]);
      if (s > 0) {
        r = [...r.slice(s), ...r.slice(0, s)];
        kinds = [...kinds.slice(s), ...kinds.slice(0, s)];
      }
      if (k) holes.push(flat.length / 2);
      const rbase = verts.length;
      for (const [x, y] of [...r, r[0]]) {
        flat.push(x, y);
        verts.push([x, y]);
      }
      for (let i = 0; i < n;) {
        let j = i;
        while (j < n && kinds[j] === kinds[i]) j++;
        if (kinds[i] !== SKIP) strips.push({first: rbase + i, count: j - i + 1, kind: kinds[i]});
        i = j;
      }
    }
    // earcut drops the repeated closing points itself; its indices are into `flat`.
    for (const t of earcut(flat, holes, 2)) idx.push(base + t);
  }
  return {verts, idx, strips};
}

// --- 5. labels ----------------------------------------------------------------------------
// Pole of inaccessibility (the point inside farthest from the outline; the idea of Mapbox's
// polylabel): a quadtree search over cells with a bound on the best distance inside each.
function pointToPolyDist(x, y, rings) {
  let inside = false, min = Infinity;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [ax, ay] = r[i], [bx, by] = r[j];
      if ((ay > y) !== (by > y) && x < (bx - ax) * (y - ay) / (by - ay) + ax) inside = !inside;
      const dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
      const t = l2 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l2)) : 0;
      min = Math.min(min, (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2);
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(min);
}
function poleOfInaccessibility(rings, precision = 1) {
  const xs = rings[0].map((p) => p[0]), ys = rings[0].map((p) => p[1]);
  const x0 = Math.min(...xs), y0 = Math.min(...ys), x1 = Math.max(...xs), y1 = Math.max(...ys);
  const size = Math.min(x1 - x0, y1 - y0);
  const cell = (x, y, h) => {
    const d = pointToPolyDist(x, y, rings);
    return {x, y, h, d, max: d + h * Math.SQRT2};
  };
  let best = cell((x0 + x1) / 2, (y0 + y1) / 2, 0);
  if (size === 0) return [best.x, best.y];
  // A binary max-heap on each cell's bound: the most promising cell first.
  const heap = [];
  const push = (c) => {
    heap.push(c);
    for (let i = heap.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (heap[p].max >= heap[i].max) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = () => {
    const top = heap[0], last = heap.pop();
    if (heap.length) {
      heap[0] = last;
      for (let i = 0;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && heap[l].max > heap[m].max) m = l;
        if (r < heap.length && heap[r].max > heap[m].max) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  const h0 = size / 2;
  for (let x = x0; x < x1; x += size)
    for (let y = y0; y < y1; y += size) push(cell(x + h0, y + h0, h0));
  while (heap.length) {
    const c = pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.h / 2;
    push(cell(c.x - h, c.y - h, h));
    push(cell(c.x + h, c.y - h, h));
    push(cell(c.x - h, c.y + h, h));
    push(cell(c.x + h, c.y + h, h));
  }
  return [best.x, best.y];
}

// --- assembly ---------------------------------------------------------------------------
function build() {
  const iso = isoTable();
  // Simplification tolerance per level, in world units: about a quantisation step, which
  // quantising would mostly undo anyway; invisible at the zooms each level is drawn at.
  const levels = [
    {file: 'countries-110m.json', tol: 1.0 / Q},
    {file: 'countries-50m.json', tol: 0.75 / Q},
  ];
  const byKey = new Map();  // code, or "name:..." for shapes without one
  levels.forEach((lv, li) => {
    const raw = JSON.parse(fs.readFileSync(path.join(WORLD_ATLAS, lv.file), 'utf8'));
    const topo = prepare(raw, lv.tol);
    for (const f of topojson.feature(topo, topo.objects.countries).features) {
      const name = f.properties.name ?? '';
      let code = '';
      if (f.id !== undefined) {
        code = iso.get(String(f.id));
        if (!code)
          throw new Error(`${lv.file}: id ${f.id} (${name}) is not an ISO 3166-1 numeric code`);
      }
      const key = code || `name:${name}`;
      if (!byKey.has(key)) byKey.set(key, {code, name, nameArea: -1, polys: levels.map(() => [])});
      const c = byKey.get(key);
      const polys = quantPolygons(f.geometry);
      // Several shapes may share a code (Australia and Ashmore and Cartier Is.): the name
      // is the largest one's.
      const area = polys.reduce((sum, p) => sum + ringArea(p[0]), 0);
      if (area > c.nameArea) {
        c.name = name;
        c.nameArea = area;
      }
      c.polys[li].push(...polys);
    }
  });
  const countries = [...byKey.values()].sort(
      (a, b) => (a.code || '~').localeCompare(b.code || '~') || a.name.localeCompare(b.name));
  // 110m leaves out small countries (Singapore, Hong Kong, most Pacific islands): the world
  // view takes their 50m shapes so they never vanish, drawn after the others (on top of
  // the 110m neighbour that covers them).
  for (const c of countries) {
    c.fallback = !c.polys[0].length;
    if (c.fallback) c.polys[0] = c.polys[levels.length - 1];
  }
  for (const c of countries) {
    // Label: the pole of inaccessibility of the largest polygon at the finest level; the
    // box is that polygon's, for the UI to tell whether the name fits.
    const polys = c.polys[levels.length - 1].length ? c.polys[levels.length - 1] : c.polys[0];
    if (!polys.length) throw new Error(`${c.name}: no polygon`);
    const best = polys.reduce((a, b) => (ringArea(b[0]) > ringArea(a[0]) ? b : a));
    const [ax, ay] = poleOfInaccessibility(best);
    c.anchor = [Math.round(ax), Math.round(ay)];
    const xs = best[0].map((p) => p[0]), ys = best[0].map((p) => p[1]);
    c.bbox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    c.meshes = [];
  }
  for (let li = 0; li < levels.length; li++) {
    const owners = edgeTable(countries, li), emitted = new Set();
    countries.forEach((c, ci) => {
      const m = meshCountry(c, ci, li, owners, emitted);
      if (m.verts.length > 65536)
        throw new Error(`${c.name}: ${m.verts.length} vertices at level ${li} (max 65536)`);
      c.meshes[li] = m;
    });
  }
  return {countries, levelCount: levels.length};
}

// --- writing ------------------------------------------------------------------------------
class Writer {
  constructor() {
    this.buf = Buffer.alloc(1 << 20);
    this.n = 0;
  }
  grow(k) {
    if (this.n + k <= this.buf.length) return;
    const b = Buffer.alloc(Math.max(this.buf.length * 2, this.n + k));
    this.buf.copy(b, 0, 0, this.n);
    this.buf = b;
  }
  u8(v) {
    this.grow(1);
    this.buf.writeUInt8(v, this.n);
    this.n += 1;
  }
  u16(v) {
    this.grow(2);
    this.buf.writeUInt16LE(v, this.n);
    this.n += 2;
  }
  u32(v) {
    this.grow(4);
    this.buf.writeUInt32LE(v >>> 0, this.n);
    this.n += 4;
  }
  // A step modulo 2^16, as map_asset.hpp codes it: taken as signed, zigzagged, then in
  // 7-bit groups, low first (1 to 3 bytes).
  delta(step) {
    const signed = ((step & 0xffff) << 16) >> 16;
    let v = ((signed << 1) ^ (signed >> 31)) >>> 0;
    while (v >= 0x80) {
      this.u8((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.u8(v);
  }
  bytes(b) {
    this.grow(b.length);
    b.copy(this.buf, this.n);
    this.n += b.length;
  }
  done() {
    return this.buf.subarray(0, this.n);
  }
}

function encode({countries, levelCount}) {
  let namesBytes = 0;
  for (const c of countries) {
    c.nameBuf = Buffer.from(c.name, 'utf8');
    if (c.nameBuf.length > 255) throw new Error(`name too long: ${c.name}`);
    c.nameOffset = namesBytes;
    namesBytes += c.nameBuf.length;
    c.ranges = [];
  }
  // Per level: every country's vertices and indices concatenated (fallback shapes last),
  // each country a range of both; strips moved to the level's vertex numbering.
  const lv = [];
  for (let li = 0; li < levelCount; li++) {
    const order = [
      ...countries.filter((c) => !c.fallback || li > 0),
      ...countries.filter((c) => c.fallback && li === 0)
    ];
    const verts = [], idx = [], strips = [];
    for (const c of order) {
      const m = c.meshes[li];
      c.ranges[li] = [verts.length, m.verts.length, idx.length, m.idx.length];
      for (const s of m.strips) strips.push({...s, first: s.first + verts.length});
      for (const v of m.verts) verts.push(v);
      for (const i of m.idx) idx.push(i);
    }
    lv.push({verts, idx, strips});
  }

  const w = new Writer();
  w.bytes(Buffer.from(MAGIC, 'ascii'));
  w.u16(VERSION);
  w.u16(levelCount);
  w.u32(countries.length);
  w.u32(namesBytes);
  w.u32(0);  // file size, patched below
  w.u32(0);
  w.u32(0);  // reserved
  if (w.n !== HEADER_BYTES) throw new Error('header size');
  for (const c of countries) {
    const start = w.n;
    w.u8(c.code ? c.code.charCodeAt(0) : 0);
    w.u8(c.code ? c.code.charCodeAt(1) : 0);
    w.u8(c.nameBuf.length);
    w.u8(0);
    w.u32(c.nameOffset);
    w.u16(c.anchor[0]);
    w.u16(c.anchor[1]);
    for (const v of c.bbox) w.u16(v);
    if (w.n - start !== COUNTRY_FIXED_BYTES) throw new Error('country record size');
    for (const r of c.ranges)
      for (const v of r) w.u32(v);
  }
  for (const c of countries) w.bytes(c.nameBuf);
  for (const l of lv) {
    w.u32(l.verts.length);
    w.u32(l.idx.length);
    w.u32(l.strips.length);
    const codedAt = w.n;
    w.u32(0);  // the coded block's size, patched below
    // Deltas modulo 2^16 (each value minus the previous one): outlines move in small steps
    // and triangles reuse nearby vertices, so the deltas are small; all x, then all y,
    // then the indices, each kind together, compress best.
    const blockAt = w.n;
    for (const axis of [0, 1]) {
      let p = 0;
      for (const v of l.verts) {
        w.delta(v[axis] - p);
        p = v[axis];
      }
    }
    let pi = 0;
    for (const i of l.idx) {
      w.delta(i - pi);
      pi = i;
    }
    w.buf.writeUInt32LE(w.n - blockAt, codedAt);
    for (const s of l.strips) {
      w.u32(s.first);
      w.u32((s.count | (s.kind << 31)) >>> 0);
    }
  }
  w.buf.writeUInt32LE(w.n, 20);
  return {bytes: w.done(), lv};
}

function main() {
  const out = process.argv[2];
  if (!out || process.argv.length !== 3) {
    console.error('usage: node tools/mapbuild/build_map_asset.mjs OUT_FILE');
    process.exit(2);
  }
  for (const [file, fix] of [
           [ISO_3166, 'install the Debian package iso-codes'],
           [WORLD_ATLAS, 'run npm ci (tools/setup) for world-atlas']]) {
    if (!fs.existsSync(file)) {
      console.error(`build_map_asset: ${file} is missing: ${fix}`);
      process.exit(1);
    }
  }
  const model = build();
  const {bytes, lv} = encode(model);
  // The budget for the download is GZIP_BUDGET.
  const gzipped = writeAsset('build_map_asset', out, bytes, GZIP_BUDGET);
  console.error(JSON.stringify({
    out,
    bytes: bytes.length,
    gzip_bytes: gzipped,
    countries: model.countries.length,
    levels: lv.map(
        (l) => ({vertices: l.verts.length, triangles: l.idx.length / 3, strips: l.strips.length})),
  }));
}

main();
