// formats.cpp — see formats.hpp.
//
// Index
//   1. Helpers: JSON sniffing, adding imported items to the base dataset
//   2. Each format's read and write
//   3. The table, and guessing
#include "core/formats.hpp"

#include <algorithm>
#include <cctype>

#include "core/csv.hpp"
#include "core/dataset_json.hpp"
#include "core/edit.hpp"
#include "core/export_geo.hpp"
#include "core/storymap.hpp"

namespace atlas {

using json = nlohmann::json;

namespace {

// ---------------------------------------------------------------------------------
// 1. Helpers
// ---------------------------------------------------------------------------------
// The top-level object of JSON text (after a BOM and spaces), or a discarded value.
json top_object(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.remove_prefix(3);
  size_t i = 0;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  if (i == bytes.size() || bytes[i] != '{') return json(json::value_t::discarded);
  return json::parse(bytes.begin(), bytes.end(), nullptr, false);
}

bool sniff_atlas(std::string_view bytes) {
  json j = top_object(bytes);
  // Compared, not read with value(): a "format" that is not a string (3) throws there.
  return j.is_object() && j.contains("format") && j["format"] == kFormatName;
}

// Not ours: no "format", nor our "version" (a file of ours that lost its "format" line is
// ours, and its error is that line, not TimelineJS's complaints).
bool sniff_timelinejs(std::string_view bytes) {
  json j = top_object(bytes);
  return j.is_object() && !j.contains("format") && !j.contains("version") && j.contains("events") &&
         j["events"].is_array();
}

bool sniff_timelinejs_sheet(std::string_view bytes) {
  size_t end = bytes.find_first_of("\r\n");
  CsvReadResult r = read_csv(bytes.substr(0, end == std::string_view::npos ? bytes.size() : end));
  return r.ok() && is_timelinejs_sheet(r.table->header());
}

ImportProblem problem(std::string message) {
  ImportProblem p;
  p.message = std::move(message);
  return p;
}

// The base dataset (`into`, or a new one) with the items added in one step, through the
// history's own check; the outcome says how many of each.
ReadOutcome add_to_base(Dataset items, const ConvertOptions& o, std::vector<ImportProblem> problems,
                        std::optional<uint64_t> checked_ids = std::nullopt) {
  ReadOutcome out;
  out.problems = std::move(problems);
  Dataset base = o.into ? *o.into : Dataset();
  if (!o.into) {
    base.title = items.title.empty() ? o.title : items.title;
    base.description = items.description;
  }
  size_t events = items.events.size(), places = items.places.size(),
         orgs = items.organisations.size();
  History h;
  std::string error;
  if (!h.apply(base, Command::add_all(std::move(items), "import", checked_ids), &error)) {
    out.problems.push_back(problem(error));
    return out;
  }
  out.notes.push_back(std::to_string(events) + (events == 1 ? " event" : " events") + ", " +
                      std::to_string(places) + " new " + (places == 1 ? "place" : "places") + ", " +
                      std::to_string(orgs) + " new " +
                      (orgs == 1 ? "organisation" : "organisations"));
  out.dataset = std::move(base);
  return out;
}

// ---------------------------------------------------------------------------------
// 2. Each format
// ---------------------------------------------------------------------------------
ReadOutcome read_atlas(std::string_view bytes, const ConvertOptions&) {
  ReadOutcome out;
  LoadResult r = load_dataset(bytes);
  for (const auto& d : r.diagnostics) {
    ImportProblem p;
    p.severity = d.severity;
    p.pointer = d.line ? "line " + std::to_string(d.line) + ", column " + std::to_string(d.column)
                       : d.pointer;
    p.message = d.message;
    out.problems.push_back(std::move(p));
  }
  out.dataset = std::move(r.dataset);
  return out;
}

WriteOutcome write_atlas(const Dataset& d, const ConvertOptions&) {
  WriteOutcome w;
  w.bytes = save_dataset(d);
  return w;
}

ReadOutcome read_csv_events(std::string_view bytes, const ConvertOptions& o) {
  ReadOutcome out;
  CsvReadResult csv = read_csv(bytes);
  if (!csv.ok()) {
    out.problems.push_back(*csv.error);
    return out;
  }
  const CsvTable& t = *csv.table;
  ColumnMapping m = guess_mapping(t.header());
  for (const auto& [field, column] : o.columns) {
    int c = -1;
    bool number =
        !column.empty() && column.size() <= 6 &&
        std::all_of(column.begin(), column.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (number) {
      c = std::stoi(column) - 1;
    } else if (!column.empty()) {
      for (size_t k = 0; k < t.header().size(); ++k)
        if (t.header()[k] == column) c = int(k);
      if (c < 0) {
        out.problems.push_back(problem(std::string("no column is called \"") + column + "\" (for " +
                                       field_name(field) + ")"));
        return out;
      }
    }
    m[field] = c;
  }
  const Dataset empty;
  ImportPlan plan = plan_csv_import(o.into ? *o.into : empty, t, m, o.import);
  std::vector<ImportProblem> problems = plan.problems();
  ImportResult r = finish_import(plan, o.import);
  if (!r.items) {
    out.problems = std::move(problems);
    out.problems.push_back(problem(r.error));
    return out;
  }
  if (r.skipped_rows)
    problems.push_back([&] {
      ImportProblem p =
          problem(std::to_string(r.skipped_rows) +
                  (r.skipped_rows == 1 ? " row with errors was" : " rows with errors were") +
                  " skipped, as asked");
      p.severity = Severity::Warning;
      return p;
    }());
  ReadOutcome added = add_to_base(std::move(*r.items), o, std::move(problems), r.checked_ids);
  added.notes.insert(
      added.notes.begin(),
      std::string("read as ") + encoding_name(t.encoding) + ", separator " +
          (t.separator == '\t' ? std::string("tab") : "'" + std::string(1, t.separator) + "'"));
  return added;
}

WriteOutcome write_csv_table(const Dataset& d, const ConvertOptions& o) {
  WriteOutcome w;
  CsvWriteOptions c;
  c.excel = o.excel;
  c.separator = o.separator;
  w.bytes = export_csv(d, o.table, c);
  w.notes.push_back(std::string("the ") + csv_table_name(o.table) + " table" +
                    (o.excel ? ", for Excel (UTF-8 with a byte order mark)" : ""));
  return w;
}

ReadOutcome from_timelinejs(TimelineJsImport r, const ConvertOptions& o) {
  if (!r.items) {
    ReadOutcome out;
    out.problems = std::move(r.problems);
    return out;
  }
  return add_to_base(std::move(*r.items), o, std::move(r.problems));
}

ReadOutcome read_timelinejs(std::string_view bytes, const ConvertOptions& o) {
  const Dataset empty;
  return from_timelinejs(import_timelinejs_json(bytes, o.into ? *o.into : empty), o);
}

ReadOutcome read_timelinejs_sheet(std::string_view bytes, const ConvertOptions& o) {
  CsvReadResult csv = read_csv(bytes);
  if (!csv.ok()) {
    ReadOutcome out;
    out.problems.push_back(*csv.error);
    return out;
  }
  const Dataset empty;
  return from_timelinejs(import_timelinejs_sheet(*csv.table, o.into ? *o.into : empty), o);
}

WriteOutcome write_timelinejs(const Dataset& d, const ConvertOptions& o) {
  WriteOutcome w;
  size_t left = 0;
  w.bytes = timelinejs_from_dataset(d, o.timeline, &left).dump(2) + "\n";
  if (left)
    w.notes.push_back(std::to_string(left) +
                      (left == 1 ? " event without a date is" : " events without a date are") +
                      " left out: TimelineJS needs a start date");
  return w;
}

// "2 events are left out: why", said when an export leaves events out (n > 0).
void note_left_out(WriteOutcome& w, size_t n, const char* why) {
  if (n)
    w.notes.push_back(std::to_string(n) + (n == 1 ? " event is" : " events are") +
                      " left out: " + why);
}

// GeoJSON and KML: a point per event with coordinates.
WriteOutcome write_points(const Dataset& d, std::string (*exporter)(const Dataset&, size_t*)) {
  WriteOutcome w;
  size_t left = 0;
  w.bytes = exporter(d, &left);
  note_left_out(w, left, "no place with coordinates");
  return w;
}
WriteOutcome write_geojson(const Dataset& d, const ConvertOptions&) {
  return write_points(d, export_geojson);
}
WriteOutcome write_kml(const Dataset& d, const ConvertOptions&) {
  return write_points(d, export_kml);
}

WriteOutcome write_ical(const Dataset& d, const ConvertOptions& o) {
  WriteOutcome w;
  IcalReport report;
  w.bytes = export_ical(d, o.ical, &report);
  note_left_out(w, report.windows.size(), "known only as a window of possible dates");
  note_left_out(w, report.other.size(), "no date a calendar can hold");
  return w;
}

WriteOutcome write_storymap(const Dataset& d, const ConvertOptions&) {
  WriteOutcome w;
  w.bytes = storymap_from_dataset(d).dump(2) + "\n";
  return w;
}

}  // namespace

// ---------------------------------------------------------------------------------
// 3. The table, and guessing
// ---------------------------------------------------------------------------------
const std::vector<Format>& formats() {
  static const std::vector<Format> kFormats = {
      {"atlas",
       "Coalition Atlas JSON (this app's own file)",
       {".json", ".atlas.json"},
       sniff_atlas,
       read_atlas,
       write_atlas},
      {"timelinejs",
       "TimelineJS 3 JSON (Knight Lab)",
       {".timeline.json", ".timelinejs.json"},
       sniff_timelinejs,
       read_timelinejs,
       write_timelinejs},
      {"timelinejs-sheet",
       "TimelineJS's Google Sheets template, as CSV",
       {},
       sniff_timelinejs_sheet,
       read_timelinejs_sheet,
       nullptr},
      {"csv",
       "CSV spreadsheet (events in; --table picks what goes out)",
       {".csv", ".tsv", ".txt"},
       nullptr,
       read_csv_events,
       write_csv_table},
      {"geojson",
       "GeoJSON (RFC 7946): a point per event",
       {".geojson"},
       nullptr,
       nullptr,
       write_geojson},
      {"kml",
       "KML 2.2 (Google Earth): a placemark per event",
       {".kml"},
       nullptr,
       nullptr,
       write_kml},
      {"ics",
       "iCalendar (RFC 5545): an event per dated event, in its venue's time zone",
       {".ics"},
       nullptr,
       nullptr,
       write_ical},
      {"storymap",
       "StoryMapJS JSON (Knight Lab): a slide per story step",
       {".storymap.json"},
       nullptr,
       nullptr,
       write_storymap},
  };
  return kFormats;
}

const Format* find_format(std::string_view name) {
  for (const auto& f : formats())
    if (name == f.name) return &f;
  return nullptr;
}

const Format* guess_format(std::string_view path, std::string_view bytes, bool reading) {
  if (reading)
    for (const auto& f : formats())
      if (f.read && f.sniff && f.sniff(bytes)) return &f;
  std::string lower(path);
  for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  const Format* best = nullptr;
  size_t best_len = 0;
  for (const auto& f : formats()) {
    if (reading ? !f.read : !f.write) continue;
    for (const char* ext : f.extensions) {
      size_t n = std::char_traits<char>::length(ext);
      if (n > best_len && lower.size() >= n && lower.compare(lower.size() - n, n, ext) == 0) {
        best = &f;
        best_len = n;
      }
    }
  }
  return best;
}

}  // namespace atlas
