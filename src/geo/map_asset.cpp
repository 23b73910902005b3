// map_asset.cpp — the basemap loader: bounds-checked parsing of the format in map_asset.hpp.
//
// Index
//   1. Checks shared by the sections (ranges that tile an array)
//   2. load_map_asset (read through geo/asset_reader: every read checked)
//   3. Level of detail and lookups
//
// Counts are checked against the bytes left BEFORE anything is allocated, so a corrupt
// count can neither read past the end nor ask for gigabytes.
#include "geo/map_asset.hpp"

#include <algorithm>
#include <cmath>

#include "core/utf8.hpp"
#include "geo/asset_reader.hpp"

namespace atlas::geo {
namespace {

constexpr AssetFormat kFormat = {"map asset", "map asset", kMapMagic, kMapVersion, 32};
constexpr std::size_t kCountryFixedBytes = 20;
constexpr std::size_t kCountryLevelBytes = 16;
constexpr std::size_t kLevelHeaderBytes = 16;
constexpr float kUnit = 1.0f / 65535.0f;

// ---------------------------------------------------------------------------------
// 1. Checks
// ---------------------------------------------------------------------------------
// The countries' ranges must cover [0, total) exactly once: then every vertex and index
// has one owner, and no country's triangles can use another's vertices.
bool ranges_tile(std::vector<MapRange> ranges, std::uint32_t total) {
  ranges.erase(std::remove_if(ranges.begin(), ranges.end(),
                              [&](const MapRange& r) { return r.count == 0 && r.first <= total; }),
               ranges.end());
  std::sort(ranges.begin(), ranges.end(),
            [](const MapRange& a, const MapRange& b) { return a.first < b.first; });
  std::uint64_t at = 0;
  for (const MapRange& r : ranges) {
    if (r.first != at || r.count == 0) return false;
    at += r.count;
  }
  return at == total;
}

std::string section_error(const std::string& what, std::size_t where) {
  return "map asset: " + what + " (at byte " + std::to_string(where) + ")";
}

// The coded deltas (map_asset.hpp): each call reads one, or fails at the end of the
// block, on a fourth byte, or on a value over 16 bits.
struct Deltas {
  const unsigned char* p;
  const unsigned char* end;
  bool next(std::uint16_t& step) {
    std::uint32_t v = 0;
    for (int shift = 0; shift < 21; shift += 7) {
      if (p == end) return false;
      const unsigned char b = *p++;
      v |= std::uint32_t(b & 0x7f) << shift;
      if (!(b & 0x80)) {
        if (v > 0xffff) return false;
        step = static_cast<std::uint16_t>((v >> 1) ^ (0u - (v & 1)));  // zigzag back
        return true;
      }
    }
    return false;
  }
};

}  // namespace

// ---------------------------------------------------------------------------------
// 2. load_map_asset: the header, the countries, then each level
// ---------------------------------------------------------------------------------
namespace {

struct Header {
  std::uint16_t level_count = 0;
  std::uint32_t country_count = 0, names_bytes = 0;
};

bool read_header(AssetReader& r, Header& h, std::string& error) {
  if (!open_asset(r, kFormat, error)) return false;
  h.level_count = r.u16();
  if (h.level_count < 1 || h.level_count > kMaxLevels) {
    error = "map asset: " + std::to_string(h.level_count) + " levels of detail (1 to " +
            std::to_string(kMaxLevels) + " allowed)";
    return false;
  }
  h.country_count = r.u32();
  h.names_bytes = r.u32();
  const std::uint32_t file_size = r.u32();
  r.u32();  // reserved
  r.u32();
  return check_asset_size(r, kFormat, file_size, error);
}

// Countries: fixed-size records, so their total size is known before reading; then the
// names block they point into.
bool read_countries(AssetReader& r, const Header& h, MapAsset& out, std::string& error) {
  const std::uint64_t record_bytes = kCountryFixedBytes + kCountryLevelBytes * h.level_count;
  if (!r.has(record_bytes * h.country_count + h.names_bytes)) {
    error = section_error("the country table and names run past the end", r.pos());
    return false;
  }
  const unsigned char* names =
      r.at(r.pos() + static_cast<std::size_t>(record_bytes * h.country_count), h.names_bytes);
  out.countries.resize(h.country_count);
  for (MapCountry& c : out.countries) {
    const std::size_t at = r.pos();
    auto fail = [&](const char* what) {
      error = section_error(what, at);
      return false;
    };
    const std::uint8_t a = r.u8(), b = r.u8();
    const bool no_code = a == 0 && b == 0;
    const bool letters = a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z';
    if (!no_code && !letters) return fail("a country code is not two letters A-Z");
    if (letters) c.code = {static_cast<char>(a), static_cast<char>(b)};
    const std::uint8_t name_len = r.u8();
    r.u8();
    const std::uint32_t name_off = r.u32();
    if (std::uint64_t{name_off} + name_len > h.names_bytes)
      return fail("a country name lies outside the names block");
    const std::string_view name(reinterpret_cast<const char*>(names + name_off), name_len);
    if (!is_valid_utf8(name)) return fail("a country name is not valid UTF-8");
    c.name = name;
    c.anchor_x = r.u16() * kUnit;
    c.anchor_y = r.u16() * kUnit;
    const std::uint16_t x0 = r.u16(), y0 = r.u16(), x1 = r.u16(), y1 = r.u16();
    if (x0 > x1 || y0 > y1) return fail("a label box is inverted");
    c.label_box = {x0 * kUnit, y0 * kUnit, x1 * kUnit, y1 * kUnit};
    for (int l = 0; l < h.level_count; ++l) {
      c.vertices[l].first = r.u32();
      c.vertices[l].count = r.u32();
      c.triangles[l].first = r.u32();
      c.triangles[l].count = r.u32();
    }
  }
  r.bytes(h.names_bytes);
  return true;
}

// Every vertex and index of level l belongs to exactly one country; then each country's
// local indices become the level's, and its fill box is measured.
bool place_countries(int l, const std::vector<std::uint16_t>& local, MapAsset& out,
                     const std::string& which, std::string& error) {
  auto fail = [&](const char* what) {
    error = "map asset: " + which + what;
    return false;
  };
  MapLevel& lv = out.levels[l];
  const std::size_t n = out.countries.size();
  std::vector<MapRange> vr(n), ir(n);
  for (std::size_t i = 0; i < n; ++i) {
    vr[i] = out.countries[i].vertices[l];
    ir[i] = out.countries[i].triangles[l];
    if (ir[i].count % 3 != 0) return fail("a country's triangles are cut");
    if (vr[i].count > 65536) return fail("a country has over 65536 vertices");
  }
  if (!ranges_tile(vr, std::uint32_t(lv.vertex_count())))
    return fail("country vertex ranges do not tile the vertices");
  if (!ranges_tile(ir, std::uint32_t(local.size())))
    return fail("country index ranges do not tile the indices");
  lv.indices.resize(local.size());
  for (MapCountry& c : out.countries) {
    const MapRange v = c.vertices[l], t = c.triangles[l];
    for (std::uint32_t k = t.first; k < t.first + t.count; ++k) {
      if (local[k] >= v.count) return fail("a triangle index is outside its country");
      lv.indices[k] = v.first + local[k];
    }
    MapBox box{1, 1, 0, 0};
    for (std::uint32_t k = v.first; k < v.first + v.count; ++k) {
      box.x0 = std::min(box.x0, lv.xy[2 * k]);
      box.x1 = std::max(box.x1, lv.xy[2 * k]);
      box.y0 = std::min(box.y0, lv.xy[2 * k + 1]);
      box.y1 = std::max(box.y1, lv.xy[2 * k + 1]);
    }
    c.fill_box[l] = v.count ? box : MapBox{};
  }
  return true;
}

// One level: its counts, vertices, triangle indices (local to each country, placed by
// place_countries) and line strips.
bool read_level(AssetReader& r, int l, MapAsset& out, std::vector<std::uint16_t>& local,
                std::string& error) {
  MapLevel& lv = out.levels[l];
  const std::string which = "level " + std::to_string(l) + ": ";
  auto fail = [&](const std::string& what) {
    error = section_error(what.c_str(), r.pos());
    return false;
  };
  if (!r.has(kLevelHeaderBytes)) return fail(which + "truncated");
  const std::uint32_t nv = r.u32(), ni = r.u32(), ns = r.u32(), coded = r.u32();
  // Each delta takes 1 to 3 bytes: the counts must fit the coded block, and the block
  // and the strips the file, before anything is allocated.
  const std::uint64_t deltas = std::uint64_t{nv} * 2 + ni;
  if (coded < deltas || coded > deltas * 3)
    return fail(which + "the coded block's size does not match the vertex and index counts");
  if (!r.has(std::uint64_t{coded} + std::uint64_t{ns} * 8))
    return fail(which + "the vertices, indices and strips run past the end");
  if (ni % 3 != 0) return fail(which + "an index count not a multiple of 3");

  const std::size_t block_at = r.pos();
  const unsigned char* block = r.bytes(coded);
  Deltas d{block, block + coded};
  auto bad_deltas = [&] {
    error = section_error(which + "a coded delta is cut or out of range", block_at);
    return false;
  };
  lv.xy.resize(std::size_t{nv} * 2);
  for (int axis = 0; axis < 2; ++axis) {
    std::uint16_t at = 0, step = 0;
    for (std::uint32_t i = 0; i < nv; ++i) {
      if (!d.next(step)) return bad_deltas();
      at = static_cast<std::uint16_t>(at + step);  // modulo 2^16
      lv.xy[2 * i + axis] = at * kUnit;
    }
  }
  local.resize(ni);
  std::uint16_t prev = 0, step = 0;
  for (std::uint32_t i = 0; i < ni; ++i) {
    if (!d.next(step)) return bad_deltas();
    local[i] = prev = static_cast<std::uint16_t>(prev + step);
  }
  if (d.p != d.end) return fail(which + "the coded block holds more than its vertices and indices");
  if (!place_countries(l, local, out, which, error)) return false;

  lv.strips.resize(ns);
  for (std::uint32_t i = 0; i < ns; ++i) {
    MapStrip& s = lv.strips[i];
    s.first = r.u32();
    const std::uint32_t n = r.u32();
    s.count = n & 0x7fffffffu;
    s.kind = (n >> 31) ? LineKind::Coast : LineKind::Border;
    if (s.count < 2 || std::uint64_t{s.first} + s.count > nv) {
      error =
          "map asset: " + which + "line strip " + std::to_string(i) + " is outside the vertices";
      return false;
    }
  }
  return true;
}

}  // namespace

bool load_map_asset(const void* data, std::size_t size, MapAsset& out, std::string& error) {
  out = MapAsset{};
  error.clear();
  AssetReader r(data, size);
  Header h;
  bool ok = read_header(r, h, error) && read_countries(r, h, out, error);
  if (ok) out.levels.resize(h.level_count);
  std::vector<std::uint16_t> local;  // one level's indices before they become global
  for (int l = 0; ok && l < h.level_count; ++l) ok = read_level(r, l, out, local, error);
  if (ok && !r.ok()) {
    error = "map asset: truncated";  // unreachable after the checks above
    ok = false;
  }
  if (ok && r.left() != 0) {
    error = section_error("unexpected bytes after the last level", r.pos());
    ok = false;
  }
  if (!ok) out = MapAsset{};
  return ok;
}

// ---------------------------------------------------------------------------------
// 3. Level of detail and lookups
// ---------------------------------------------------------------------------------
int map_level_for_zoom(const MapAsset& asset, double zoom) {
  if (asset.levels.empty()) return -1;
  // 110m is generalised for roughly 1:110 million: at zoom 2.5 (a 1450 px world) its
  // corners start to show, and 50m holds up to about zoom 6.
  const int want = zoom >= 2.5 ? 1 : 0;
  return std::min(want, static_cast<int>(asset.levels.size()) - 1);
}

int map_country_at(const MapAsset& asset, int level, double world_x, double world_y) {
  if (level < 0 || level >= static_cast<int>(asset.levels.size())) return -1;
  const MapLevel& lv = asset.levels[level];
  const float x = static_cast<float>(world_x - std::floor(world_x));
  const float y = static_cast<float>(world_y);
  // Where fills overlap (the coarse level's small countries lie over their 110m neighbour),
  // the one drawn last, i.e. on top, is what the user sees: the latest triangles win.
  int found = -1;
  std::uint32_t found_first = 0;
  for (std::size_t ci = 0; ci < asset.countries.size(); ++ci) {
    const MapCountry& c = asset.countries[ci];
    const MapBox& b = c.fill_box[level];
    const MapRange t = c.triangles[level];
    if (t.count == 0 || x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) continue;
    if (found >= 0 && t.first < found_first) continue;
    for (std::uint32_t k = t.first; k < t.first + t.count; k += 3) {  // whole triangles
      const float* p0 = &lv.xy[2 * lv.indices[k]];
      const float* p1 = &lv.xy[2 * lv.indices[k + 1]];
      const float* p2 = &lv.xy[2 * lv.indices[k + 2]];
      // Same-side test, either winding; points on an edge count as inside.
      const float d0 = (p1[0] - p0[0]) * (y - p0[1]) - (p1[1] - p0[1]) * (x - p0[0]);
      const float d1 = (p2[0] - p1[0]) * (y - p1[1]) - (p2[1] - p1[1]) * (x - p1[0]);
      const float d2 = (p0[0] - p2[0]) * (y - p2[1]) - (p0[1] - p2[1]) * (x - p2[0]);
      const bool neg = d0 < 0 || d1 < 0 || d2<0, pos = d0> 0 || d1 > 0 || d2 > 0;
      if (!(neg && pos)) {
        found = static_cast<int>(ci);
        found_first = t.first;
        break;
      }
    }
  }
  return found;
}

int map_find_country(const MapAsset& asset, std::string_view code) {
  if (code.empty()) return -1;  // the code-less shapes are not "found" by an empty code
  for (std::size_t i = 0; i < asset.countries.size(); ++i) {
    if (asset.countries[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace atlas::geo
