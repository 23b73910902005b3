// formats.hpp — the file formats the data goes in and out as: one registry that
// `atlas convert` (and the app's File > Export menu) list, each entry naming a format,
// its file name endings, how to recognise it, and how to read and/or write it.
//
// Index
//   1. Options shared by the readers and writers
//   2. What a read or a write gives back
//   3. The registry: formats(), find_format, guess_format
//
// A new format is one entry in formats.cpp's table: a name, extensions, and a read or a
// write function (or both).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv_import.hpp"
#include "core/export_csv.hpp"
#include "core/ical.hpp"
#include "core/import_problem.hpp"
#include "core/model.hpp"
#include "core/timelinejs.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Options
// ---------------------------------------------------------------------------------
struct ConvertOptions {
  // Reading spreadsheets and other tools' files: the new items are added to `into` (its
  // places and organisations are matched) or, without it, to a new dataset called
  // `title`.
  std::optional<Dataset> into;
  std::string title = "Imported data";
  ImportOptions import;  // day/month order, skipping bad rows, the city list
  // Columns set by hand, by field: a header name or a 1-based column number ("" unsets).
  std::vector<std::pair<ImportField, std::string>> columns;

  // Writing.
  CsvTableKind table = CsvTableKind::Events;
  bool excel = false;    // CSV with a byte order mark
  char separator = ',';  // CSV: ',' (or '\t' for .tsv files)
  TimelineJsOptions timeline;
  // iCalendar: the stamp, the statuses, and the zones (needed when an event has a time
  // in a time zone: the caller loads them, see needs_zone_data in core/event_time.hpp).
  IcalOptions ical;
};

// ---------------------------------------------------------------------------------
// 2. Outcomes
// ---------------------------------------------------------------------------------
struct ReadOutcome {
  std::optional<Dataset> dataset;       // none when anything is an error
  std::vector<ImportProblem> problems;  // errors and warnings, each with where
  std::vector<std::string> notes;       // what was done: "12 events, 3 new places"
};

struct WriteOutcome {
  std::string bytes;
  std::string error;               // nothing written when set
  std::vector<std::string> notes;  // "2 events without coordinates are left out"
};

// ---------------------------------------------------------------------------------
// 3. The registry
// ---------------------------------------------------------------------------------
struct Format {
  const char* name;                     // "csv", "geojson"…: what --from and --to take
  const char* description;              // one line for `atlas convert --formats` and menus
  std::vector<const char*> extensions;  // ".csv", ".storymap.json": longest match wins
  // True when the bytes look like this format (for reading without --from); null: never
  // chosen by content.
  bool (*sniff)(std::string_view bytes);
  ReadOutcome (*read)(std::string_view bytes, const ConvertOptions& o);  // null: cannot read
  WriteOutcome (*write)(const Dataset& d, const ConvertOptions& o);      // null: cannot write
};

const std::vector<Format>& formats();
const Format* find_format(std::string_view name);

// The format of a file: for reading, the first whose sniff says yes (content wins over
// the name: a TimelineJS .json is not ours), else by the name's ending; for writing
// (`bytes` empty), by the name's ending only. Null when nothing fits.
const Format* guess_format(std::string_view path, std::string_view bytes, bool reading);

}  // namespace atlas
