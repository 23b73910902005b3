// test_gazetteer.cpp — place lookup: folding, a small synthetic asset (decoded exactly,
// searched, then cut at every byte and corrupted byte by byte: always an error or a valid
// gazetteer, never a crash or a read out of bounds — run under ASan/UBSan), and the real
// asset the build makes from GeoNames: the file the environment variable ATLAS_GAZETTEER
// names, else the one the compile definition ATLAS_GAZETTEER names; with neither, that test
// says it is skipped.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "geo/gazetteer.hpp"

using namespace atlas::geo;

namespace {

// ---------------------------------------------------------------------------------
// A writer of the format in gazetteer.hpp, so the tests can make valid assets and break
// them one field at a time.
// ---------------------------------------------------------------------------------
struct SynthPlace {
  std::string name, ascii, country;
  std::int32_t lat, lon;  // 1e-5 degrees
  std::uint32_t population;
  bool capital;
  std::vector<std::string> alternates;
};

std::vector<SynthPlace> synthetic_places() {
  return {
      {"Manila", "", "PH", 1460420, 12098220, 1600000, true, {"Maynila", "City of Manila"}},
      {"Quezon City", "", "PH", 1464880, 12104240, 2761720, false, {"Quezon"}},
      {"Hanoi", "", "VN", 2102450, 10584117, 1431270, true, {"Ha Noi", "Hà Nội"}},
      {"Ho Chi Minh City", "", "VN", 1082302, 10662965, 3467331, false, {"Saigon", "Sài Gòn"}},
      {"Kuala Lumpur", "", "MY", 314120, 10168653, 1453975, true, {}},
      {"Kuala Terengganu", "", "MY", 532964, 10313698, 285065, false, {}},
      {"Wellington", "", "NZ", -4128664, 17477557, 381900, true, {"Te Whanga-nui-a-Tara"}},
      {"Wellington", "", "US", 2665868, -8024144, 62560, false, {}},
      {"Tórshavn", "Torshavn", "FO", 6201071, -677198, 13200, true, {}},
      {"Vaduz", "", "LI", 4713993, 952136, 5197, true, {}},
      {"Nukuʻalofa", "Nuku`alofa", "TO", -2113938, -17520480, 22400, true, {}},
      {"Đà Nẵng", "Da Nang", "VN", 1606778, 10820806, 752493, false, {}},
  };
}

struct Bytes {
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
  void text(const std::string& s) { b.insert(b.end(), s.begin(), s.end()); }
  void planes(const std::vector<std::uint32_t>& col) {
    for (int k = 0; k < 4; ++k)
      for (std::uint32_t v : col) u8((v >> (8 * k)) & 0xff);
  }
};

constexpr const char* kSynthAttribution = "Places: test data, CC0";

std::vector<unsigned char> encode(const std::vector<SynthPlace>& ps,
                                  const std::string& attribution = kSynthAttribution) {
  std::uint32_t alts = 0;
  std::string strings, alt_lengths;
  for (const auto& p : ps) {
    strings += p.name + p.ascii;
    for (const auto& a : p.alternates) {
      strings += a;
      alt_lengths += static_cast<char>(a.size());
      ++alts;
    }
  }
  Bytes w;
  w.text("ATLASGAZ");
  w.u16(1);
  w.u16(static_cast<unsigned>(attribution.size()));
  w.u32(static_cast<std::uint32_t>(ps.size()));
  w.u32(alts);
  w.u32(static_cast<std::uint32_t>(strings.size()));
  const std::size_t size = 32 + attribution.size() + 18 * ps.size() + alts + strings.size();
  w.u32(static_cast<std::uint32_t>(size));
  w.u32(0);
  w.text(attribution);
  for (const auto& p : ps) w.text(p.country);
  for (const auto& p : ps) w.u8(p.capital ? 1 : 0);
  for (const auto& p : ps) w.u8(static_cast<unsigned>(p.name.size()));
  for (const auto& p : ps) w.u8(static_cast<unsigned>(p.ascii.size()));
  for (const auto& p : ps) w.u8(static_cast<unsigned>(p.alternates.size()));
  std::vector<std::uint32_t> lat, lon, pop;
  for (const auto& p : ps) {
    lat.push_back(static_cast<std::uint32_t>(p.lat));
    lon.push_back(static_cast<std::uint32_t>(p.lon));
    pop.push_back(p.population);
  }
  w.planes(lat);
  w.planes(lon);
  w.planes(pop);
  w.text(alt_lengths);
  w.text(strings);
  REQUIRE(w.b.size() == size);
  return w.b;
}

Gazetteer load_ok(const std::vector<unsigned char>& bytes) {
  Gazetteer g;
  std::string error;
  REQUIRE_MESSAGE(load_gazetteer(bytes.data(), bytes.size(), g, error), error);
  CHECK(error.empty());
  return g;
}

std::string load_error(const std::vector<unsigned char>& bytes) {
  Gazetteer g;
  std::string error;
  CHECK_FALSE(load_gazetteer(bytes.data(), bytes.size(), g, error));
  CHECK(g.empty());
  CHECK(g.alternates().empty());
  CHECK(g.search("").empty());
  return error;
}

std::vector<std::string> names(const std::vector<GazetteerHit>& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(h.name + "/" + h.country);
  return out;
}

std::vector<unsigned char> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

// ---------------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------------
TEST_CASE("gazetteer: folding ignores case, accents and punctuation") {
  CHECK(gazetteer_fold("Manila") == "manila");
  CHECK(gazetteer_fold("  MANILA  ") == "manila");
  CHECK(gazetteer_fold("Hà Nội") == "ha noi");
  CHECK(gazetteer_fold("Hồ Chí Minh") == "ho chi minh");
  CHECK(gazetteer_fold("Thành phố Hồ Chí Minh") == "thanh pho ho chi minh");
  CHECK(gazetteer_fold("Đà Nẵng") == "da nang");
  CHECK(gazetteer_fold("Huế") == "hue");
  CHECK(gazetteer_fold("Cần Thơ") == "can tho");
  CHECK(gazetteer_fold("Tórshavn") == "torshavn");
  CHECK(gazetteer_fold("São Paulo") == "sao paulo");
  CHECK(gazetteer_fold("Zürich") == "zurich");
  CHECK(gazetteer_fold("Łódź") == "lodz");
  CHECK(gazetteer_fold("Straße") == "strasse");
  CHECK(gazetteer_fold("Ærøskøbing") == "aeroskobing");
  CHECK(gazetteer_fold("Þórshöfn") == "thorshofn");
  CHECK(gazetteer_fold("İstanbul") == "istanbul");
  CHECK(gazetteer_fold("Gəncə") == "gence");
  CHECK(gazetteer_fold("Nukuʻalofa") == "nukualofa");
  CHECK(gazetteer_fold("Nuku'alofa") == "nukualofa");
  CHECK(gazetteer_fold("Saint George’s") == "saint georges");
  CHECK(gazetteer_fold("Saint-Denis") == "saint denis");
  CHECK(gazetteer_fold("Kuala   Lumpur,") == "kuala lumpur");
  CHECK(gazetteer_fold("(Wellington)") == "wellington");
  CHECK(gazetteer_fold("Palikir - National Government Center") ==
        "palikir national government center");
  // Decomposed input (a base letter and combining marks) folds like the composed form.
  CHECK(gazetteer_fold("Ha\xCC\x80 No\xCC\xA3\xCC\x82i") == gazetteer_fold("Hà Nội"));
  // Other scripts pass through; broken UTF-8 is a separator, never a crash.
  CHECK(gazetteer_fold("Москва") == "Москва");
  CHECK(gazetteer_fold("ab\xFF\xC3") == "ab");
  CHECK(gazetteer_fold("a\xE1\x80z") == "a z");
  CHECK(gazetteer_fold("") == "");
  CHECK(gazetteer_fold(" - ' ") == "");
  CHECK(gazetteer_fold(std::string("a\0b", 3)) == "a b");
}

// ---------------------------------------------------------------------------------
// A synthetic asset
// ---------------------------------------------------------------------------------
TEST_CASE("gazetteer: a synthetic asset decodes exactly") {
  const auto ps = synthetic_places();
  const Gazetteer g = load_ok(encode(ps));
  CHECK(g.attribution() == kSynthAttribution);
  REQUIRE(g.places().size() == ps.size());
  std::size_t alts = 0;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const GazetteerPlace& p = g.places()[i];
    CAPTURE(ps[i].name);
    CHECK(p.name == ps[i].name);
    CHECK(p.ascii_name == (ps[i].ascii.empty() ? ps[i].name : ps[i].ascii));
    CHECK(p.country == ps[i].country);
    CHECK(p.lat == doctest::Approx(ps[i].lat / 1e5).epsilon(1e-12));
    CHECK(p.lon == doctest::Approx(ps[i].lon / 1e5).epsilon(1e-12));
    CHECK(p.population == ps[i].population);
    CHECK(p.capital == ps[i].capital);
    REQUIRE(p.alternates_count == ps[i].alternates.size());
    CHECK(p.alternates_first == alts);
    for (std::size_t k = 0; k < ps[i].alternates.size(); ++k)
      CHECK(g.alternates()[p.alternates_first + k] == ps[i].alternates[k]);
    alts += ps[i].alternates.size();
  }
  CHECK(g.alternates().size() == alts);
  // Negative positions survive the byte planes: Wellington NZ, Nuku'alofa.
  CHECK(g.places()[6].lat == doctest::Approx(-41.28664));
  CHECK(g.places()[10].lon == doctest::Approx(-175.2048));

