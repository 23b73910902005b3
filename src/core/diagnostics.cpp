// diagnostics.cpp — formatting of loader diagnostics.
#include "core/diagnostics.hpp"

#include <algorithm>

namespace atlas {

std::string Diagnostic::to_string() const {
  std::string where;
  if (line > 0)
    where = "line " + std::to_string(line) + ", column " + std::to_string(column);
  else
    where = pointer.empty() ? "/" : pointer;
  return where + ": " + (severity == Severity::Error ? "error: " : "warning: ") + message;
}

bool has_errors(const std::vector<Diagnostic>& ds) {
  return std::any_of(ds.begin(), ds.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

size_t count(const std::vector<Diagnostic>& ds, Severity s) {
  return size_t(
      std::count_if(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.severity == s; }));
}

std::string pointer_token(const std::string& key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

}  // namespace atlas
