// gazetteer.cpp — the gazetteer loader (bounds-checked parsing of the format in
// gazetteer.hpp), the folding of names and queries, and the search.
//
// Index
//   1. Names: well-formed text (decoded by core/utf8)
//   2. Folding (the tables, gazetteer_fold)
//   3. load_gazetteer
//   4. Search
//
// The loader checks that the sections add up to the file's size and that the lengths add
// up to the string block BEFORE it allocates or reads anything they describe, so a corrupt
// count can neither read past the end nor ask for gigabytes.
#include "geo/gazetteer.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

#include "core/countries.hpp"
#include "core/utf8.hpp"
#include "geo/asset_reader.hpp"

namespace atlas::geo {
namespace {

// ---------------------------------------------------------------------------------
// 1. Names
// ---------------------------------------------------------------------------------
// Names go straight to the UI's text renderer and into the user's dataset: well-formed
// UTF-8 without control characters (C0, DEL, C1).
bool valid_text(const unsigned char* s, std::size_t n) {
  const std::string_view text(reinterpret_cast<const char*>(s), n);
  for (std::size_t i = 0; i < n;) {
    const char32_t cp = next_code_point(text, i);
    if (cp == kInvalidCodePoint || cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------
// 2. Folding
// ---------------------------------------------------------------------------------
// What each Latin letter with a diacritic folds to: "" drops the character, " " makes it a
// separator (× and ÷). Derived from Unicode 14's data: the base letter of the canonical
// decomposition (NFD) where there is one, else the letter the character's name says
// ("LATIN SMALL LETTER D WITH STROKE" -> "d"), ligatures and special letters spelled out.

// clang-format off
// U+00C0..U+024F: Latin-1 Supplement letters, Latin Extended-A and -B.
constexpr const char* kFoldLatin[0x250 - 0xC0] = {
  "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00C0
  "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D0
  "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00E0
  "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y",  // U+00F0
  "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  // U+0100
  "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  // U+0110
  "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",  // U+0120
  "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // U+0130
  "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",  // U+0140
  "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // U+0150
  "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",  // U+0160
  "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",  // U+0170
  "b", "b", "b", "b", "", "", "o", "c", "c", "d", "d", "d", "d", "d", "e", "e",  // U+0180
  "e", "f", "f", "g", "g", "hv", "i", "i", "k", "k", "l", "l", "m", "n", "n", "o",  // U+0190
  "o", "o", "oi", "oi", "p", "p", "r", "", "", "sh", "", "t", "t", "t", "t", "u",  // U+01A0
  "u", "u", "v", "y", "y", "z", "z", "z", "z", "z", "z", "", "", "", "", "w",  // U+01B0
  "", "", "", "", "dz", "d", "dz", "lj", "l", "lj", "nj", "n", "nj", "a", "a", "i",  // U+01C0
  "i", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "e", "a", "a",  // U+01D0
  "a", "a", "ae", "ae", "g", "g", "g", "g", "k", "k", "o", "o", "o", "o", "z", "z",  // U+01E0
  "j", "dz", "d", "dz", "g", "g", "hv", "w", "n", "n", "a", "a", "ae", "ae", "o", "o",  // U+01F0
  "a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",  // U+0200
  "r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", "y", "y", "h", "h",  // U+0210
  "n", "d", "ou", "ou", "z", "z", "a", "a", "e", "e", "o", "o", "o", "o", "o", "o",  // U+0220
  "o", "o", "y", "y", "l", "n", "t", "j", "db", "qp", "a", "c", "c", "l", "t", "s",  // U+0230
  "z", "", "", "b", "u", "v", "e", "e", "j", "j", "q", "q", "r", "r", "y", "y",  // U+0240
};

// U+1E00..U+1EFF: Latin Extended Additional (Vietnamese's stacked diacritics: ầ ẫ ộ ự ...).
constexpr const char* kFoldLatinAdditional[0x100] = {
  "a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d", "d", "d",  // U+1E00
  "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "f", "f",  // U+1E10
  "g", "g", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "i", "i", "i", "i",  // U+1E20
  "k", "k", "k", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "m", "m",  // U+1E30
  "m", "m", "m", "m", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",  // U+1E40
  "o", "o", "o", "o", "p", "p", "p", "p", "r", "r", "r", "r", "r", "r", "r", "r",  // U+1E50
  "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t",  // U+1E60
  "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v", "v", "v",  // U+1E70
  "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "x", "x", "x", "x", "y", "y",  // U+1E80
  "z", "z", "z", "z", "z", "z", "h", "t", "w", "y", "a", "s", "s", "s", "ss", "d",  // U+1E90
  "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a",  // U+1EA0
  "a", "a", "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e", "e", "e", "e",  // U+1EB0
  "e", "e", "e", "e", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",  // U+1EC0
  "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o",  // U+1ED0
  "o", "o", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",  // U+1EE0
  "u", "u", "y", "y", "y", "y", "y", "y", "y", "y", "ll", "ll", "v", "v", "y", "y",  // U+1EF0
};
// clang-format on

// The IPA letters that real orthographies use (Azerbaijani ə; West African ɓ ɗ ɛ ɔ ɲ ʃ ʒ
// and the glottal stop ʔ): the rest of U+0250..U+02AF stays as it is.
struct IpaFold {
  std::uint32_t cp;
  const char* letters;
};
constexpr IpaFold kFoldIpa[] = {
    {0x0253, "b"}, {0x0254, "o"}, {0x0256, "d"}, {0x0257, "d"}, {0x0259, "e"},
    {0x025B, "e"}, {0x0263, "g"}, {0x0268, "i"}, {0x0272, "n"}, {0x0283, "sh"},
    {0x028B, "v"}, {0x0292, "z"}, {0x0294, ""},
};

enum class FoldKind { Keep, Drop, Space, Letters };

// How one code point folds; for Letters, `letters` says what to write.
FoldKind fold_code_point(char32_t cp, const char*& letters) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return FoldKind::Keep;
    if (cp >= 'A' && cp <= 'Z') return FoldKind::Keep;  // lowered by the caller
    if (cp == '\'' || cp == '`') return FoldKind::Drop;
    return FoldKind::Space;
  }
  if (cp == kInvalidCodePoint) return FoldKind::Space;
  if (cp < 0xC0) return cp == 0xB4 ? FoldKind::Drop : FoldKind::Space;  // ´ as an apostrophe
  const char* t = nullptr;
  if (cp < 0x250)
    t = kFoldLatin[cp - 0xC0];
  else if (cp >= 0x1E00 && cp < 0x1F00)
    t = kFoldLatinAdditional[cp - 0x1E00];
  else if (cp < 0x2B0)
    for (const IpaFold& f : kFoldIpa)
      if (f.cp == cp) t = f.letters;
  if (t != nullptr) {
    if (t[0] == '\0') return FoldKind::Drop;
    if (t[0] == ' ') return FoldKind::Space;
    letters = t;
    return FoldKind::Letters;
  }
  // Modifier letters (ʻ okina, ʼ apostrophe, ʿ ayn), combining marks (decomposed input).
  if ((cp >= 0x2B0 && cp < 0x370) || (cp >= 0x1AB0 && cp < 0x1B00) ||
      (cp >= 0x1DC0 && cp < 0x1E00) || (cp >= 0x20D0 && cp < 0x2100) || cp == 0xFEFF)
    return FoldKind::Drop;
  if (cp >= 0x2000 && cp < 0x2070) {  // general punctuation
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032 ||
        (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060)
      return FoldKind::Drop;  // quotes used as apostrophes, primes, zero-width characters
    return FoldKind::Space;
  }
  return FoldKind::Keep;  // other scripts, unchanged
}

}  // namespace

std::string gazetteer_fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const std::size_t n = text.size();
  bool space = false;  // a separator is pending: written before the next letter, if any
  std::size_t i = 0;
  while (i < n) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(text, i);
    const char* letters = nullptr;
    const FoldKind kind = fold_code_point(cp, letters);
    if (kind == FoldKind::Drop) continue;
    if (kind == FoldKind::Space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (kind == FoldKind::Letters)
      out += letters;
    else if (cp >= 'A' && cp <= 'Z')
      out += static_cast<char>(cp - 'A' + 'a');
    else
      out.append(text.data() + start, i - start);
  }
  return out;
}

// ---------------------------------------------------------------------------------
// 3. load_gazetteer
// ---------------------------------------------------------------------------------
namespace {

constexpr AssetFormat kFormat = {"gazetteer", "gazetteer asset", kGazetteerMagic, kGazetteerVersion,
                                 32};
constexpr std::size_t kPlaceBytes = 18;  // 2 country + 4 x u8 + 3 x 32-bit
constexpr std::int32_t kMaxLat = 9000000, kMaxLon = 18000000;

// Value i of a 32-bit column stored as four byte planes of n bytes each.
std::uint32_t plane32(const unsigned char* col, std::size_t n, std::size_t i) {
  return static_cast<std::uint32_t>(col[i]) | (static_cast<std::uint32_t>(col[n + i]) << 8) |
         (static_cast<std::uint32_t>(col[2 * n + i]) << 16) |
         (static_cast<std::uint32_t>(col[3 * n + i]) << 24);
}
std::int32_t to_signed(std::uint32_t v) {  // two's complement, without implementation-defined casts
  return v < 0x80000000u ? static_cast<std::int32_t>(v) : -static_cast<std::int32_t>(~v) - 1;
}

std::string place_error(std::size_t i, const char* what) {
  return "gazetteer: place " + std::to_string(i) + ": " + what;
}

// The file's sections, in place (all in bounds once read_sections has checked the sizes).
struct Sections {
  std::uint32_t n = 0, alt_total = 0, string_bytes = 0;
  const unsigned char *country = nullptr, *flags = nullptr, *name_len = nullptr,
                      *ascii_len = nullptr, *alt_count = nullptr, *lat = nullptr, *lon = nullptr,
                      *pop = nullptr, *alt_len = nullptr, *strings = nullptr;
};

// The header, the attribution and where each column is: the sections must tile the file
// exactly before anything they count is read.
bool read_sections(AssetReader& r, Sections& c, std::string& attribution, std::string& error) {
  if (!open_asset(r, kFormat, error)) return false;
  const std::size_t attribution_bytes = r.u16();
  c.n = r.u32();
  c.alt_total = r.u32();
  c.string_bytes = r.u32();
  if (!check_asset_size(r, kFormat, r.u32(), error)) return false;
  if (r.u32() != 0) {
    error = "gazetteer: the header's reserved field is not 0";
    return false;
  }
  // 64-bit sums, so huge counts cannot wrap.
  const std::uint64_t expected = std::uint64_t{kFormat.header_bytes} + attribution_bytes +
                                 std::uint64_t{kPlaceBytes} * c.n + c.alt_total + c.string_bytes;
  if (expected != r.size()) {
    error = "gazetteer: the header's counts make " + std::to_string(expected) +
            " bytes, the file has " + std::to_string(r.size());
    return false;
  }
  const unsigned char* text = r.bytes(attribution_bytes);
  if (!valid_text(text, attribution_bytes)) {
    error = "gazetteer: the attribution is not valid UTF-8 text";
    return false;
  }
  attribution.assign(reinterpret_cast<const char*>(text), attribution_bytes);
  const std::size_t n = c.n;
  c.country = r.bytes(2 * n);
  c.flags = r.bytes(n);
  c.name_len = r.bytes(n);
  c.ascii_len = r.bytes(n);
  c.alt_count = r.bytes(n);
  c.lat = r.bytes(4 * n);
  c.lon = r.bytes(4 * n);
  c.pop = r.bytes(4 * n);
  c.alt_len = r.bytes(c.alt_total);
  c.strings = r.bytes(c.string_bytes);
  if (r.ok() && r.left() == 0) return true;
  error = "gazetteer: the sections do not fill the file";
  return false;
}

// Lengths and counts: they must add up before any string is read.
bool check_lengths(const Sections& c, std::string& error) {
  std::uint64_t alts = 0, text = 0;
  for (std::size_t i = 0; i < c.n; ++i) {
    alts += c.alt_count[i];
    text += std::uint64_t{c.name_len[i]} + c.ascii_len[i];
    if (c.name_len[i] == 0) {
      error = place_error(i, "an empty name");
      return false;
    }
  }
  if (alts != c.alt_total) {
    error = "gazetteer: the places have " + std::to_string(alts) +
            " alternate names, the header says " + std::to_string(c.alt_total);
    return false;
  }
  for (std::size_t k = 0; k < c.alt_total; ++k) {
    if (c.alt_len[k] == 0) {
      error = "gazetteer: alternate name " + std::to_string(k) + " is empty";
      return false;
    }
    text += c.alt_len[k];
  }
  if (text == c.string_bytes) return true;
  error = "gazetteer: the names' lengths add up to " + std::to_string(text) +
          " bytes, the string block has " + std::to_string(c.string_bytes);
  return false;
}

// Every place: its country, flags, position, population, then its names from the string
// block in order.
bool read_places(const Sections& c, std::vector<GazetteerPlace>& places,
                 std::vector<std::string>& alternates, std::string& error) {
  places.resize(c.n);
  alternates.resize(c.alt_total);
  const unsigned char* s = c.strings;
  std::size_t next_alt = 0;
  auto take = [&](std::size_t len, std::string& into) {
    if (!valid_text(s, len)) return false;
    into.assign(reinterpret_cast<const char*>(s), len);
    s += len;
    return true;
  };
  for (std::size_t i = 0; i < c.n; ++i) {
    auto fail = [&](const char* what) {
      error = place_error(i, what);
      return false;
    };
    GazetteerPlace& pl = places[i];
    const unsigned char c0 = c.country[2 * i], c1 = c.country[2 * i + 1];
    if (c0 < 'A' || c0 > 'Z' || c1 < 'A' || c1 > 'Z')
      return fail("the country code is not two letters A-Z");
    pl.country = {static_cast<char>(c0), static_cast<char>(c1)};
    if ((c.flags[i] & ~1u) != 0) return fail("unknown flags");
    pl.capital = (c.flags[i] & 1u) != 0;
    const std::int32_t la = to_signed(plane32(c.lat, c.n, i));
    const std::int32_t lo = to_signed(plane32(c.lon, c.n, i));
    if (la < -kMaxLat || la > kMaxLat || lo < -kMaxLon || lo > kMaxLon)
      return fail("the position is off the globe");
    pl.lat = la / 1e5;
    pl.lon = lo / 1e5;
    pl.population = plane32(c.pop, c.n, i);
    if (!take(c.name_len[i], pl.name)) return fail("the name is not valid UTF-8 text");
    if (c.ascii_len[i] == 0)
      pl.ascii_name = pl.name;
    else if (!take(c.ascii_len[i], pl.ascii_name))
      return fail("the ASCII name is not valid UTF-8 text");
    pl.alternates_first = static_cast<std::uint32_t>(next_alt);
    pl.alternates_count = c.alt_count[i];
    for (unsigned k = 0; k < c.alt_count[i]; ++k, ++next_alt) {
      if (!take(c.alt_len[next_alt], alternates[next_alt]))
        return fail("an alternate name is not valid UTF-8 text");
    }
  }
  return true;
}

}  // namespace

bool load_gazetteer(const void* data, std::size_t size, Gazetteer& out, std::string& error) {
  out = Gazetteer{};
  error.clear();
  AssetReader r(data, size);
  Sections c;
  if (!read_sections(r, c, out.attribution_, error) || !check_lengths(c, error) ||
      !read_places(c, out.places_, out.alternates_, error)) {
    out = Gazetteer{};
    return false;
  }
  out.index_keys(c.string_bytes);
  return true;
}

// The search keys: each place's names folded, without repeats (most ASCII names fold to
// the name's own key).
void Gazetteer::index_keys(std::size_t text_bytes) {
  const std::size_t n = places_.size();
  key_first_.reserve(n + 1);
  keys_.reserve(n + alternates_.size());
  key_text_.reserve(text_bytes);
  for (std::size_t i = 0; i < n; ++i) {
    const GazetteerPlace& pl = places_[i];
    const std::size_t first = keys_.size();
    key_first_.push_back(static_cast<std::uint32_t>(first));
    auto add = [&](std::string_view name, std::int32_t alternate) {
      const std::string key = gazetteer_fold(name);
      if (key.empty()) return;
      for (std::size_t k = first; k < keys_.size(); ++k) {
        const auto& e = keys_[k];
        if (std::string_view(key_text_).substr(e.offset, e.length) == key) return;
      }
      keys_.push_back({static_cast<std::uint32_t>(key_text_.size()),
                       static_cast<std::uint32_t>(key.size()), alternate});
      key_text_ += key;
    };
    add(pl.name, -1);
    add(pl.ascii_name, -1);
    for (std::uint32_t k = 0; k < pl.alternates_count; ++k) {
      const std::uint32_t a = pl.alternates_first + k;
      add(alternates_[a], static_cast<std::int32_t>(a));
    }
  }
  key_first_.push_back(static_cast<std::uint32_t>(keys_.size()));
}

// ---------------------------------------------------------------------------------
// 4. Search
// ---------------------------------------------------------------------------------
namespace {

// How a folded key meets a folded query: 0 exact, 1 prefix, 2 a later word's prefix, -1 not.
int match_level(std::string_view key, std::string_view q) {
  if (q.empty()) return 1;
  if (key.size() < q.size()) return -1;
  if (std::memcmp(key.data(), q.data(), q.size()) == 0) return key.size() == q.size() ? 0 : 1;
  for (std::size_t at = key.find(q, 1); at != std::string_view::npos; at = key.find(q, at + 1)) {
    if (key[at - 1] == ' ') return 2;
  }
  return -1;
}

}  // namespace

std::vector<GazetteerHit> Gazetteer::search_text(std::string_view text, std::size_t limit) const {
  const std::size_t comma = text.rfind(',');
  if (comma != std::string_view::npos) {
    const std::string wanted = gazetteer_fold(text.substr(comma + 1));
    std::string code;
    if (wanted.size() == 2 && std::isalpha(static_cast<unsigned char>(wanted[0])) &&
        std::isalpha(static_cast<unsigned char>(wanted[1]))) {
      const char upper[3] = {char(std::toupper(static_cast<unsigned char>(wanted[0]))),
                             char(std::toupper(static_cast<unsigned char>(wanted[1]))), 0};
      if (find_country(upper)) code = upper;
    }
    if (code.empty() && !wanted.empty()) {
      std::size_t count = 0;
      const Country* all = all_countries(count);
      for (std::size_t i = 0; i < count && code.empty(); ++i)
        if (gazetteer_fold(all[i].name) == wanted) code = all[i].code;
    }
    if (!code.empty()) return search(text.substr(0, comma), code, limit);
  }
  return search(text, "", limit);
}

std::vector<GazetteerHit> Gazetteer::search(std::string_view query, std::string_view country_filter,
                                            std::size_t limit) const {
  std::vector<GazetteerHit> hits;
  if (limit == 0 || places_.empty()) return hits;
  char want[2] = {0, 0};
  const bool filtered = !country_filter.empty();
  if (filtered) {
    if (country_filter.size() != 2) return hits;
    for (int k = 0; k < 2; ++k) {
      char c = country_filter[k];
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (c < 'A' || c > 'Z') return hits;
      want[k] = c;
    }
  }
  const std::string q = gazetteer_fold(query);

  // One candidate a place, its best key: rank = 2 * level + (an alternate matched), so an
  // exact alternate ("saigon") beats a prefix of a name, and a name beats its alternates.
  struct Candidate {
    std::uint32_t place;
    std::int32_t alternate;
    int rank;
  };
  std::vector<Candidate> found;
  const std::string_view text(key_text_);
  for (std::size_t i = 0; i < places_.size(); ++i) {
    if (filtered && (places_[i].country[0] != want[0] || places_[i].country[1] != want[1]))
      continue;
    int best = -1;
    std::int32_t best_alt = -1;
    for (std::uint32_t k = key_first_[i]; k < key_first_[i + 1]; ++k) {
      const Key& key = keys_[k];
      const int level = match_level(text.substr(key.offset, key.length), q);
      if (level < 0) continue;
      const int rank = 2 * level + (key.alternate >= 0 ? 1 : 0);
      if (best < 0 || rank < best) {
        best = rank;
        best_alt = key.alternate;
        if (rank == 0) break;
      }
    }
    if (best >= 0) found.push_back({static_cast<std::uint32_t>(i), best_alt, best});
  }

  auto before = [&](const Candidate& a, const Candidate& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    const std::uint32_t pa = places_[a.place].population, pb = places_[b.place].population;
    if (pa != pb) return pa > pb;
    return a.place < b.place;
  };
  const std::size_t keep = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(),
                    before);
  hits.reserve(keep);
  for (std::size_t k = 0; k < keep; ++k) {
    const Candidate& c = found[k];
    const GazetteerPlace& pl = places_[c.place];
    GazetteerHit h;
    h.place = c.place;
    h.name = pl.name;
    h.country = pl.country;
    h.lat = pl.lat;
    h.lon = pl.lon;
    h.population = pl.population;
    h.capital = pl.capital;
    h.match = static_cast<GazetteerMatch>(c.rank / 2);
    if (c.alternate >= 0) h.matched = alternates_[static_cast<std::size_t>(c.alternate)];
    hits.push_back(std::move(h));
  }
  return hits;
}

}  // namespace atlas::geo