  // An empty gazetteer is valid too.
  const Gazetteer none = load_ok(encode({}, ""));
  CHECK(none.empty());
  CHECK(none.search("manila").empty());
}

TEST_CASE("gazetteer: search on the synthetic asset") {
  const Gazetteer g = load_ok(encode(synthetic_places()));

  SUBCASE("exact, prefix, word prefix; case and accents do not matter") {
    for (const char* q : {"manila", "MANILA", "Manila", " manila ", "máníla"}) {
      CAPTURE(q);
      const auto hits = g.search(q);
      REQUIRE(!hits.empty());
      CHECK(hits[0].name == "Manila");
      CHECK(hits[0].country == "PH");
      CHECK(hits[0].match == GazetteerMatch::Exact);
      CHECK(hits[0].matched == "");
      CHECK(hits[0].lat == doctest::Approx(14.6042));
      CHECK(hits[0].lon == doctest::Approx(120.9822));
      CHECK(hits[0].capital);
    }
    auto hits = g.search("man");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].match == GazetteerMatch::Prefix);
    hits = g.search("lumpur");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].name == "Kuala Lumpur");
    CHECK(hits[0].match == GazetteerMatch::WordPrefix);
    // Inside a word is no match.
    CHECK(g.search("anila").empty());
    CHECK(g.search("xyz").empty());
  }
  SUBCASE("ranked by match, then population") {
    // Both prefixes: the larger first.
    CHECK(names(g.search("kuala")) ==
          std::vector<std::string>{"Kuala Lumpur/MY", "Kuala Terengganu/MY"});
    CHECK(names(g.search("wellington")) ==
          std::vector<std::string>{"Wellington/NZ", "Wellington/US"});
    // An exact alternate beats a name's prefix: "quezon" is an alternate of Quezon City.
    const auto q = g.search("quezon");
    REQUIRE(q.size() == 1);
    CHECK(q[0].match == GazetteerMatch::Exact);
    CHECK(q[0].matched == "Quezon");
    // The match first, then name before alternate: "city" starts an alternate of Manila
    // ("City of Manila"), and only a later word of two names (then the larger first).
    CHECK(names(g.search("city")) ==
          std::vector<std::string>{"Manila/PH", "Ho Chi Minh City/VN", "Quezon City/PH"});
  }
  SUBCASE("alternate names, folded") {
    for (const char* q : {"ha noi", "hà nội", "HA NOI", "Ha Noi", "hanoi", "ha n"}) {
      CAPTURE(q);
      const auto hits = g.search(q);
      REQUIRE(!hits.empty());
      CHECK(hits[0].name == "Hanoi");
      CHECK(hits[0].country == "VN");
    }
    auto hits = g.search("hà nội");
    CHECK(hits[0].matched == "Ha Noi");  // the first alternate that folds to the query
    CHECK(hits[0].match == GazetteerMatch::Exact);
    hits = g.search("saigon");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].name == "Ho Chi Minh City");
    CHECK(hits[0].matched == "Saigon");
    hits = g.search("sai gon");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].matched == "Sài Gòn");
    CHECK(g.search("ho chi minh")[0].name == "Ho Chi Minh City");
    CHECK(g.search("da nang")[0].name == "Đà Nẵng");
    CHECK(g.search("torshavn")[0].name == "Tórshavn");
    CHECK(g.search("nuku'alofa")[0].name == "Nukuʻalofa");
    CHECK(g.search("whanga")[0].name == "Wellington");  // a word of an alternate
  }
  SUBCASE("the name beats an alternate at the same level") {
    // "Manila" (name, exact) and "City of Manila" (alternate, word prefix) are one place:
    // one hit, reported as the name's match.
    const auto hits = g.search("manila");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].matched == "");
  }
  SUBCASE("country filter") {
    CHECK(names(g.search("wellington", "US")) == std::vector<std::string>{"Wellington/US"});
    CHECK(names(g.search("wellington", "nz")) == std::vector<std::string>{"Wellington/NZ"});
    CHECK(g.search("manila", "VN").empty());
    CHECK(g.search("manila", "PHL").empty());
    CHECK(g.search("manila", "P").empty());
    CHECK(g.search("manila", "P1").empty());
    // No query: the country's places, largest first.
    CHECK(names(g.search("", "VN")) ==
          std::vector<std::string>{"Ho Chi Minh City/VN", "Hanoi/VN", "Đà Nẵng/VN"});
  }
  SUBCASE("limit") {
    CHECK(g.search("", "", 3).size() == 3);
    CHECK(g.search("").size() == 10);
    CHECK(g.search("", "", 100).size() == synthetic_places().size());
    CHECK(g.search("manila", "", 0).empty());
    CHECK(g.search("")[0].name == "Ho Chi Minh City");  // the largest
  }
}

