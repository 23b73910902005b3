// diagnostics.hpp — what the loader says about a file: where (a JSON Pointer, or a
// line and column for text that is not JSON), how bad, and a sentence for people.
#pragma once

#include <string>
#include <vector>

namespace atlas {

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string pointer;  // RFC 6901 JSON Pointer, "" for the whole document
  std::string message;  // a sentence a non-programmer understands
  int line = 0;         // 1-based, 0 when unknown (only syntax errors have a position)
  int column = 0;

  // "/events/3/date: error: ..." or "line 4, column 7: error: ..."
  std::string to_string() const;
};

bool has_errors(const std::vector<Diagnostic>& ds);
size_t count(const std::vector<Diagnostic>& ds, Severity s);

// Escapes one reference token for a JSON Pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_token(const std::string& key);

}  // namespace atlas
