// map_asset.hpp — the offline basemap: its binary format and the loader that checks it.
//
// Index
//   1. The format (what tools/mapbuild/build_map_asset.mjs writes)
//   2. The parsed asset
//   3. Loading, level of detail, lookups
//
// The asset is built from Natural Earth (npm world-atlas) at build time, never fetched at
// run time and never committed. The loader trusts nothing: every count, range and index is
// checked before use, so a truncated or corrupt asset gives an error string, never a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace atlas::geo {

// ---------------------------------------------------------------------------------
// 1. The format, version 2. Little-endian, no padding, no alignment assumed.
// ---------------------------------------------------------------------------------
//
//   header (32 bytes)
//     char[8] magic "ATLASMAP"
//     u16 version (2)            u16 level_count L (1..kMaxLevels)
//     u32 country_count C        u32 names_bytes N
//     u32 file_size (the whole asset, so truncation is caught first)
//     u32 reserved, u32 reserved (0)
//   countries: C records of 20 + 16 L bytes
//     u8[2] code                 ISO 3166-1 alpha-2 ("NZ"), or 0,0 for land without one
//                                (Kosovo, N. Cyprus, Somaliland, ...)
//     u8 name_length, u8 reserved
//     u32 name_offset            into the names block; the name is UTF-8 (world-atlas's)
//     u16 anchor_x, anchor_y     label anchor (pole of inaccessibility of the largest polygon)
//     u16 box x0, y0, x1, y1     bounding box of that largest polygon (for label fitting)
//     per level: u32 vertex_first, vertex_count, index_first, index_count
//   names: N bytes
//   per level (0 = coarse, Natural Earth 110m; 1 = fine, 50m):
//     u32 vertex_count V, u32 index_count I, u32 strip_count S, u32 coded_bytes B
//     B bytes of deltas, each a small number (below):
//       V x dx, then V x dy      vertices, each the previous one plus (dx, dy) modulo 2^16,
//                                starting from (0, 0); world = value / 65535
//       I x d                    triangle indices, each the previous one plus d modulo 2^16,
//                                starting from 0; LOCAL to the owning country's vertex range
//     S x (u32 first, u32 n)     line strips: vertices first .. first + (n & 0x7fffffff) - 1
//                                of this level; kind = n >> 31 (0 border, 1 coastline)
//   nothing after the last level.
//
// A delta is a 16-bit step taken as signed (-32768..32767), zigzagged (0, -1, 1, -2… as
// 0, 1, 2, 3…) and written in 7-bit groups, low first, the top bit set on all but the
// last: 1 to 3 bytes, most steps one or two. All x steps, then all y steps, then the
// indices: like numbers together, which gzip and brotli compress far better than
// interleaved u16 pairs (the 50m level's 90,000 vertices and 254,000 indices: 344 KB
// gzipped as version 1's fixed u16s, 287 KB as this).
//
// Each country's vertex ranges and index ranges tile their arrays (sorted by first, no gaps,
// no overlaps), an index range holds whole triangles and every local index is below the
// country's vertex count. Rings are stored closed (the first vertex repeated last), so the
// outlines are ranges of the fill's own vertices. All coordinates are Web Mercator world
// units ([0,1]², x east from 180°W, y south from 85.05°N), as src/geo/projection.hpp;
// shapes crossing the 180° meridian are cut there (draw the world copies side by side).
//
// Draw order is array order. Level 0 is Natural Earth 110m, which leaves out small
// countries (Singapore, Hong Kong, most Pacific islands); the builder fills them in from
// 50m at the END of level 0's arrays, so drawing the level in one call puts them on top of
// the 110m neighbour that covers their area. Their outlines exist at level 1 only.

inline constexpr char kMapMagic[8] = {'A', 'T', 'L', 'A', 'S', 'M', 'A', 'P'};
inline constexpr std::uint16_t kMapVersion = 2;
inline constexpr int kMaxLevels = 4;

// ---------------------------------------------------------------------------------
// 2. The parsed asset
// ---------------------------------------------------------------------------------
struct MapRange {
  std::uint32_t first = 0, count = 0;
};

struct MapBox {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // world
};

enum class LineKind : std::uint8_t { Border = 0, Coast = 1 };

struct MapStrip {
  std::uint32_t first = 0, count = 0;  // vertices of the level, count >= 2
  LineKind kind = LineKind::Border;
};

struct MapCountry {
  std::string code;  // "NZ", or "" for land without an ISO code
  std::string name;  // world-atlas's English short name ("Dem. Rep. Congo"); the UI
                     // should prefer core/countries.hpp's name when the code has one
  float anchor_x = 0, anchor_y = 0;  // world
  MapBox label_box;                  // the largest polygon's box: does the name fit?
  MapRange triangles[kMaxLevels];    // into the level's `indices`, in indices (3 a triangle)
  MapRange vertices[kMaxLevels];     // into the level's vertices
  MapBox fill_box[kMaxLevels];       // of the vertices at each level (computed on load)
};

struct MapLevel {
  std::vector<float> xy;               // world x, y interleaved: vertex i at xy[2i], xy[2i+1]
  std::vector<std::uint32_t> indices;  // triangles, global into the vertices (ready for GL)
  std::vector<MapStrip> strips;        // outlines as ranges of those same vertices
  std::size_t vertex_count() const { return xy.size() / 2; }
};

struct MapAsset {
  std::vector<MapCountry> countries;  // sorted by code; the code-less ones last
  std::vector<MapLevel> levels;       // 0 coarse .. finest
};

// ---------------------------------------------------------------------------------
// 3. Loading, level of detail, lookups
// ---------------------------------------------------------------------------------

// Parses and checks the bytes. On success fills `out` and returns true; otherwise returns
// false, leaves `out` empty and says why in `error` (a sentence naming the section).
bool load_map_asset(const void* data, std::size_t size, MapAsset& out, std::string& error);

// The level to draw at a camera zoom (projection.hpp's zoom: the world is 256 * 2^zoom px
// wide). 110m is made for a world a few hundred to ~1500 px wide; past that the 50m level.
int map_level_for_zoom(const MapAsset& asset, double zoom);

// The country (index into asset.countries) whose fill at `level` contains the world point,
// or -1 for the sea; where fills overlap, the one drawn on top. x is wrapped, so any world
// copy works. Linear in the triangles of the countries whose box holds the point: fine for
// hover (microseconds), not for bulk use.
int map_country_at(const MapAsset& asset, int level, double world_x, double world_y);

// The country with this exact alpha-2 code, or -1.
int map_find_country(const MapAsset& asset, std::string_view code);

}  // namespace atlas::geo
