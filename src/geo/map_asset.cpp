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

std::string section_error(const char* what, std::size_t where) {
  return std::string("map asset: ") + what + " (at byte " + std::to_string(where) + ")";
}

}  // namespace

// ---------------------------------------------------------------------------------
// 2. load_map_asset
// ---------------------------------------------------------------------------------
bool load_map_asset(const void* data, std::size_t size, MapAsset& out, std::string& error) {
  out = MapAsset{};
  error.clear();
  auto fail = [&](std::string msg) {
    out = MapAsset{};
    error = std::move(msg);
    return false;
  };
  AssetReader r(data, size);

  // Header.
  std::string why;
  if (!open_asset(r, kFormat, why)) return fail(why);
  const std::uint16_t level_count = r.u16();
  if (level_count < 1 || level_count > kMaxLevels) {
    return fail("map asset: " + std::to_string(level_count) + " levels of detail (1 to " +
                std::to_string(kMaxLevels) + " allowed)");
  }
  const std::uint32_t country_count = r.u32();
  const std::uint32_t names_bytes = r.u32();
  const std::uint32_t file_size = r.u32();
  r.u32();  // reserved
  r.u32();
  if (!check_asset_size(r, kFormat, file_size, why)) return fail(why);

  // Countries: fixed-size records, so their total size is known before reading.
  const std::uint64_t record_bytes = kCountryFixedBytes + kCountryLevelBytes * level_count;
  if (!r.has(record_bytes * country_count + names_bytes)) {
    return fail(section_error("the country table and names run past the end", r.pos()));
  }
  const std::size_t names_at = r.pos() + static_cast<std::size_t>(record_bytes * country_count);
  const unsigned char* names =
      static_cast<const unsigned char*>(data) + names_at;  // in bounds: checked just above
  out.countries.resize(country_count);
  for (std::uint32_t i = 0; i < country_count; ++i) {
    MapCountry& c = out.countries[i];
    const std::size_t at = r.pos();
    const std::uint8_t a = r.u8(), b = r.u8();
    const bool no_code = a == 0 && b == 0;
    const bool letters = a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z';
    if (!no_code && !letters)
      return fail(section_error("a country code is not two letters A-Z", at));
    if (letters) c.code = {static_cast<char>(a), static_cast<char>(b)};
    const std::uint8_t name_len = r.u8();
    r.u8();
    const std::uint32_t name_off = r.u32();
    if (std::uint64_t{name_off} + name_len > names_bytes) {
      return fail(section_error("a country name lies outside the names block", at));
    }
    if (!is_valid_utf8({reinterpret_cast<const char*>(names + name_off), name_len})) {
      return fail(section_error("a country name is not valid UTF-8", at));
    }
    c.name.assign(reinterpret_cast<const char*>(names + name_off), name_len);
    c.anchor_x = r.u16() * kUnit;
    c.anchor_y = r.u16() * kUnit;
    const std::uint16_t x0 = r.u16(), y0 = r.u16(), x1 = r.u16(), y1 = r.u16();
    if (x0 > x1 || y0 > y1) return fail(section_error("a label box is inverted", at));
    c.label_box = {x0 * kUnit, y0 * kUnit, x1 * kUnit, y1 * kUnit};
    for (int l = 0; l < level_count; ++l) {
      c.vertices[l].first = r.u32();
      c.vertices[l].count = r.u32();
      c.triangles[l].first = r.u32();
      c.triangles[l].count = r.u32();
    }
  }
  r.bytes(names_bytes);

  // Levels.
  out.levels.resize(level_count);
  std::vector<std::uint16_t> local;  // one level's indices before they become global
  for (int l = 0; l < level_count; ++l) {
    MapLevel& lv = out.levels[l];
    const std::string which = "level " + std::to_string(l) + ": ";
    if (!r.has(kLevelHeaderBytes))
      return fail(section_error((which + "truncated").c_str(), r.pos()));
    const std::uint32_t nv = r.u32(), ni = r.u32(), ns = r.u32();
    r.u32();  // reserved
    if (!r.has(std::uint64_t{nv} * 4 + std::uint64_t{ni} * 2 + std::uint64_t{ns} * 8)) {
      return fail(section_error(
          (which + "the vertex, index and strip counts run past the end").c_str(), r.pos()));
    }
    if (ni % 3 != 0)
      return fail(section_error((which + "an index count not a multiple of 3").c_str(), r.pos()));

    lv.xy.resize(std::size_t{nv} * 2);
    std::uint16_t x = 0, y = 0;
    for (std::uint32_t i = 0; i < nv; ++i) {
      x = static_cast<std::uint16_t>(x + r.u16());  // deltas modulo 2^16
      y = static_cast<std::uint16_t>(y + r.u16());
      lv.xy[2 * i] = x * kUnit;
      lv.xy[2 * i + 1] = y * kUnit;
    }
    local.resize(ni);
    std::uint16_t prev = 0;
    for (std::uint32_t i = 0; i < ni; ++i)
      local[i] = prev = static_cast<std::uint16_t>(prev + r.u16());

    // Every vertex and index belongs to exactly one country.
    std::vector<MapRange> vr(country_count), ir(country_count);
    for (std::uint32_t i = 0; i < country_count; ++i) {
      vr[i] = out.countries[i].vertices[l];
      ir[i] = out.countries[i].triangles[l];
      if (ir[i].count % 3 != 0)
        return fail("map asset: " + which + "a country's triangles are cut");
      if (vr[i].count > 65536)
        return fail("map asset: " + which + "a country has over 65536 vertices");
    }
    if (!ranges_tile(vr, nv))
      return fail("map asset: " + which + "country vertex ranges do not tile the vertices");
    if (!ranges_tile(ir, ni))
      return fail("map asset: " + which + "country index ranges do not tile the indices");

    lv.indices.resize(ni);
    for (MapCountry& c : out.countries) {
      const MapRange v = c.vertices[l], t = c.triangles[l];
      for (std::uint32_t k = t.first; k < t.first + t.count; ++k) {
        if (local[k] >= v.count)
          return fail("map asset: " + which + "a triangle index is outside its country");
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

    lv.strips.resize(ns);
    for (std::uint32_t i = 0; i < ns; ++i) {
      MapStrip& s = lv.strips[i];
      s.first = r.u32();
      const std::uint32_t n = r.u32();
      s.count = n & 0x7fffffffu;
      s.kind = (n >> 31) ? LineKind::Coast : LineKind::Border;
      if (s.count < 2 || std::uint64_t{s.first} + s.count > nv) {
        return fail("map asset: " + which + "line strip " + std::to_string(i) +
                    " is outside the vertices");
      }
    }
  }
  if (!r.ok()) return fail("map asset: truncated");  // unreachable after the checks above
  if (r.left() != 0) return fail(section_error("unexpected bytes after the last level", r.pos()));
  return true;
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
