// csv_import.hpp — a spreadsheet of events into the dataset, in the steps the File >
// Import CSV dialog shows: the table (core/csv), a guessed mapping of columns to fields
// that the user may change, a plan that says what every row becomes and what is wrong
// with it (row and column), and the new items, added as one undoable step.
//
// Index
//   1. Fields and the mapping: which column is the title, the date…; guessed from the header
//   2. Places from the city list: the lookup the importer is given (core knows no gazetteer)
//   3. Options: day/month order, skipping bad rows
//   4. The plan: every row's event and problems, the places and organisations to create
//   5. Finishing: the items for Command::add_all, or why nothing is imported
//
// Use:
//   CsvReadResult csv = read_csv(bytes);                     // or its error, with the row
//   ColumnMapping m = guess_mapping(csv.table->header());   // the user may change it
//   ImportPlan plan = plan_csv_import(dataset, *csv.table, m, options);
//   // show plan.rows (preview and problems); ask day/month if needs_day_month_choice()
//   ImportResult r = finish_import(plan, options);
//   history.apply(dataset, Command::add_all(std::move(*r.items), "import of events.csv",
//                                           r.checked_ids));
//
// Nothing is half-imported: finish_import refuses while any row has an error, unless the
// options say to skip those rows; then only the good rows and what they need are added.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/date_spreadsheet.hpp"
#include "core/import_problem.hpp"
#include "core/interchange_text.hpp"
#include "core/model.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Fields and the mapping
// ---------------------------------------------------------------------------------
enum class ImportField {
  Id,
  Title,
  Date,
  EndDate,
  Kind,
  Place,
  PlaceId,
  Country,
  Latitude,
  Longitude,
  Organisations,
  Notes,
  Links,
  Source,
  Count
};
// "title", "end_date"… (the CLI's --map names, and the export's column names).
const char* field_name(ImportField f);
// "Title", "End date"… for the mapping step.
const char* field_label(ImportField f);
std::optional<ImportField> field_from_name(std::string_view name);

struct ColumnMapping {
  // The 0-based column of each field, or -1 when no column holds it.
  std::array<int, size_t(ImportField::Count)> column;
  ColumnMapping() { column.fill(-1); }
  int& operator[](ImportField f) { return column[size_t(f)]; }
  int operator[](ImportField f) const { return column[size_t(f)]; }
};

// Each field gets the first column whose header names it, case, spaces, '_' and '-'
// aside: title (Title, Name, Headline, Event), date (Date, Start date, Start, When,
// From), end_date (End date, End, Until, To), kind (Kind, Type, Category), place
// (Place, Place name, City, Location, Venue), place_id, country (Country, Country code),
// latitude (Latitude, Lat), longitude (Longitude, Lon, Lng, Long), organisations
// (Organisations, Organizations, Partners, Supporters, Participants), notes (Notes,
// Description, Text, Details), links (Links, Link, URL, Website), source, id (Id, Unique
// id). A column serves one field at most.
ColumnMapping guess_mapping(const std::vector<std::string>& header);

// ---------------------------------------------------------------------------------
// 2. Places from the city list
// ---------------------------------------------------------------------------------
struct CityCandidate {
  std::string name;     // "Manila"
  std::string country;  // ISO alpha-2: "PH"
  double lat = 0, lon = 0;
};
// Cities of that name (folded as the lookup likes), of that country when one is given
// ("" for any), best first. The app and the CLI pass the offline gazetteer (src/geo);
// tests pass a fake.
using CityLookup =
    std::function<std::vector<CityCandidate>(std::string_view name, std::string_view country)>;

// ---------------------------------------------------------------------------------
// 3. Options
// ---------------------------------------------------------------------------------
struct ImportOptions {
  // How n/n/yyyy dates read. Unknown: settled by the file's unambiguous dates (13/04/2015
  // can only be day/month), or asked for (needs_day_month_choice).
  DayMonthOrder day_month = DayMonthOrder::Unknown;
  bool skip_bad_rows = false;                 // import the good rows of a file with bad ones
  EventKind default_kind = EventKind::Other;  // for rows without a kind
  CityLookup cities;                          // empty: new places get no coordinates
};

// ---------------------------------------------------------------------------------
// 4. The plan
// ---------------------------------------------------------------------------------
// A place no item of the dataset is, made from the rows that name it.
struct PlannedPlace {
  Place place;  // as it will be added: id, name, country, coordinates when known
  enum class From { Row, CityList, Nothing } coordinates_from = From::Nothing;
  std::vector<CityCandidate> candidates;  // what the city list offered, best first; the
                                          // UI may put another's coordinates in `place`
  int first_row = 0;
};

struct PlannedRow {
  int row = 0;                 // the spreadsheet's row (the header is row 1)
  std::optional<Event> event;  // what the row becomes; none when it has errors
  std::vector<ImportProblem> problems;
  bool has_errors() const { return atlas::has_errors(problems); }
};

struct ImportPlan {
  ColumnMapping mapping;
  std::vector<ImportProblem> file_problems;  // about the whole file: no title column…
  std::vector<PlannedRow> rows;              // every row that is not blank, in order
  std::vector<PlannedPlace> new_places;
  std::vector<Organisation> new_organisations;

  DayMonthOrder day_month = DayMonthOrder::Unknown;  // as read: given, or settled
  int day_month_evidence_row = 0;  // the row that settled it (0: given or not needed)
  int ambiguous_rows = 0;          // dates read neither way for want of a choice
  int first_ambiguous_row = 0;
  std::string first_ambiguous_text;  // "03/04/2015"
  bool needs_day_month_choice() const { return ambiguous_rows > 0; }

  // The ids_fingerprint of the dataset the loader's check (check_additions) found every
  // good row's items clean against; none when it found anything.
  std::optional<uint64_t> checked_ids;

  size_t error_rows() const;
  // The file's problems, then every row's, in row order.
  std::vector<ImportProblem> problems() const;
};

// Reads every row against `current` (whose places and organisations are matched by id,
// or by name and country, case and spacing aside). Never changes anything.
ImportPlan plan_csv_import(const Dataset& current, const CsvTable& table,
                           const ColumnMapping& mapping, const ImportOptions& options);

// ---------------------------------------------------------------------------------
// 5. Finishing
// ---------------------------------------------------------------------------------
struct ImportResult {
  std::optional<Dataset> items;  // the new places, organisations and events
  std::string error;             // when !items: why nothing is imported
  size_t events = 0, places = 0, organisations = 0, skipped_rows = 0;
  std::optional<uint64_t> checked_ids;  // for Command::add_all: the plan's check holds
};

// Refused when the file has a problem of its own, when a date's day/month order must be
// chosen, when there is nothing to import, and when rows have errors and
// options.skip_bad_rows is false. Skipping keeps only the places and organisations
// that the good rows use.
ImportResult finish_import(const ImportPlan& plan, const ImportOptions& options);

}  // namespace atlas
