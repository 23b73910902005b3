// test_utf8.cpp — the one UTF-8 decoder and the cutting helpers (core/utf8.hpp) that the
// glyph sets, the gazetteer, the assets and the loader's and editor's messages share.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/edit.hpp"
#include "core/utf8.hpp"

using namespace atlas;

namespace {
// Every code point of `s`, kInvalidCodePoint for each byte that does not start one.
std::vector<char32_t> decode(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
  return out;
}
constexpr char32_t X = kInvalidCodePoint;
}  // namespace

TEST_CASE("next_code_point decodes one to four bytes") {
  CHECK(decode("a\xC3\xA9\xE9\xA6\x99\xF0\x9F\x98\x80") ==
        std::vector<char32_t>{'a', 0xE9, 0x9999, 0x1F600});
  CHECK(decode("\xF4\x8F\xBF\xBF") == std::vector<char32_t>{0x10FFFF});
}

TEST_CASE("next_code_point refuses ill-formed UTF-8 one byte at a time") {
  CHECK(decode("\xC0\xAF") == std::vector<char32_t>{X, X});                // overlong '/'
  CHECK(decode("\xE0\x80\xAF") == std::vector<char32_t>{X, X, X});         // overlong, 3 bytes
  CHECK(decode("\xED\xA0\x80") == std::vector<char32_t>{X, X, X});         // a surrogate
  CHECK(decode("\xF4\x90\x80\x80") == std::vector<char32_t>{X, X, X, X});  // past U+10FFFF
  CHECK(decode("\xE9\xA6") == std::vector<char32_t>{X, X});                // cut short
  CHECK(decode("\x80z") == std::vector<char32_t>{X, 'z'});                 // stray continuation
  CHECK(decode("\xE9\xA6z") == std::vector<char32_t>{X, X, 'z'});          // resynchronises
  CHECK(decode("\xFF") == std::vector<char32_t>{X});
}

TEST_CASE("is_valid_utf8 and utf8_length") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("Hà Nội 香港 😀"));
  CHECK_FALSE(is_valid_utf8("\xC3"));
  CHECK_FALSE(is_valid_utf8("ok\xED\xA0\x80"));
  // Long runs of ASCII are taken eight bytes at a time: a bad byte at every place after
  // one, and characters that straddle the eight-byte steps.
  for (size_t at = 0; at < 20; ++at) {
    std::string s(20, 'a');
    CHECK(is_valid_utf8(s));
    s[at] = '\xFF';
    CHECK_FALSE(is_valid_utf8(s));
    s[at] = 'a';
    s.insert(at, "香");
    CHECK(is_valid_utf8(s));
    s.erase(at + 2, 1);  // cut short
    CHECK_FALSE(is_valid_utf8(s));
  }
  CHECK(utf8_length("Hà Nội") == 6);
  CHECK(utf8_length("香港😀") == 3);
}

TEST_CASE("scan_text finds what a byte-by-byte look finds, across the eight-byte steps") {
  // The reference: one byte at a time.
  auto check = [](const std::string& s) {
    const TextScan got = scan_text(s);
    CAPTURE(s);
    CHECK(got.utf8 == is_valid_utf8(s));
    CHECK(got.first_nul == s.find('\0'));
    CHECK(got.first_backslash == s.find('\\'));
  };
  check("");
  check(std::string("\0", 1));
  check("\\");
  // Bytes one away from the ones looked for (a borrow or a near miss must not count).
  check(std::string(16, '\x01') + "[]]\x7F" + std::string(9, '\x5D'));
  check(std::string(7, 'a') + "\x80");  // a high bit in the last byte of a step
  for (size_t a = 0; a < 40; ++a)
    for (size_t b = 0; b < 40; b += 3) {
      std::string s(48, 'a');
      s[a] = '\0';
      check(s);
      s[b] = '\\';  // before, at or after the NUL
      check(s);
      s.insert(b, "香");  // a character across a step, before both or between them
      check(s);
      s[(a + b) % s.size()] = '\xFF';  // not UTF-8: the NUL and the backslash still found
      check(s);
      std::string two(48, 'b');
      two[a] = '\\';
      two[std::min<size_t>(47, a + 1 + b)] = '\\';  // only the first counts
      two[(a + 5) % 48] = '\0';
      check(two);
    }
}

TEST_CASE("utf8_floor never cuts inside a character") {
  const std::string s = "ab香港";  // 2 + 3 + 3 bytes
  CHECK(utf8_floor(s, 2) == 2);
  CHECK(utf8_floor(s, 3) == 2);
  CHECK(utf8_floor(s, 4) == 2);
  CHECK(utf8_floor(s, 5) == 5);
  CHECK(utf8_floor(s, 7) == 5);
  CHECK(utf8_floor(s, 8) == 8);
  CHECK(utf8_floor(s, 100) == 8);
  CHECK(utf8_floor("\x80\x80", 1) == 0);
}

TEST_CASE("utf8_truncate counts characters and marks the cut") {
  CHECK(utf8_truncate("Hà Nội", 6) == "Hà Nội");
  CHECK(utf8_truncate("Hà Nội", 2) == "Hà…");
  CHECK(utf8_truncate("香港澳門", 3, "...") == "香港澳...");
  CHECK(utf8_truncate("", 0) == "");
  CHECK(utf8_truncate("x", 0) == "…");
}

TEST_CASE("the editor's labels and messages cut long names between characters") {
  Dataset d;
  d.title = "t";
  std::string long_name;
  for (int i = 0; i < 50; ++i) long_name += "香";
  Place p;
  p.id = "p";
  p.name = long_name;
  p.country = "HK";
  History h;
  REQUIRE(h.apply(d, Command::add(p)));
  // 40 characters, then the ellipsis: never a broken character at the cut.
  std::string label = h.undo_label();
  CHECK(is_valid_utf8(label));
  CHECK(label.find(utf8_truncate(long_name, 40)) != std::string::npos);
  CHECK(label.find(long_name) == std::string::npos);
}

TEST_CASE("text that can deceive: controls and bidirectional overrides are found and escaped") {
  CHECK(atlas::first_deceptive("Visa Security Summit") == 0);
  CHECK(atlas::first_deceptive("กรุงเทพ · 香港 · Thành phố") == 0);
  CHECK(atlas::first_deceptive("a\u200db\u200cc\u200fd") == 0);  // ZWJ, ZWNJ, RLM shape text
  CHECK(atlas::first_deceptive("Visa \u202eSummit") == 0x202E);
  CHECK(atlas::first_deceptive("x\u2066y") == 0x2066);
  CHECK(atlas::first_deceptive("tab\there") == 0x09);
  CHECK(atlas::first_deceptive("c1\xc2\x85") == 0x85);
  CHECK(atlas::deceptive_name(0x202E) == "U+202E (a right-to-left override)");
  CHECK(atlas::deceptive_name(0x1B) == "U+001B (a control character)");
  CHECK(atlas::terminal_safe("20\x1b[31m15") == "20\\u{001B}[31m15");
  CHECK(atlas::terminal_safe("Visa \u202eSummit") == "Visa \\u{202E}Summit");
  CHECK(atlas::terminal_safe("bad \xff byte") == "bad \\x{FF} byte");
  CHECK(atlas::terminal_safe("香港 ok") == "香港 ok");
}
