// fuzz_csv.cpp — libFuzzer target for spreadsheet input (built with clang, ASan, UBSan):
// the CSV reader, the mapping guess, the import plan and its finish, and the TimelineJS
// sheet and JSON readers must never crash, hang or throw on any bytes; what the CSV
// writer writes, the reader reads back cell for cell; whatever an import would add, the
// undo history takes as one step and gives back.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/csv_import.hpp"
#include "core/edit.hpp"
#include "core/timelinejs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  atlas::CsvReadResult csv = atlas::read_csv(bytes);
  atlas::import_timelinejs_json(bytes, atlas::Dataset());
  if (!csv.ok()) return 0;
  const atlas::CsvTable& t = *csv.table;
  atlas::CsvReadResult again = atlas::read_csv(atlas::write_csv(t.records), ',');
  if (!again.ok() || again.table->records.size() != t.records.size()) std::abort();
  for (size_t i = 0; i < t.records.size(); ++i)
    for (size_t c = 0; c < t.records[i].size(); ++c)
      if (atlas::unguard_formula(again.table->records[i][c]) != t.records[i][c]) std::abort();
  atlas::import_timelinejs_sheet(t, atlas::Dataset());
  for (auto order : {atlas::DayMonthOrder::Unknown, atlas::DayMonthOrder::DayFirst}) {
    atlas::ImportOptions o;
    o.day_month = order;
    o.skip_bad_rows = true;
    atlas::Dataset d;
    d.title = "x";
    atlas::ImportPlan p = atlas::plan_csv_import(d, t, atlas::guess_mapping(t.header()), o);
    atlas::ImportResult r = atlas::finish_import(p, o);
    if (!r.items) continue;
    atlas::History h;
    // The plan's own check passed: the step must apply, and undo must give back the
    // empty dataset.
    if (!h.apply(d, atlas::Command::add_all(*r.items, "import"))) std::abort();
    if (!h.undo(d) || !d.events.empty() || !d.places.empty()) std::abort();
  }
  return 0;
}
