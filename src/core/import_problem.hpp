// import_problem.hpp — what an importer says about a row of a spreadsheet or an item of
// another tool's file: where (a row and column for tables, a JSON Pointer for JSON), how
// bad, and a sentence for people. The same style as the loader's diagnostics:
//   "row 5, column 3 (Date): error: "31/02/2015" is not a date: February has 29 days at most"
//   "/events/2/start_date/month: error: "13" is not a month (1 to 12)"
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.hpp"  // Severity

namespace atlas {

struct ImportProblem {
  Severity severity = Severity::Error;
  int row = 0;              // 1-based record of the file, the header being row 1; 0 none
  int column = 0;           // 1-based; 0 for the whole row
  std::string column_name;  // the column's header, when it has one
  std::string pointer;      // for JSON input: where in the file ("" for tables)
  std::string message;

  std::string where() const {
    if (row > 0) {
      std::string w = "row " + std::to_string(row);
      if (column > 0) w += ", column " + std::to_string(column);
      if (!column_name.empty()) w += " (" + column_name + ")";
      return w;
    }
    return pointer;
  }
  std::string to_string() const {
    std::string w = where();
    return (w.empty() ? "" : w + ": ") + (severity == Severity::Error ? "error: " : "warning: ") +
           message;
  }
};

inline bool has_errors(const std::vector<ImportProblem>& ps) {
  for (const auto& p : ps)
    if (p.severity == Severity::Error) return true;
  return false;
}

}  // namespace atlas
