// csv.cpp — see csv.hpp.
//
// Index
//   1. Encoding: byte order marks, UTF-16 without one, zero bytes
//   2. The separator: "sep=", sniffing
//   3. The reader: one pass, a small state machine
//   4. Writing and formula neutralising
#include "core/csv.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/utf8.hpp"

namespace atlas {

const char* encoding_name(TextEncoding e) {
  switch (e) {
    case TextEncoding::Utf8Bom:
      return "UTF-8 with BOM";
    case TextEncoding::Utf16Le:
      return "UTF-16 LE";
    case TextEncoding::Utf16Be:
      return "UTF-16 BE";
    case TextEncoding::Utf8:
      break;
  }
  return "UTF-8";
}

const std::vector<std::string>& CsvTable::header() const {
  static const std::vector<std::string> none;
  return records.empty() ? none : records.front();
}

namespace {

ImportProblem problem_at(int row, int column, std::string message) {
  ImportProblem p;
  p.row = row;
  p.column = column;
  p.message = std::move(message);
  return p;
}

std::string thousands(size_t n) {
  std::string s = std::to_string(n);
  for (int i = int(s.size()) - 3; i > 0; i -= 3) s.insert(size_t(i), ",");
  return s;
}

// ---------------------------------------------------------------------------------
// 1. Encoding
// ---------------------------------------------------------------------------------
// UTF-16 without a byte order mark: in the first bytes, text in Latin script has a zero
// byte in every pair, always on the same side.
std::optional<TextEncoding> sniff_utf16(std::string_view b) {
  size_t n = std::min<size_t>(b.size() & ~size_t(1), 512);
  if (n < 4) return std::nullopt;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    zero_even += b[i] == 0;
    zero_odd += b[i + 1] == 0;
  }
  size_t pairs = n / 2;
  // Mostly on one side (a character such as U+DE00, half of an emoji, puts one on the
  // other side now and then).
  if (zero_odd * 10 >= pairs * 7 && zero_even * 8 <= zero_odd) return TextEncoding::Utf16Le;
  if (zero_even * 10 >= pairs * 7 && zero_odd * 8 <= zero_even) return TextEncoding::Utf16Be;
  return std::nullopt;
}

// Row and column of byte `at` of UTF-8 text, counting records as the reader does
// (quotes included), for errors found before the reader runs.
void locate_byte(std::string_view text, size_t at, char sep, int& row, int& column) {
  row = 1;
  column = 1;
  bool quoted = false;
  for (size_t i = 0; i < at && i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == sep) ++column;
    if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++row;
      column = 1;
    }
  }
}

// ---------------------------------------------------------------------------------
// 2. The separator
// ---------------------------------------------------------------------------------
// Cells per record of the first records when split by `sep`, quotes respected.
std::vector<size_t> sample_widths(std::string_view text, char sep, size_t records) {
  std::vector<size_t> widths;
  size_t cells = 1;
  bool quoted = false;
  for (size_t i = 0; i < text.size() && widths.size() < records; ++i) {
    char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == sep) ++cells;
    if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      widths.push_back(cells);
      cells = 1;
    }
  }
  if (widths.size() < records && !text.empty()) widths.push_back(cells);
  return widths;
}

