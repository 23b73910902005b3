// csv.hpp — comma-separated values as spreadsheets write them (RFC 4180 and what Excel,
// LibreOffice and Google Sheets actually produce), read and written.
//
// Index
//   1. The table: records of cells, with where each record starts
//   2. Reading: encoding (UTF-8 with or without BOM, UTF-16 "Unicode text"), the
//      separator (`,` `;` tab, sniffed, or Excel's "sep=;" line), quotes
//   3. Writing: RFC 4180 with CRLF, quotes only where needed, formula neutralising,
//      the Excel variant (UTF-8 with a byte order mark)
//
// Rows are counted as a spreadsheet shows them: the header is row 1, and a quoted cell
// holding line breaks keeps its record one row (its line number is kept beside it).
// A file that cannot be read as a whole gives one error with its row and column and no
// table: nothing of a damaged file is ever half-read.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/import_problem.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. The table
// ---------------------------------------------------------------------------------
enum class TextEncoding { Utf8, Utf8Bom, Utf16Le, Utf16Be };
const char* encoding_name(TextEncoding e);  // "UTF-8", "UTF-8 with BOM", "UTF-16 LE"…

struct CsvTable {
  std::vector<std::vector<std::string>> records;  // the header (row 1) first
  std::vector<int> lines;                         // the line each record starts on
  char separator = ',';
  TextEncoding encoding = TextEncoding::Utf8;

  const std::vector<std::string>& header() const;  // empty for an empty file
  size_t rows() const { return records.size(); }
};

// ---------------------------------------------------------------------------------
// 2. Reading
// ---------------------------------------------------------------------------------
struct CsvReadResult {
  std::optional<CsvTable> table;
  std::optional<ImportProblem> error;  // when !table: what and where
  bool ok() const { return table.has_value(); }
};

// The biggest file read (the same as the JSON loader's).
inline constexpr size_t kMaxCsvBytes = 512u * 1024 * 1024;

// `separator` 0 sniffs it: an Excel "sep=X" first line wins (and is not a record);
// otherwise, of `,` `;` and tab, the one that splits the first records into the same
// number of cells (at least two) most often; `,` when none does. Never throws.
// Refused, each with its row and column: bytes that are not text (a zero byte: a binary
// file), text that is not UTF-8 (say which encoding to save as), a UTF-16 file cut
// inside a character, a quoted cell that is never closed, text after a closing quote.
// Line ends may be CRLF, LF or CR; a last line end is optional.
CsvReadResult read_csv(std::string_view bytes, char separator = 0);

// A cell exported with write_csv's formula neutralising, as it was: "'=SUM(A1)" ->
// "=SUM(A1)", "''-x" -> "'-x". Other cells are returned as they are.
std::string unguard_formula(std::string_view cell);

// ---------------------------------------------------------------------------------
// 3. Writing
// ---------------------------------------------------------------------------------
struct CsvWriteOptions {
  bool excel = false;  // a UTF-8 byte order mark first, so Excel reads UTF-8 (not ANSI)
  char separator = ',';
  // A cell a spreadsheet would run as a formula (starting with = + - @, a tab or a
  // carriage return) is written with a ' in front; so is one that already starts with
  // ' before such a character (so unguard_formula restores every cell exactly). Plain
  // numbers ("-33.87", "+5") are left as they are: a spreadsheet reads them as numbers,
  // never as formulas.
  bool neutralise_formulas = true;
};

// One cell as written: neutralised if asked, quoted when it holds the separator, a
// quote, a line break, or leading/trailing spaces.
std::string csv_cell(std::string_view text, const CsvWriteOptions& o = {});

// Every record on its own line, CRLF after each (RFC 4180), the BOM first for Excel.
std::string write_csv(const std::vector<std::vector<std::string>>& records,
                      const CsvWriteOptions& o = {});

}  // namespace atlas