// ---------------------------------------------------------------------------------
// Corrupt assets
// ---------------------------------------------------------------------------------
TEST_CASE("gazetteer: a truncated asset is an error at every length") {
  const auto good = encode(synthetic_places());
  for (std::size_t n = 0; n < good.size(); ++n) {
    CAPTURE(n);
    const std::vector<unsigned char> cut(good.begin(), good.begin() + static_cast<long>(n));
    Gazetteer g;
    std::string error;
    CHECK_FALSE(load_gazetteer(cut.data(), cut.size(), g, error));
    CHECK(!error.empty());
    CHECK(g.empty());
  }
  auto longer = good;
  longer.push_back(0);
  CHECK(load_error(longer).find("the header says") != std::string::npos);
  Gazetteer g;
  std::string error;
  CHECK_FALSE(load_gazetteer(nullptr, 10, g, error));
  CHECK_FALSE(load_gazetteer(nullptr, 0, g, error));
}

TEST_CASE("gazetteer: every corrupted byte is an error or a valid gazetteer") {
  const auto good = encode(synthetic_places());
  int loaded = 0, refused = 0;
  for (std::size_t i = 0; i < good.size(); ++i) {
    for (unsigned char v : {0x00, 0x01, 0x7F, 0x80, 0xFF}) {
      if (good[i] == v) continue;
      auto bad = good;
      bad[i] = v;
      Gazetteer g;
      std::string error;
      if (load_gazetteer(bad.data(), bad.size(), g, error)) {
        ++loaded;
        // Whatever loaded is usable: searching it touches every key.
        (void)g.search("a");
        (void)g.search("", "", 1000);
        for (const auto& p : g.places()) {
          CHECK(p.country.size() == 2);
          CHECK(std::fabs(p.lat) <= 90.0);
          CHECK(std::fabs(p.lon) <= 180.0);
          CHECK(!p.name.empty());
        }
      } else {
        ++refused;
        CHECK(!error.empty());
        CHECK(g.empty());
      }
    }
  }
  CHECK(loaded > 0);  // positions, populations and letters may change and stay valid
  CHECK(refused > 0);
}

