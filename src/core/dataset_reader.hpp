// dataset_reader.hpp — inside load_dataset: the reader that builds the model straight from
// a JSON parser's events, in one pass over the text (no document tree for the fields the
// format knows). Not for use outside src/core/dataset_*.cpp.
//
// Index
//   1. Diags: diagnostics in the order people read them, capped at kMaxDiagnostics
//   2. Helpers shared with dataset_json.cpp
//   3. read_dataset: text -> Dataset, or what stopped the parser
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/dataset_json.hpp"
#include "core/utf8.hpp"

namespace atlas::detail {

// ---------------------------------------------------------------------------------
// 1. Diags
// ---------------------------------------------------------------------------------
// Keeps the first kMaxDiagnostics and counts the rest, so a 50 MB file of mistakes stays
// small. Appending one Diags to another keeps the first kMaxDiagnostics of the two in
// order and the exact count of the rest: the reader collects what each list of items
// says apart and joins the lists in the order of the format.
class Diags {
 public:
  void add(Severity s, std::string pointer, std::string message, int line = 0, int col = 0) {
    if (list.size() < kMaxDiagnostics)
      list.push_back({s, std::move(pointer), std::move(message), line, col});
    else
      ++dropped;
  }
  void error(std::string p, std::string m) { add(Severity::Error, std::move(p), std::move(m)); }
  void warn(std::string p, std::string m) { add(Severity::Warning, std::move(p), std::move(m)); }
  void append(Diags&& other) {
    for (auto& d : other.list) {
      if (list.size() < kMaxDiagnostics)
        list.push_back(std::move(d));
      else
        ++dropped;
    }
    dropped += other.dropped;
    other.clear();
  }
  bool has_errors() const { return atlas::has_errors(list); }
  bool empty() const { return list.empty() && dropped == 0; }
  void clear() {
    list.clear();
    dropped = 0;
  }
  // Says how many were dropped, once, at the end.
  void finish() {
    if (dropped > 0)
      list.push_back({Severity::Warning, "",
                      "and " + std::to_string(dropped) + " more problems not listed", 0, 0});
    dropped = 0;
  }

  std::vector<Diagnostic> list;
  size_t dropped = 0;
};

// ---------------------------------------------------------------------------------
// 2. Helpers shared with dataset_json.cpp
// ---------------------------------------------------------------------------------
// Short, printable rendering of a value inside a message (dataset_json.cpp).
std::string quote(std::string_view s);

// ---------------------------------------------------------------------------------
// 3. read_dataset
// ---------------------------------------------------------------------------------
struct ReadResult {
  enum class Stop { None, TooDeep, Syntax } stop = Stop::None;
  std::string too_deep_at;  // TooDeep: the pointer to the container holding the value
  size_t error_pos = 0;     // Syntax: nlohmann's position and report, which
  std::string error_text;   //   dataset_json.cpp turns into a line, a column and a sentence
  bool readable = false;    // the format and version are right: the cross-checks apply
};

// Reads `bytes` (no byte-order mark, no NUL byte, not blank; `scan` is scan_text(bytes))
// into `d`. Into `sink`, in
// this order: duplicate keys, as the parser meets them; then, when the text is JSON and
// nested no deeper than kMaxDepth, every check of the format, in the format's order
// (format and version first, then title, places, organisations, events, working groups,
// stories, unknown fields), exactly as a walk over the whole document would say them.
ReadResult read_dataset(std::string_view bytes, const TextScan& scan, Dataset& d, Diags& sink);

}  // namespace atlas::detail
