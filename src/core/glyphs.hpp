// glyphs.hpp — which characters a dataset's text uses, so the UI can load glyphs for
// them on demand (Chinese names need a CJK font that is too big for the first download).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace atlas {

// A set of Unicode code points (a bit per code point up to U+10FFFF, 136 KB).
class CodePointSet {
 public:
  CodePointSet();
  // Adds every code point in [from, last] in well-formed UTF-8 `text` (ill-formed bytes are
  // skipped). Sequences that cannot reach `from` are skipped without decoding, so Latin
  // text costs a byte compare per byte when looking for CJK.
  void add_text(std::string_view text, char32_t from, char32_t last = 0x10FFFF);
  void add(char32_t cp);
  bool has(char32_t cp) const;
  size_t size() const { return count_; }
  bool contains_all(const CodePointSet& other) const;
  // Everything in `other` that is not here yet.
  std::vector<char32_t> missing_from(const CodePointSet& other) const;
  // The code points, in order.
  std::vector<char32_t> list() const;

 private:
  std::vector<uint64_t> bits_;
  size_t count_ = 0;
};

// The first code point of the CJK blocks (radicals, punctuation, kana, ideographs,
// Hangul, compatibility and full-width forms all lie above it).
constexpr char32_t kCjkFirst = 0x2E80;

// The last: the half-width and full-width forms. Above are specials and other planes
// (emoji among them), which the CJK font is not for.
constexpr char32_t kCjkLast = 0xFFEF;

// True for the code points the CJK font is for.
inline bool is_cjk(char32_t cp) { return cp >= kCjkFirst && cp <= kCjkLast; }

// Adds the CJK code points used anywhere in the dataset's text (names, titles, notes,
// roles, links, stories, ids) to `out`.
void collect_cjk(const Dataset& d, CodePointSet& out);

}  // namespace atlas