TEST_CASE("gazetteer: each broken field is named") {
  const auto ps = synthetic_places();
  const auto good = encode(ps);
  auto with = [&](std::size_t at, unsigned char v) {
    auto b = good;
    b[at] = v;
    return load_error(b);
  };
  const std::size_t attr = std::string(kSynthAttribution).size();
  const std::size_t n = ps.size();
  const std::size_t cols = 32 + attr;  // the country column
  CHECK(with(0, 'X').find("bad magic") != std::string::npos);
  CHECK(with(8, 2).find("version 2") != std::string::npos);
  CHECK(with(28, 1).find("reserved") != std::string::npos);
  CHECK(with(12, static_cast<unsigned char>(n + 1)).find("counts make") != std::string::npos);
  CHECK(with(32, 0xC3).find("attribution") != std::string::npos);
  CHECK(with(cols, 'a').find("place 0: the country code") != std::string::npos);
  CHECK(with(cols + 2 * n, 2).find("place 0: unknown flags") != std::string::npos);
  CHECK(with(cols + 3 * n, 0).find("place 0: an empty name") != std::string::npos);
  // A name one byte longer leaves the lengths adding up to more than the string block.
  CHECK(with(cols + 3 * n, 7).find("lengths add up") != std::string::npos);
  // One alternate more than the header says.
  CHECK(with(cols + 5 * n + 4, 1).find("alternate names, the header says") != std::string::npos);
  // Latitude 0x7F?????? is far past 90 degrees: its high byte plane.
  CHECK(with(cols + 6 * n + 3 * n, 0x7F).find("place 0: the position") != std::string::npos);
  // Longitude's high byte of place 0.
  CHECK(with(cols + 6 * n + 4 * n + 3 * n, 0x80).find("position") != std::string::npos);
  // The first string byte ("M" of Manila) made a control character, then bad UTF-8.
  const std::size_t strings = good.size() - [&] {
    std::size_t s = 0;
    for (const auto& p : ps) {
      s += p.name.size() + p.ascii.size();
      for (const auto& a : p.alternates) s += a.size();
    }
    return s;
  }();
  CHECK(with(strings, 0x01).find("place 0: the name is not valid UTF-8 text") != std::string::npos);
  CHECK(with(strings, 0xC0).find("place 0: the name") != std::string::npos);
  CHECK(with(strings + 6, 0xFF).find("place 0: an alternate name") != std::string::npos);
  // An alternate of length 0.
  CHECK(with(cols + 18 * n, 0).find("alternate name 0 is empty") != std::string::npos);
}

