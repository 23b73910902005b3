// utf8.cpp — see utf8.hpp.
#include "core/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace atlas {

namespace {
bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

// ---------------------------------------------------------------------------------
// 1. Decoding
// ---------------------------------------------------------------------------------
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  const unsigned c = p[i];
  if (c < 0x80) {
    ++i;
    return c;
  }
  size_t len;
  char32_t cp, min;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    ++i;  // a continuation byte first, or 0xF8..0xFF
    return kInvalidCodePoint;
  }
  if (n - i < len) {
    ++i;
    return kInvalidCodePoint;
  }
  for (size_t k = 1; k < len; ++k) {
    if (!is_continuation(p[i + k])) {
      ++i;
      return kInvalidCodePoint;
    }
    cp = (cp << 6) | (p[i + k] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kInvalidCodePoint;
  }
  i += len;
  return cp;
}

bool is_valid_utf8(std::string_view s) {
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    // Runs of ASCII (most of a dataset) eight bytes at a time.
    if (n - i >= 8) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (next_code_point(s, i) == kInvalidCodePoint) return false;
  }
  return true;
}

TextScan scan_text(std::string_view s) {
  TextScan out;
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  // A byte of `w` is zero: (w - 1) borrows into its high bit, which w itself lacks. Only
  // words with no high bit set get here, so a borrow from a byte above cannot mislead.
  auto has_zero = [&](uint64_t w) { return ((w - kOnes) & ~w & kHigh) != 0; };
  const uint64_t backslashes = kOnes * uint8_t('\\');
  const size_t n = s.size();
  bool seen_nul = false, seen_backslash = false;
  for (size_t i = 0; i < n;) {
    if (n - i >= 8) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if ((word & kHigh) == 0 && (seen_nul || !has_zero(word)) &&
          (seen_backslash || !has_zero(word ^ backslashes))) {
        i += 8;
        continue;
      }
    }
    // This word has something to look at: byte by byte, to its end.
    for (const size_t end = std::min(n, i + 8); i < end;) {
      const char c = s[i];
      if (c == '\0' && !seen_nul) seen_nul = true, out.first_nul = i;
      if (c == '\\' && !seen_backslash) seen_backslash = true, out.first_backslash = i;
      if (static_cast<unsigned char>(c) < 0x80) {
        ++i;
      } else if (next_code_point(s, i) == kInvalidCodePoint) {
        out.utf8 = false;
        // The rest is not read as UTF-8, but the NUL and the backslash are still wanted.
        for (; i < n && !(seen_nul && seen_backslash); ++i) {
          if (s[i] == '\0' && !seen_nul) seen_nul = true, out.first_nul = i;
          if (s[i] == '\\' && !seen_backslash) seen_backslash = true, out.first_backslash = i;
        }
        return out;
      }
    }
  }
  return out;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if (!is_continuation(static_cast<unsigned char>(c))) ++n;
  return n;
}

// ---------------------------------------------------------------------------------
// 2. Cutting
// ---------------------------------------------------------------------------------
size_t utf8_floor(std::string_view s, size_t max_bytes) {
  if (max_bytes >= s.size()) return s.size();
  size_t cut = max_bytes;
  while (cut > 0 && is_continuation(static_cast<unsigned char>(s[cut]))) --cut;
  return cut;
}

std::string utf8_truncate(std::string_view s, size_t max_chars, std::string_view ellipsis) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (is_continuation(static_cast<unsigned char>(s[i]))) continue;
    if (++chars > max_chars) return std::string(s.substr(0, i)).append(ellipsis);
  }
  return std::string(s);
}

// ---------------------------------------------------------------------------------
// 3. Encoding
// ---------------------------------------------------------------------------------
void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

bool utf16_to_utf8(std::string_view bytes, bool big_endian, std::string& out, size_t* bad_offset) {
  auto unit = [&](size_t i) -> char32_t {
    unsigned char a = static_cast<unsigned char>(bytes[i]);
    unsigned char b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? char32_t(a << 8 | b) : char32_t(b << 8 | a);
  };
  auto fail = [&](size_t at) {
    if (bad_offset) *bad_offset = at;
    return false;
  };
  out.clear();
  out.reserve(bytes.size() / 2 + bytes.size() / 8);
  size_t n = bytes.size();
  if (n % 2) return fail(n - 1);
  for (size_t i = 0; i < n; i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 4 > n) return fail(i);
      char32_t lo = unit(i + 2);
      if (lo < 0xDC00 || lo > 0xDFFF) return fail(i);
      append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      return fail(i);
    } else {
      append_utf8(out, u);
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------
// 4. Text that can deceive
// ---------------------------------------------------------------------------------
namespace {
bool deceptive(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}
// Only bytes that can start such a code point need decoding: the rest is skipped fast.
bool may_start(unsigned char b) { return b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2; }

std::string hex(uint32_t v, int digits) {
  static const char* kDigits = "0123456789ABCDEF";
  std::string out(size_t(digits), '0');
  for (int i = digits - 1; i >= 0; --i, v >>= 4) out[size_t(i)] = kDigits[v & 15];
  return out;
}
}  // namespace

char32_t first_deceptive(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (!may_start(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    char32_t c = next_code_point(s, i);
    if (c != kInvalidCodePoint && deceptive(c)) return c;
  }
  return 0;
}

std::string deceptive_name(char32_t cp) {
  const char* what = cp == 0x202E                   ? "a right-to-left override"
                     : cp == 0x202D                 ? "a left-to-right override"
                     : cp == 0x202A || cp == 0x202B ? "a bidirectional embedding"
                     : cp == 0x202C                 ? "a bidirectional pop"
                     : cp >= 0x2066 && cp <= 0x2069 ? "a bidirectional isolate"
                                                    : "a control character";
  return "U+" + hex(uint32_t(cp), 4) + " (" + what + ")";
}

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t c = next_code_point(s, i);
    if (c == kInvalidCodePoint)
      out += "\\x{" + hex(static_cast<unsigned char>(s[at]), 2) + "}";
    else if (deceptive(c))
      out += "\\u{" + hex(uint32_t(c), 4) + "}";
    else
      out.append(s, at, i - at);
  }
  return out;
}

}  // namespace atlas
