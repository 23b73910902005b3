// test_map_asset.cpp — the basemap loader: a small synthetic asset (decoded exactly, then
// cut at every byte and corrupted byte by byte: always an error or a valid asset, never a
// crash or a read out of bounds — run under ASan/UBSan), and the real asset the build
// makes: the file the environment variable ATLAS_MAP_ASSET names, else the one the
// compile definition ATLAS_BASEMAP names; with neither, that test says it is skipped.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "geo/map_asset.hpp"
#include "geo/projection.hpp"

using namespace atlas::geo;

namespace {
// Writes the format of map_asset.hpp, so the tests can make valid assets and break them
// one field at a time.
struct Writer {
  std::vector<unsigned char> b;
  void u8(unsigned v) { b.push_back(static_cast<unsigned char>(v)); }
  void u16(unsigned v) {
    u8(v & 0xff);
    u8((v >> 8) & 0xff);
  }
  void u32(std::uint32_t v) {
    u16(v & 0xffff);
    u16(v >> 16);
  }
  // map_asset.hpp's coded delta: a 16-bit step, signed, zigzagged, 7 bits a byte.
  void delta(unsigned step) {
    const auto s = static_cast<std::int16_t>(step & 0xffff);
    auto v = static_cast<std::uint32_t>((s * 2) ^ (s < 0 ? -1 : 0)) & 0x1ffff;
    for (; v >= 0x80; v >>= 7) u8((v & 0x7f) | 0x80);
    u8(v);
  }
  void patch32(std::size_t at, std::uint32_t v) {
    for (int k = 0; k < 4; ++k) b[at + k] = static_cast<unsigned char>(v >> (8 * k));
  }
};

struct SynthCountry {
  const char* code;  // "" for none
  const char* name;
  // Per level: closed rings' vertices (uint16 world units) and local triangles.
  std::vector<std::vector<std::uint16_t>> xy;
  std::vector<std::vector<std::uint16_t>> tris;
};

// Two countries side by side (two triangles each, a square each) and a code-less islet on
// level 1 only, two levels; strips: the shared edge (border) and the islet's coast.
std::vector<unsigned char> synthetic_asset() {
  std::vector<SynthCountry> cs = {
      {"AU",
       "Australia",
       {{100, 100, 200, 100, 200, 200, 100, 200, 100, 100},
        {100, 100, 200, 100, 200, 200, 100, 200, 100, 100}},
       {{0, 1, 2, 0, 2, 3}, {0, 1, 2, 0, 2, 3}}},
      {"NZ",
       "New Zealand",
       {{200, 100, 300, 100, 300, 200, 200, 200, 200, 100},
        {200, 100, 300, 100, 300, 200, 200, 200, 200, 100}},
       {{0, 1, 2, 0, 2, 3}, {0, 1, 2, 0, 2, 3}}},
      {"",
       "Islet",
       {{}, {60000, 60000, 60010, 60000, 60005, 60010, 60000, 60000}},
       {{}, {0, 1, 2}}},
  };
  Writer w;
  for (char c : std::string("ATLASMAP")) w.u8(static_cast<unsigned char>(c));
  w.u16(2);  // version
  w.u16(2);  // levels
  w.u32(static_cast<std::uint32_t>(cs.size()));
  std::string names;
  for (const auto& c : cs) names += c.name;
  w.u32(static_cast<std::uint32_t>(names.size()));
  w.u32(0);  // size, patched
  w.u32(0);
  w.u32(0);
  std::uint32_t name_at = 0;
  std::uint32_t vfirst[2] = {0, 0}, ifirst[2] = {0, 0};
  for (const auto& c : cs) {
    w.u8(c.code[0] ? static_cast<unsigned char>(c.code[0]) : 0);
    w.u8(c.code[0] ? static_cast<unsigned char>(c.code[1]) : 0);
    w.u8(static_cast<unsigned>(std::strlen(c.name)));
    w.u8(0);
    w.u32(name_at);
    name_at += static_cast<std::uint32_t>(std::strlen(c.name));
    w.u16(c.xy[1].empty() ? 0 : c.xy[1][0] + 5);  // anchor
    w.u16(c.xy[1].empty() ? 0 : c.xy[1][1] + 5);
    w.u16(c.xy[1][0]);  // box
    w.u16(c.xy[1][1]);
    w.u16(c.xy[1][4]);
    w.u16(c.xy[1][5]);
    for (int l = 0; l < 2; ++l) {
      const auto nv = static_cast<std::uint32_t>(c.xy[l].size() / 2);
      const auto ni = static_cast<std::uint32_t>(c.tris[l].size());
      w.u32(vfirst[l]);
      w.u32(nv);
      w.u32(ifirst[l]);
      w.u32(ni);
      vfirst[l] += nv;
      ifirst[l] += ni;
    }
  }
  for (char c : names) w.u8(static_cast<unsigned char>(c));
  for (int l = 0; l < 2; ++l) {
    w.u32(vfirst[l]);
    w.u32(ifirst[l]);
    w.u32(l == 0 ? 1 : 2);  // strips
    const std::size_t coded_at = w.b.size();
    w.u32(0);  // the coded block's size, patched
    const std::size_t block_at = w.b.size();
    for (int axis = 0; axis < 2; ++axis) {
      unsigned p = 0;
      for (const auto& c : cs)
        for (std::size_t k = axis; k < c.xy[l].size(); k += 2) {
          w.delta(c.xy[l][k] - p);
          p = c.xy[l][k];
        }
    }
    unsigned prev = 0;
    for (const auto& c : cs) {
      for (std::uint16_t i : c.tris[l]) {
        w.delta(i - prev);
        prev = i;
      }
    }
    w.patch32(coded_at, static_cast<std::uint32_t>(w.b.size() - block_at));
    w.u32(1);  // AU's east edge, vertices 1..2: a border
    w.u32(2);
    if (l == 1) {  // the islet's ring: a coast (kind bit set)
      w.u32(10);
      w.u32(4u | 0x80000000u);
    }
  }
  w.patch32(20, static_cast<std::uint32_t>(w.b.size()));
  return w.b;
}

std::vector<unsigned char> read_file(const char* path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}
}  // namespace