// ---------------------------------------------------------------------------------
// The real asset
// ---------------------------------------------------------------------------------
TEST_CASE("gazetteer: the real asset built from GeoNames") {
  // The environment wins (to test another build); else the build's own, when it says.
  const char* path = std::getenv("ATLAS_GAZETTEER");
#ifdef ATLAS_GAZETTEER
  if (path == nullptr || *path == '\0') path = ATLAS_GAZETTEER;
#endif
  if (path == nullptr || *path == '\0') {
    MESSAGE("skipped: no gazetteer (set ATLAS_GAZETTEER, or build with ATLAS_GAZETTEER)");
    return;
  }
  const auto bytes = read_file(path);
  REQUIRE_MESSAGE(!bytes.empty(), "cannot read " << path);
  Gazetteer g;
  std::string error;
  REQUIRE_MESSAGE(load_gazetteer(bytes.data(), bytes.size(), g, error), error);
  CHECK(bytes.size() < 1200 * 1000);
  CHECK(g.places().size() > 20000);
  CHECK(g.attribution().find("GeoNames") != std::string::npos);
  CHECK(g.attribution().find("CC BY 4.0") != std::string::npos);
  const auto capitals = std::count_if(g.places().begin(), g.places().end(),
                                      [](const GazetteerPlace& p) { return p.capital; });
  CHECK(capitals >= 240);

  auto first = [&](const char* q, const char* country = "") {
    const auto hits = g.search(q, country, 5);
    REQUIRE_MESSAGE(!hits.empty(), "nothing for " << q);
    return hits[0];
  };
  auto near = [](const GazetteerHit& h, double lat, double lon) {
    return std::fabs(h.lat - lat) < 0.2 && std::fabs(h.lon - lon) < 0.2;
  };

  SUBCASE("a city and its country, as users type them") {
    auto h = g.search_text("Perth, Australia", 3);
    REQUIRE(!h.empty());
    CHECK(h[0].name == "Perth");
    CHECK(h[0].country == "AU");
    CHECK(near(h[0], -31.95, 115.86));
    for (const auto& hit : h) CHECK(hit.country == "AU");
    h = g.search_text("perth, au", 3);
    REQUIRE(!h.empty());
    CHECK(h[0].country == "AU");
    h = g.search_text("San Jose, Philippines", 5);
    REQUIRE(!h.empty());
    for (const auto& hit : h) CHECK(hit.country == "PH");
    h = g.search_text("san jose, costa rica", 1);
    REQUIRE(h.size() == 1);
    CHECK(h[0].country == "CR");
    // Not a country after the comma: the whole text is the query (and finds nothing).
    CHECK(g.search_text("Perth, Narnia", 3).empty());
    // No comma: every country.
    CHECK(g.search_text("manila", 1).at(0).country == "PH");
  }

  SUBCASE("the coalition's cities") {
    auto h = first("manila");
    CHECK(h.name == "Manila");
    CHECK(h.country == "PH");
    CHECK(h.capital);
    CHECK(near(h, 14.6, 121.0));
    CHECK(first("Bangkok").country == "TH");
    CHECK(near(first("bangkok"), 13.75, 100.5));
    h = first("wellington");
    CHECK(h.country == "NZ");
    CHECK(near(h, -41.29, 174.78));
    h = first("ha noi");
    CHECK(h.name == "Hanoi");
    CHECK(h.country == "VN");
    CHECK(near(h, 21.02, 105.84));
    CHECK(first("hà nội").name == "Hanoi");
    CHECK(first("Hà Nội").name == "Hanoi");
    CHECK(first("hanoi").name == "Hanoi");
    h = first("ho chi minh");
    CHECK(h.name == "Ho Chi Minh City");
    CHECK(h.country == "VN");
    CHECK(first("saigon").name == "Ho Chi Minh City");
    CHECK(first("kuala").name == "Kuala Lumpur");
    CHECK(first("kuala lumpur").country == "MY");
    CHECK(first("singapore").country == "SG");
    CHECK(first("jakarta").country == "ID");
    CHECK(first("hong kong").country == "HK");
    CHECK(first("sydney").country == "AU");
    CHECK(first("auckland").country == "NZ");
    CHECK(first("da nang").country == "VN");
  }
  SUBCASE("country filter") {
    CHECK(first("wellington", "US").country == "US");
    CHECK(first("wellington", "za").country == "ZA");
    CHECK(g.search("manila", "US").empty());  // Manila, Arkansas has ~3,000 people
    for (const auto& hit : g.search("san", "PH", 50)) CHECK(hit.country == "PH");
    CHECK(g.search("", "SG", 3).size() >= 1);
  }
  SUBCASE("capitals smaller than 15,000 people are there") {
    const std::initializer_list<std::pair<const char*, const char*>> small = {
        {"vaduz", "LI"},      {"funafuti", "TV"}, {"valletta", "MT"},
        {"san marino", "SM"}, {"palikir", "FM"},  {"alofi", "NU"}};
    for (const auto& place : small) {
      CAPTURE(place.first);
      const auto h = first(place.first, place.second);
      CHECK(h.capital);
      CHECK(h.population < 15000);
    }
  }
  SUBCASE("fast enough for every keystroke") {
    // Every prefix of a few names as typed, 1,000 searches in all.
    std::vector<std::string> queries;
    for (int round = 0; queries.size() < 1000; ++round) {
      for (const char* name : {"manila", "bangkok", "wellington", "ho chi minh", "ha noi",
                               "kuala lumpur", "singapore", "jakarta", "a", "sa"}) {
        const std::string s = name;
        for (std::size_t k = 1; k <= s.size() && queries.size() < 1000; ++k)
          queries.push_back(s.substr(0, k));
      }
      (void)round;
    }
    std::vector<double> ms;
    for (const auto& q : queries) {
      const auto t0 = std::chrono::steady_clock::now();
      const auto hits = g.search(q);
      ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      CHECK(hits.size() <= 10);
    }
    std::sort(ms.begin(), ms.end());
    MESSAGE("gazetteer search over " << g.places().size() << " places: median " << ms[ms.size() / 2]
                                     << " ms, max " << ms.back() << " ms (1,000 queries)");
    CHECK(ms[ms.size() / 2] < 50.0);  // a bound for slow sanitizer builds, not a benchmark
  }
}