char sniff_separator(std::string_view text) {
  char best = ',';
  double best_score = 0;
  for (char sep : {',', ';', '\t'}) {
    std::vector<size_t> w = sample_widths(text, sep, 30);
    if (w.empty() || w[0] < 2) continue;
    size_t same = size_t(std::count(w.begin(), w.end(), w[0]));
    double score = double(same) / double(w.size()) + double(w[0]) * 1e-3;
    if (score > best_score) {
      best_score = score;
      best = sep;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------
// 3. The reader
// ---------------------------------------------------------------------------------
CsvReadResult fail(ImportProblem p) {
  CsvReadResult r;
  r.error = std::move(p);
  return r;
}

CsvReadResult parse(std::string_view text, char sep, TextEncoding enc, int first_line) {
  CsvTable t;
  t.separator = sep;
  t.encoding = enc;
  std::vector<std::string> record;
  std::string cell;
  int line = first_line, record_line = first_line;
  int quote_line = 0;
  bool quoted = false, was_quoted = false, high = false;
  size_t n = text.size();
  const char* s = text.data();

  auto end_cell = [&]() -> bool {
    if (high && !is_valid_utf8(cell)) return false;
    record.push_back(std::move(cell));
    cell.clear();
    high = was_quoted = false;
    return true;
  };
  auto not_utf8 = [&]() {
    int row = int(t.records.size()) + 1, column = int(record.size()) + 1;
    unsigned char bad = 0;
    for (size_t k = 0; k < cell.size();) {
      unsigned char u = static_cast<unsigned char>(cell[k]);
      size_t len = u < 0x80                 ? 1
                   : u >= 0xC2 && u <= 0xDF ? 2
                   : u >= 0xE0 && u <= 0xEF ? 3
                   : u >= 0xF0 && u <= 0xF4 ? 4
                                            : 0;
      if (len == 0 || !is_valid_utf8(std::string_view(cell).substr(k, len))) {
        bad = u;
        break;
      }
      k += len;
    }
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", bad);
    return fail(problem_at(row, column,
                           std::string("the text is not UTF-8 (byte ") + hex +
                               "): save the file as \"CSV UTF-8\" or \"Unicode text\" and "
                               "open it again"));
  };
  auto end_record = [&]() {
    t.records.push_back(std::move(record));
    t.lines.push_back(record_line);
    record.clear();
  };

  size_t i = 0;
  while (i < n) {
    if (quoted) {
      // Copy up to the next quote in one go: quoted cells are where long text lives.
      const void* q = std::memchr(s + i, '"', n - i);
      size_t stop = q ? size_t(static_cast<const char*>(q) - s) : n;
      for (size_t k = i; k < stop; ++k) {
        unsigned char u = static_cast<unsigned char>(s[k]);
        if (u >= 0x80) high = true;
        if (u == '\n' || (u == '\r' && (k + 1 >= n || s[k + 1] != '\n'))) ++line;
      }
      cell.append(s + i, stop - i);
      if (!q) {
        return fail(problem_at(
            int(t.records.size()) + 1, int(record.size()) + 1,
            "the quoted cell that opens on line " + std::to_string(quote_line) +
                " is never closed: every \" that starts a cell needs a closing \", and a "
                "quote inside a cell is written twice (\"\")"));
      }
      i = stop + 1;
      if (i < n && s[i] == '"') {  // a doubled quote: one quote in the text
        cell += '"';
        ++i;
        continue;
      }
      quoted = false;
      was_quoted = true;
      if (i < n && s[i] != sep && s[i] != '\n' && s[i] != '\r') {
        return fail(problem_at(int(t.records.size()) + 1, int(record.size()) + 1,
                               "there is text after the closing quote of this cell: a quote "
                               "inside a quoted cell is written twice (\"\")"));
      }
      continue;
    }
    char c = s[i];
    if (c == sep) {
      if (!end_cell()) return not_utf8();
      ++i;
    } else if (c == '\n' || c == '\r') {
      if (!end_cell()) return not_utf8();
      end_record();
      i += (c == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
      record_line = ++line;
    } else if (c == '"' && cell.empty() && !was_quoted) {
      quoted = true;
      quote_line = line;
      ++i;
    } else {
      // Unquoted text runs to the next separator or line end; a quote inside it is text,
      // as every spreadsheet reads it.
      size_t k = i;
      while (k < n && s[k] != sep && s[k] != '\n' && s[k] != '\r') {
        if (static_cast<unsigned char>(s[k]) >= 0x80) high = true;
        ++k;
      }
      cell.append(s + i, k - i);
      i = k;
    }
  }
  if (!cell.empty() || !record.empty() || was_quoted) {  // no final line end
    if (!end_cell()) return not_utf8();
    end_record();
  }
  CsvReadResult r;
  r.table = std::move(t);
  return r;
}

}  // namespace

CsvReadResult read_csv(std::string_view bytes, char separator) {
  if (bytes.size() > kMaxCsvBytes)
    return fail(problem_at(0, 0,
                           "the file is too large (" + thousands(bytes.size() >> 20) +
                               " MB); the limit is " + thousands(kMaxCsvBytes >> 20) + " MB"));
  TextEncoding enc = TextEncoding::Utf8;
  std::string converted;
  std::string_view text = bytes;
  auto starts = [&](const char* bom, size_t k) {
    return bytes.size() >= k && std::memcmp(bytes.data(), bom, k) == 0;
  };
  std::optional<TextEncoding> utf16;
  size_t skip = 0;
  if (starts("\xEF\xBB\xBF", 3)) {
    enc = TextEncoding::Utf8Bom;
    text = bytes.substr(3);
  } else if (starts("\xFF\xFE", 2)) {
    utf16 = TextEncoding::Utf16Le;
    skip = 2;
  } else if (starts("\xFE\xFF", 2)) {
    utf16 = TextEncoding::Utf16Be;
    skip = 2;
  } else {
    utf16 = sniff_utf16(bytes);
  }
  if (utf16) {
    enc = *utf16;
    size_t bad = 0;
    if (!utf16_to_utf8(bytes.substr(skip), enc == TextEncoding::Utf16Be, converted, &bad)) {
      int row, column;
      locate_byte(converted, converted.size(), ',', row, column);
      return fail(problem_at(row, 0,
                             "the UTF-16 text is damaged at byte " + thousands(skip + bad) +
                                 " (half a character, or a surrogate without its pair)"));
    }
    text = converted;
  }

  // A zero byte is never text: a binary file (an image, a workbook) renamed .csv.
  if (const void* z = std::memchr(text.data(), 0, text.size())) {
    size_t at = size_t(static_cast<const char*>(z) - text.data());
    int row, column;
    locate_byte(text, at, separator ? separator : ',', row, column);
    std::string what = text.size() >= 2 && text[0] == 'P' && text[1] == 'K'
                           ? " (it looks like a spreadsheet workbook, .xlsx or .ods: save "
                             "it as CSV first)"
                           : " (a binary file, not CSV text)";
    return fail(problem_at(
        row, 0,
        "this is not a text file: byte " + thousands(at + skip) + " is a zero byte" + what));
  }

  int first_line = 1;
  if (text.size() >= 5 && (text.compare(0, 4, "sep=") == 0 || text.compare(0, 4, "SEP=") == 0) &&
      text[4] != '\n' && text[4] != '\r' &&
      (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
    if (!separator) separator = text[4];
    size_t cut = 5;
    if (cut < text.size() && text[cut] == '\r') ++cut;
    if (cut < text.size() && text[cut] == '\n') ++cut;
    text = text.substr(cut);
    first_line = 2;
  }
  if (!separator) separator = sniff_separator(text);
  if (separator == '"' || separator == '\n' || separator == '\r')
    return fail(problem_at(0, 0, "a quote or a line break cannot separate cells"));
  return parse(text, separator, enc, first_line);
}

// ---------------------------------------------------------------------------------
// 4. Writing
// ---------------------------------------------------------------------------------
namespace {

bool formula_start(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// "-33.87", "+5", "12", "-0.5e3": what a spreadsheet reads as a number, not a formula.
bool plain_number(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp;
    if (exp == 0) return false;
  }
  return i == s.size();
}

// True when the cell would run as a formula, or is a ' run before such a start (then it
// is guarded too, so that reading back removes exactly one ').
bool needs_guard(std::string_view s) {
  size_t q = 0;
  while (q < s.size() && s[q] == '\'') ++q;
  if (q == s.size() || !formula_start(s[q])) return false;
  return q > 0 || !plain_number(s);
}

}  // namespace

std::string unguard_formula(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' && needs_guard(cell.substr(1)))
    return std::string(cell.substr(1));
  return std::string(cell);
}

std::string csv_cell(std::string_view text, const CsvWriteOptions& o) {
  std::string v;
  if (o.neutralise_formulas && needs_guard(text)) v = "'";
  v.append(text);
  // A cell that starts with a byte order mark is quoted: the reader takes a mark at the
  // very start of the file as the encoding's, so an unquoted one in the first cell would
  // be lost on reading back.
  bool quote =
      !v.empty() && (v.front() == ' ' || v.back() == ' ' || v.compare(0, 3, "\xEF\xBB\xBF") == 0);
  for (char c : v)
    if (c == o.separator || c == '"' || c == '\n' || c == '\r') {
      quote = true;
      break;
    }
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string write_csv(const std::vector<std::vector<std::string>>& records,
                      const CsvWriteOptions& o) {
  std::string out;
  if (o.excel) out = "\xEF\xBB\xBF";
  for (const auto& r : records) {
    for (size_t i = 0; i < r.size(); ++i) {
      if (i) out += o.separator;
      out += csv_cell(r[i], o);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace atlas
