// export_csv.hpp — the dataset as spreadsheet tables: one CSV file per collection, with
// stable columns (documented in README.md; new columns are only ever added at the end).
//
//   events          id, kind, title, date, earliest_day, latest_day, place, place_id,
//                   country, latitude, longitude, organisations, notes, links, source
//   places          id, name, country, latitude, longitude, notes, source
//   organisations   id, name, sector, country, notes, source
//   working-groups  id, name, country, active, earliest_day, latest_day, members,
//                   member_sectors, origin, notes, source
//
// date and active are EDTF as in the JSON file; earliest_day and latest_day the range it
// covers (YYYY-MM-DD, empty for an open or unknown end: what kepler.gl and Palladio filter
// on). A list cell joins its entries with "; ": organisations and members as
// "Name (role)", links as URLs. The events table reads back through the CSV importer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/model.hpp"

namespace atlas {

enum class CsvTableKind { Events, Places, Organisations, WorkingGroups };

// "events", "places", "organisations", "working-groups" (and "working_groups").
std::optional<CsvTableKind> csv_table_from_name(std::string_view name);
const char* csv_table_name(CsvTableKind t);

// The table's records, the header first.
std::vector<std::vector<std::string>> csv_records(const Dataset& d, CsvTableKind t);

// The table as CSV text (RFC 4180, CRLF; formula cells neutralised; a BOM for Excel).
std::string export_csv(const Dataset& d, CsvTableKind t, const CsvWriteOptions& o = {});

}  // namespace atlas
