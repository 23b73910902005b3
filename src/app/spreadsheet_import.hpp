// spreadsheet_import.hpp — one file of someone else's (a CSV spreadsheet, a TimelineJS
// JSON or sheet) on its way into the open dataset: what File > Import CSV… shows and what
// window.atlas.importCSV runs. The steps of core/csv_import, kept together while the user
// changes the mapping and the options, then added as ONE undoable step. Pure logic: no
// ImGui, no platform (the dialog is ui/csv_import_dialog.cpp).
//
// Index
//   1. Reading the file: which format (core/formats' sniffing), the table or why not
//   2. The user's choices: a field's column, the day/month order, skipping bad rows
//   3. What Import would do now, and doing it (one History step; nothing on refusal)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/state.hpp"
#include "core/csv_import.hpp"
#include "core/timelinejs.hpp"

namespace atlas {

class SpreadsheetImport {
 public:
  enum class Kind { Csv, TimelineJs, TimelineSheet };

  // 1. Reads `bytes` (named `name`: "events.csv") against the dataset it will join.
  // A TimelineJS JSON file or sheet is recognised by its content; anything else is read
  // as CSV. A file that cannot be read at all (not text, an unclosed quote) gives
  // error(), with its row and column, and nothing can be imported.
  SpreadsheetImport(std::string name, std::string_view bytes, const AppState& state,
                    ImportOptions options = {});

  const std::string& name() const { return name_; }
  Kind kind() const { return kind_; }
  const std::optional<ImportProblem>& error() const { return error_; }
  const CsvTable* table() const { return table_ ? &*table_ : nullptr; }
  // "UTF-8 with BOM, separator ';'" (CSV only).
  std::string read_as() const;

  // 2. Choices (CSV only; each plans again against the dataset as it is now).
  const ColumnMapping& mapping() const { return mapping_; }
  const ImportOptions& options() const { return options_; }
  void set_column(ImportField f, int column, const AppState& state);  // -1: no column
  void set_day_month(DayMonthOrder order, const AppState& state);
  void set_skip_bad_rows(bool skip);
  // New places' coordinates from this city list (an empty lookup: none).
  void set_cities(CityLookup cities, const AppState& state);

  // The plan of a CSV file (null for TimelineJS and for a file that could not be read).
  const ImportPlan* plan() const { return plan_ ? &*plan_ : nullptr; }
  // Every problem, the file's first, then by row (either kind of file); kept until a
  // choice changes.
  const std::vector<ImportProblem>& problems() const;
  size_t error_rows() const;

  // 3. What Import would add now: the items and counts, or why nothing (the error).
  ImportResult outcome() const;
  // The same without the items (counts and error), kept until a choice changes: cheap
  // to ask every frame.
  const ImportResult& summary() const;
  // Adds the items to `state` as one undoable step ("Import of events.csv"). False, with
  // the reason in *why and the dataset untouched, when nothing can be imported. Plans
  // again first when the data changed since the last plan.
  bool apply(AppState& state, std::string* why = nullptr);

 private:
  void replan(const AppState& state);
  std::string name_;
  Kind kind_ = Kind::Csv;
  std::optional<ImportProblem> error_;
  std::optional<CsvTable> table_;
  ColumnMapping mapping_;
  ImportOptions options_;
  std::optional<ImportPlan> plan_;
  std::optional<TimelineJsImport> timeline_;
  uint64_t planned_version_ = 0;
  mutable std::optional<ImportResult> summary_;
  mutable std::optional<std::vector<ImportProblem>> problems_;
  std::string bytes_;  // TimelineJS JSON, read again if the data changes before Import
};

}  // namespace atlas
