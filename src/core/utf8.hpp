// utf8.hpp — the one UTF-8 decoder, and cutting text between characters. Everything
// that reads code points (the glyph sets, the gazetteer's folding, the assets' name
// checks, the loader's messages) or shortens text for a label or a message comes here.
//
// Index
//   1. Decoding: next_code_point, is_valid_utf8, utf8_length, scan_text
//   2. Cutting: utf8_floor (by bytes), utf8_truncate (by characters, with an ellipsis)
//   3. Encoding: append_utf8, and UTF-16 to UTF-8 for spreadsheet files (core/csv)
//   4. Text that can deceive: invisible controls and bidirectional overrides
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Decoding
// ---------------------------------------------------------------------------------
// What next_code_point returns for bytes that are not well-formed UTF-8.
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// The code point at s[i], moving i past it. For an ill-formed sequence (an overlong form,
// a surrogate, past U+10FFFF, cut short, or a stray continuation byte) kInvalidCodePoint,
// moving i one byte only, so the caller resynchronises on the next byte. i < s.size().
char32_t next_code_point(std::string_view s, size_t& i);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view s);
// Number of code points in well-formed UTF-8 (counts lead bytes).
size_t utf8_length(std::string_view s);

// What the loader asks of a whole file before parsing it, found in one pass: whether it is
// well-formed UTF-8, and where its first NUL byte and its first backslash are (npos when
// there is none). A pass over 50 MB costs as much as a tenth of parsing it.
struct TextScan {
  bool utf8 = true;
  size_t first_nul = std::string_view::npos;
  size_t first_backslash = std::string_view::npos;
};
TextScan scan_text(std::string_view s);

// ---------------------------------------------------------------------------------
// 2. Cutting
// ---------------------------------------------------------------------------------
// The last character boundary at or before byte `max_bytes` of `s` (s.size() when it is
// shorter): s.substr(0, utf8_floor(s, n)) never ends inside a character.
size_t utf8_floor(std::string_view s, size_t max_bytes);
// The first `max_chars` characters of `s` (counted as utf8_length counts them), with
// `ellipsis` after them when `s` had more; `s` itself when it is short enough.
std::string utf8_truncate(std::string_view s, size_t max_chars,
                          std::string_view ellipsis = "\xE2\x80\xA6");

// ---------------------------------------------------------------------------------
// 3. Encoding
// ---------------------------------------------------------------------------------
// Appends code point `cp` (<= U+10FFFF, not a surrogate) as UTF-8.
void append_utf8(std::string& out, char32_t cp);

// UTF-16 text (Excel's "Unicode text", with or without its byte order mark) as UTF-8.
// `big_endian` picks the byte order. Returns false, with the offset of the bad unit in
// *bad_offset (bytes from the start of `bytes`), for an odd length or a surrogate
// without its partner.
bool utf16_to_utf8(std::string_view bytes, bool big_endian, std::string& out,
                   size_t* bad_offset = nullptr);

// ---------------------------------------------------------------------------------
// 4. Text that can deceive
// ---------------------------------------------------------------------------------
// The first code point of `s` that is invisible and changes how text reads: a C0 or C1
// control, DEL, or a bidirectional embedding, override or isolate (U+202A–U+202E,
// U+2066–U+2069: "Trojan Source"); 0 when there is none. Marks that only shape a script
// (ZWJ, ZWNJ, LRM, RLM) are not among them.
char32_t first_deceptive(std::string_view s);
// What it is, for a message: "U+202E (a right-to-left override)", "U+0007 (a control
// character)".
std::string deceptive_name(char32_t cp);
// `s` safe to print on a terminal: the code points first_deceptive finds (and any bytes
// that are not UTF-8) written as \u{202E} / \x{FF}; the rest as it is.
std::string terminal_safe(std::string_view s);

}  // namespace atlas