TEST_CASE("map asset: a synthetic asset decodes exactly") {
  const auto bytes = synthetic_asset();
  MapAsset a;
  std::string error;
  REQUIRE_MESSAGE(load_map_asset(bytes.data(), bytes.size(), a, error), error);
  CHECK(error.empty());
  REQUIRE(a.countries.size() == 3);
  REQUIRE(a.levels.size() == 2);
  CHECK(a.countries[0].code == "AU");
  CHECK(a.countries[1].name == "New Zealand");
  CHECK(a.countries[2].code.empty());
  CHECK(a.countries[2].name == "Islet");
  CHECK(a.countries[0].anchor_x == doctest::Approx(105 / 65535.0));
  CHECK(a.countries[0].label_box.x1 == doctest::Approx(200 / 65535.0));
  CHECK(a.levels[0].vertex_count() == 10);
  CHECK(a.levels[1].vertex_count() == 14);
  // NZ's triangles, made global: its vertices start at 5.
  const MapRange t = a.countries[1].triangles[0];
  CHECK(t.first == 6);
  CHECK(t.count == 6);
  CHECK(a.levels[0].indices[t.first] == 5);
  CHECK(a.levels[0].indices[t.first + 2] == 7);
  CHECK(a.levels[1].xy[2 * 10] == doctest::Approx(60000 / 65535.0));
  CHECK(a.countries[2].triangles[0].count == 0);
  REQUIRE(a.levels[1].strips.size() == 2);
  CHECK(a.levels[1].strips[0].kind == LineKind::Border);
  CHECK(a.levels[1].strips[1].kind == LineKind::Coast);
  CHECK(a.levels[1].strips[1].count == 4);
  CHECK(a.countries[1].fill_box[0].x0 == doctest::Approx(200 / 65535.0));

  // Lookups.
  CHECK(map_find_country(a, "NZ") == 1);
  CHECK(map_find_country(a, "nz") == -1);
  CHECK(map_find_country(a, "") == -1);
  CHECK(map_country_at(a, 0, 150 / 65535.0, 150 / 65535.0) == 0);
  CHECK(map_country_at(a, 0, 1 + 250 / 65535.0, 150 / 65535.0) == 1);  // another world copy
  CHECK(map_country_at(a, 0, 350 / 65535.0, 150 / 65535.0) == -1);
  CHECK(map_country_at(a, 1, 60005 / 65535.0, 60003 / 65535.0) == 2);
  CHECK(map_country_at(a, 0, 60005 / 65535.0, 60003 / 65535.0) == -1);  // not on level 0
  CHECK(map_country_at(a, 5, 0.1, 0.1) == -1);
  CHECK(map_level_for_zoom(a, 0) == 0);
  CHECK(map_level_for_zoom(a, 4) == 1);
}

