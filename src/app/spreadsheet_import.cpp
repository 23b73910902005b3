// spreadsheet_import.cpp — a spreadsheet on its way in (see spreadsheet_import.hpp).
//
// Index
//   1. Reading the file
//   2. Choices
//   3. The outcome, and the one undoable step
#include "app/spreadsheet_import.hpp"

#include <utility>

#include "core/formats.hpp"
#include "core/i18n.hpp"

namespace atlas {

// -----------------------------------------------------------------------------------
// 1. Reading the file
// -----------------------------------------------------------------------------------
SpreadsheetImport::SpreadsheetImport(std::string name, std::string_view bytes,
                                     const AppState& state, ImportOptions options)
    : name_(std::move(name)), options_(std::move(options)) {
  // The registry's own sniffing (as `atlas convert` reads), so both agree on a file.
  const Format* f = guess_format(name_, bytes, true);
  std::string_view format = f ? f->name : "csv";
  if (format == "timelinejs") {
    kind_ = Kind::TimelineJs;
    bytes_ = std::string(bytes);
    replan(state);
    return;
  }
  CsvReadResult csv = read_csv(bytes);
  if (!csv.ok()) {
    error_ = csv.error;
    return;
  }
  table_ = std::move(csv.table);
  kind_ = is_timelinejs_sheet(table_->header()) ? Kind::TimelineSheet : Kind::Csv;
  mapping_ = guess_mapping(table_->header());
  replan(state);
}

std::string SpreadsheetImport::read_as() const {
  if (!table_) return "";
  std::string sep =
      table_->separator == '\t' ? tr("tab") : "'" + std::string(1, table_->separator) + "'";
  return trf("{encoding}, separator {separator}",
             {{"encoding", encoding_name(table_->encoding)}, {"separator", sep}});
}

void SpreadsheetImport::replan(const AppState& state) {
  planned_version_ = state.data_version;
  summary_.reset();
  problems_.reset();
  if (kind_ == Kind::TimelineJs)
    timeline_ = import_timelinejs_json(bytes_, state.dataset);
  else if (kind_ == Kind::TimelineSheet && table_)
    timeline_ = import_timelinejs_sheet(*table_, state.dataset);
  else if (table_)
    plan_ = plan_csv_import(state.dataset, *table_, mapping_, options_);
}

// -----------------------------------------------------------------------------------
// 2. Choices
// -----------------------------------------------------------------------------------
void SpreadsheetImport::set_column(ImportField f, int column, const AppState& state) {
  if (kind_ != Kind::Csv || !table_) return;
  // A column serves one field (as guess_mapping has it): taking it from another field.
  if (column >= 0)
    for (int& c : mapping_.column)
      if (c == column) c = -1;
  mapping_[f] = column;
  replan(state);
}

void SpreadsheetImport::set_day_month(DayMonthOrder order, const AppState& state) {
  if (kind_ != Kind::Csv || !table_) return;
  options_.day_month = order;
  replan(state);
}

void SpreadsheetImport::set_skip_bad_rows(bool skip) {
  options_.skip_bad_rows = skip;
  summary_.reset();
}

void SpreadsheetImport::set_cities(CityLookup cities, const AppState& state) {
  options_.cities = std::move(cities);
  if (kind_ == Kind::Csv) replan(state);
}

const std::vector<ImportProblem>& SpreadsheetImport::problems() const {
  if (!problems_)
    problems_ = error_      ? std::vector<ImportProblem>{*error_}
                : plan_     ? plan_->problems()
                : timeline_ ? timeline_->problems
                            : std::vector<ImportProblem>{};
  return *problems_;
}

size_t SpreadsheetImport::error_rows() const { return plan_ ? plan_->error_rows() : 0; }

// -----------------------------------------------------------------------------------
// 3. The outcome
// -----------------------------------------------------------------------------------
ImportResult SpreadsheetImport::outcome() const {
  ImportResult r;
  if (error_) {
    r.error = trf("nothing can be imported: {why}", {{"why", error_->to_string()}});
  } else if (plan_) {
    r = finish_import(*plan_, options_);
  } else if (timeline_) {
    if (!timeline_->items) {
      r.error = tr("nothing can be imported: the file has errors");
    } else if (timeline_->items->events.empty()) {
      r.error = tr("nothing can be imported: the file has no event with a date");
    } else {
      r.items = timeline_->items;
      r.events = r.items->events.size();
      r.places = r.items->places.size();
      r.organisations = r.items->organisations.size();
    }
  }
  return r;
}

const ImportResult& SpreadsheetImport::summary() const {
  if (!summary_) {
    summary_ = outcome();
    summary_->items.reset();
  }
  return *summary_;
}

bool SpreadsheetImport::apply(AppState& state, std::string* why) {
  // Ids were made new to the data as it was planned against: plan again if it changed.
  if (state.data_version != planned_version_) replan(state);
  ImportResult r = outcome();
  if (!r.items) {
    if (why) *why = r.error;
    return false;
  }
  // TimelineJS's title slide names the file's data, not ours: only its items are added.
  r.items->title.clear();
  r.items->description.clear();
  return state.edit(Command::add_all(std::move(*r.items),
                                     trf("import of {name}", {{"name", name_}}), r.checked_ids),
                    why);
}

}  // namespace atlas
