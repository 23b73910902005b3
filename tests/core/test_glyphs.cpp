// test_glyphs.cpp — which CJK characters a dataset uses (core/glyphs.hpp): the list the
// app turns into glyphs when it loads the CJK font on demand.
#include <doctest/doctest.h>

#include "core/dataset_json.hpp"
#include "core/glyphs.hpp"

extern "C" const unsigned char atlas_sample_json[];
extern "C" const unsigned long atlas_sample_json_size;

using namespace atlas;

TEST_CASE("a code point set decodes UTF-8 and keeps only what is at or above the bound") {
  CodePointSet s;
  s.add_text("Hà Nội — 香港 วิภาวดี 台灣 😀", kCjkFirst);
  // U+2014 (em dash) and Thai are below the bound; the emoji is above it.
  CHECK(s.list() == std::vector<char32_t>{0x53F0, 0x6E2F, 0x7063, 0x9999, 0x1F600});
  CHECK(s.has(0x9999));
  CHECK_FALSE(s.has(0x2014));
  s.add_text("香港", kCjkFirst);
  CHECK(s.size() == 5);
}

TEST_CASE("ill-formed bytes are skipped, not decoded into characters") {
  CodePointSet s;
  // A truncated 3-byte sequence, a stray continuation byte, then a good character.
  s.add_text(std::string_view("\xE9\xA6 \x80\xE6\xB8\xAF\xE9", 9), kCjkFirst);
  CHECK(s.list() == std::vector<char32_t>{0x6E2F});
}

TEST_CASE("missing_from and contains_all say what a loaded font still lacks") {
  CodePointSet loaded, needed;
  loaded.add_text("香港", kCjkFirst);
  needed.add_text("香港澳門", kCjkFirst);
  CHECK_FALSE(loaded.contains_all(needed));
  CHECK(loaded.missing_from(needed) == std::vector<char32_t>{0x6FB3, 0x9580});  // 澳 門
  loaded.add_text("澳門", kCjkFirst);
  CHECK(loaded.contains_all(needed));
  CHECK(loaded.missing_from(needed).empty());
}

TEST_CASE("collect_cjk finds Chinese in every kind of text a dataset holds") {
  const char* json = R"({"format":"coalition-atlas","version":1,"title":"亞太",
    "places":[{"id":"hk","name":"香港","country":"HK","lat":22.3,"lon":114.2}],
    "organisations":[{"id":"o1","name":"Bank","sector":"bank","notes":"銀行"}],
    "events":[{"id":"e1","kind":"forum","title":"Forum","date":"2018","place":"hk",
      "organisations":[{"organisation":"o1","role":"host","note":"主辦"}],
      "links":[{"url":"https://example.org/","label":"網站"}]}],
    "working_groups":[{"id":"wg","name":"工作組","country":"HK","active":"2019/..",
      "members":[{"organisation":"o1","role":"participant"}]}]})";
  LoadResult r = load_dataset(json);
  REQUIRE(r.ok());
  CodePointSet s;
  collect_cjk(*r.dataset, s);
  for (char32_t cp :
       {U'亞', U'太', U'香', U'港', U'銀', U'行', U'主', U'辦', U'網', U'站', U'工', U'作', U'組'})
    CHECK(s.has(cp));
  CHECK(s.size() == 13);
}

TEST_CASE("the bundled sample needs no CJK font, so a first visit never downloads one") {
  LoadResult r = load_dataset(
      std::string_view(reinterpret_cast<const char*>(atlas_sample_json), atlas_sample_json_size));
  REQUIRE(r.ok());
  CodePointSet s;
  collect_cjk(*r.dataset, s);
  CHECK(s.size() == 0);
}

TEST_CASE("from a low bound, accented Latin and ASCII are decoded too") {
  CodePointSet s;
  s.add_text("Hà Nội", 0x80);
  CHECK(s.list() == std::vector<char32_t>{0xE0, 0x1ED9});
  CodePointSet all;
  all.add_text("ab", 0);
  CHECK(all.list() == std::vector<char32_t>{'a', 'b'});
}

TEST_CASE("collect_cjk ignores emoji and other planes: they do not need the CJK font") {
  LoadResult r =
      load_dataset(R"({"format":"coalition-atlas","version":1,"title":"Launch 🎉 party ✓"})");
  REQUIRE(r.ok());
  CodePointSet s;
  collect_cjk(*r.dataset, s);
  CHECK(s.size() == 0);
  CodePointSet bounded;
  bounded.add_text("香🎉", kCjkFirst, kCjkLast);
  CHECK(bounded.list() == std::vector<char32_t>{0x9999});
}