TEST_CASE("map asset: truncated at every byte -> an error, never a crash") {
  const auto bytes = synthetic_asset();
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    // A fresh heap copy of exactly n bytes, so ASan sees any read past the end.
    std::vector<unsigned char> cut(bytes.begin(), bytes.begin() + static_cast<long>(n));
    MapAsset a;
    std::string error;
    const unsigned char* p = n ? cut.data() : nullptr;
    REQUIRE_FALSE(load_map_asset(p, n, a, error));
    REQUIRE_FALSE(error.empty());
    REQUIRE(a.countries.empty());
    REQUIRE(a.levels.empty());
  }
  // A byte too many is refused too (the size field).
  auto longer = bytes;
  longer.push_back(0);
  MapAsset a;
  std::string error;
  CHECK_FALSE(load_map_asset(longer.data(), longer.size(), a, error));
}

TEST_CASE("map asset: every byte corrupted -> valid or an error, never a crash") {
  const auto bytes = synthetic_asset();
  std::size_t refused = 0, accepted = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (unsigned v : {0x00u, 0x01u, 0x7fu, 0x80u, 0xffu, bytes[i] ^ 0x10u}) {
      auto bad = bytes;
      bad[i] = static_cast<unsigned char>(v);
      MapAsset a;
      std::string error;
      if (load_map_asset(bad.data(), bad.size(), a, error)) {
        ++accepted;
        // Whatever got through is internally consistent: safe to draw.
        for (const MapLevel& lv : a.levels) {
          for (std::uint32_t idx : lv.indices) REQUIRE(idx < lv.vertex_count());
          for (const MapStrip& s : lv.strips) REQUIRE(s.first + s.count <= lv.vertex_count());
        }
      } else {
        ++refused;
        REQUIRE_FALSE(error.empty());
      }
    }
  }
  CHECK(refused > 0);
  CHECK(accepted > 0);  // coordinates can take any value: those bytes stay valid
}

TEST_CASE("map asset: specific faults name the problem") {
  const auto good = synthetic_asset();
  auto check = [&](std::size_t at, unsigned char v, const char* words) {
    auto bad = good;
    bad[at] = v;
    MapAsset a;
    std::string error;
    CHECK_FALSE(load_map_asset(bad.data(), bad.size(), a, error));
    CHECK_MESSAGE(error.find(words) != std::string::npos, error);
  };
  check(0, 'X', "magic");
  check(8, 1, "version 1");
  check(10, 9, "levels");
  check(32, 'a', "two letters");  // AU's code, lower case
  const std::size_t rec = 20 + 16 * 2;
  check(32 + 2, 200, "outside the names");  // name length past the block
  check(32 + rec + 13, 0xff, "inverted");   // NZ's box: x0 (high byte) past x1
  // The names block: invalid UTF-8.
  check(32 + 3 * rec, 0xff, "UTF-8");
  // Level 0's coded block: its size against the counts, then a delta of four bytes.
  const std::size_t level0 = 32 + 3 * rec + std::strlen("AustraliaNew ZealandIslet");
  check(level0 + 12, 1, "does not match the vertex and index counts");
  {
    auto bad = good;  // the first x step, 100 (zigzag 200: two bytes), made to run on
    REQUIRE(bad[level0 + 16] == (0x80 | (200 & 0x7f)));
    bad[level0 + 17] |= 0x80;
    MapAsset a;
    std::string error;
    CHECK_FALSE(load_map_asset(bad.data(), bad.size(), a, error));
    CHECK_MESSAGE(error.find("cut or out of range") != std::string::npos, error);
  }
  MapAsset a;
  std::string error;
  CHECK_FALSE(load_map_asset(nullptr, 10, a, error));
}

TEST_CASE("map asset: every coded step decodes to itself") {
  // One country, one level: a ring whose x and y steps run through every 16-bit step
  // worth testing (the zigzag's ends and the byte boundaries), decoded back exactly.
  const unsigned steps[] = {0,     1,     63,    64,    127,   128,    8191,   8192,
                            16383, 16384, 32767, 32768, 32769, 0xff80, 0xfffe, 0xffff};
  Writer w;
  for (char c : std::string("ATLASMAP")) w.u8(static_cast<unsigned char>(c));
  w.u16(2);
  w.u16(1);
  w.u32(1);  // one country
  w.u32(1);  // its name: "X"
  w.u32(0);
  w.u32(0);
  w.u32(0);
  const std::uint32_t n = std::size(steps) + 3;  // three vertices make one triangle
  w.u8('X');
  w.u8('X');
  w.u8(1);
  w.u8(0);
  w.u32(0);
  for (int k = 0; k < 6; ++k) w.u16(0);  // anchor, box
  w.u32(0);
  w.u32(n);
  w.u32(0);
  w.u32(3);
  w.u8('X');
  w.u32(n);
  w.u32(3);
  w.u32(0);
  const std::size_t coded_at = w.b.size();
  w.u32(0);
  const std::size_t block_at = w.b.size();
  std::vector<std::uint16_t> want_x, want_y;
  for (int axis = 0; axis < 2; ++axis) {
    std::uint16_t at = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
      const unsigned step = i < std::size(steps) ? steps[axis ? std::size(steps) - 1 - i : i] : 1;
      w.delta(step);
      at = static_cast<std::uint16_t>(at + step);
      (axis ? want_y : want_x).push_back(at);
    }
  }
  w.delta(0);
  w.delta(1);
  w.delta(1);
  w.patch32(coded_at, static_cast<std::uint32_t>(w.b.size() - block_at));
  w.patch32(20, static_cast<std::uint32_t>(w.b.size()));
  MapAsset a;
  std::string error;
  REQUIRE_MESSAGE(load_map_asset(w.b.data(), w.b.size(), a, error), error);
  for (std::uint32_t i = 0; i < n; ++i) {
    CHECK(a.levels[0].xy[2 * i] == doctest::Approx(want_x[i] / 65535.0));
    CHECK(a.levels[0].xy[2 * i + 1] == doctest::Approx(want_y[i] / 65535.0));
  }
  CHECK(a.levels[0].indices == std::vector<std::uint32_t>{0, 1, 2});
}

#ifdef ATLAS_TEST_DATA
TEST_CASE("map asset: the fuzzer's seed is this synthetic asset") {
  // tests/geo/fuzz_corpus/synthetic.bin must follow the format: rewrite it from
  // synthetic_asset() whenever the format or the synthetic asset changes.
  const auto seed = read_file(ATLAS_TEST_DATA "/../geo/fuzz_corpus/synthetic.bin");
  CHECK(seed == synthetic_asset());
}
#endif

TEST_CASE("map asset: the real asset built from world-atlas") {
  // The environment wins (to test another build); else the build's own, when it says.
  const char* path = std::getenv("ATLAS_MAP_ASSET");
#ifdef ATLAS_BASEMAP
  if (path == nullptr || *path == '\0') path = ATLAS_BASEMAP;
#endif
  if (path == nullptr || *path == '\0') {
    MESSAGE("skipped: no map asset (set ATLAS_MAP_ASSET, or build with ATLAS_BASEMAP)");
    return;
  }
  const auto bytes = read_file(path);
  REQUIRE_MESSAGE(!bytes.empty(), "cannot read " << path);
  MapAsset a;
  std::string error;
  REQUIRE_MESSAGE(load_map_asset(bytes.data(), bytes.size(), a, error), error);
  CHECK(bytes.size() < 1500 * 1000);
  CHECK(a.countries.size() >= 230);
  REQUIRE(a.levels.size() == 2);
  CHECK(a.levels[0].indices.size() < a.levels[1].indices.size());

  // The places the coalition works in are there at both levels, with small ones (Singapore,
  // Hong Kong) filled at the world view too.
  for (const char* code :
       {"AU", "NZ", "SG", "HK", "TH", "PH", "ID", "MY", "JP", "KR", "TW", "FJ", "US"}) {
    const int i = map_find_country(a, code);
    REQUIRE_MESSAGE(i >= 0, std::string(code));
    CHECK_MESSAGE(a.countries[i].triangles[0].count > 0, std::string(code));
    CHECK_MESSAGE(a.countries[i].triangles[1].count > 0, std::string(code));
  }
  // Shapes without an ISO code stay as land, code "".
  int codeless = 0;
  for (const MapCountry& c : a.countries) codeless += c.code.empty();
  CHECK(codeless >= 3);

  // Points in countries (lon, lat) at both levels, and sea.
  struct Probe {
    double lon, lat;
    const char* code;
  };
  const Probe probes[] = {{175.6, -39.0, "NZ"},  {171.5, -43.5, "NZ"}, {103.82, 1.35, "SG"},
                          {114.13, 22.42, "HK"}, {100.5, 13.75, "TH"}, {121.0, 14.6, "PH"},
                          {133.0, -25.0, "AU"},  {178.0, -17.8, "FJ"}, {-155.5, 19.6, "US"},
                          {2.35, 48.86, "FR"},   {-47.9, -15.8, "BR"}};
  for (const Probe& p : probes) {
    const Vec2 w = lonlat_to_world(p.lon, p.lat);
    for (int level = 0; level < 2; ++level) {
      const int i = map_country_at(a, level, w.x, w.y);
      const std::string want = p.code;
      REQUIRE_MESSAGE(i >= 0, want << " level " << level);
      CHECK_MESSAGE(a.countries[i].code == want,
                    want << " level " << level << " got " << a.countries[i].code);
    }
  }
  const Vec2 pacific = lonlat_to_world(-140, -20);
  CHECK(map_country_at(a, 1, pacific.x, pacific.y) == -1);
  CHECK(map_country_at(a, 0, pacific.x, pacific.y) == -1);

  // Label anchors sit inside their own country (the pole of inaccessibility of its largest
  // polygon), except perhaps the tiniest, rounded to the grid.
  int inside = 0;
  for (std::size_t i = 0; i < a.countries.size(); ++i) {
    inside += map_country_at(a, 1, a.countries[i].anchor_x, a.countries[i].anchor_y) ==
              static_cast<int>(i);
  }
  CHECK(inside >= static_cast<int>(a.countries.size()) * 95 / 100);
  const int nz = map_find_country(a, "NZ");
  CHECK(map_country_at(a, 1, a.countries[nz].anchor_x, a.countries[nz].anchor_y) == nz);

  // Both kinds of line; nothing drawn along the 180° meridian (x = 0 or 1 on both ends).
  for (const MapLevel& lv : a.levels) {
    int borders = 0, coasts = 0;
    for (const MapStrip& s : lv.strips) {
      (s.kind == LineKind::Border ? borders : coasts)++;
      for (std::uint32_t k = s.first; k + 1 < s.first + s.count; ++k) {
        const float x0 = lv.xy[2 * k], x1 = lv.xy[2 * k + 2];
        REQUIRE_FALSE(((x0 == 0 && x1 == 0) || (x0 == 1 && x1 == 1)));
      }
    }
    CHECK(borders > 100);
    CHECK(coasts > 100);
  }
}
