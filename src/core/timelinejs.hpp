// timelinejs.hpp — Knight Lab's TimelineJS 3: its JSON and its Google Sheets template,
// read into our events, and our data written as its JSON.
//
// Index
//   1. Export: the dataset as TimelineJS JSON
//   2. Import: TimelineJS JSON, and the sheet template's CSV, as new items
//
// Dates. TimelineJS dates are {year, month, day} at the precision known (a month is
// {year, month}); it has no uncertainty, no seasons, no unspecified digits, no open
// ends. So an EDTF value goes out as start_date/end_date covering the same earliest and
// latest day (a season as its first and last month, 201X as 2010 to 2019), and whatever
// that loses ('?', '~', a season's name, an open or unknown end) is said in display_date
// in our own words (edtf::describe: "sometime in 2016 (uncertain)"). Coming back, only
// start_date and end_date are read: the round trip keeps the days a date covers, to the
// precision TimelineJS knows, not its qualifiers; an open end comes back closed at the
// other end's date.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/import_problem.hpp"
#include "core/model.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Export
// ---------------------------------------------------------------------------------
struct TimelineJsOptions {
  enum class Group { Kind, Country, None } group = Group::Kind;  // each event's row
};

// {"title": {...}, "events": [...], "eras": [...]}: the title slide from the dataset's
// title and description; an event per dated event (TimelineJS skips an event without a
// start date, so those are left out, and counted in *left_out); an era per working group
// whose active dates are bounded at both ends (TimelineJS refuses an era without both).
// Text is escaped for HTML (TimelineJS shows it as HTML); the notes, the place and the
// organisations make the slide's text; the first link is its media.
nlohmann::json timelinejs_from_dataset(const Dataset& d, const TimelineJsOptions& o = {},
                                       size_t* left_out = nullptr);

// The TimelineJS start_date/end_date/display_date of one value (display_date absent when
// TimelineJS's own date says it all). Exposed for tests.
nlohmann::json timelinejs_dates(const edtf::Value& v);

// ---------------------------------------------------------------------------------
// 2. Import
// ---------------------------------------------------------------------------------
struct TimelineJsImport {
  std::optional<Dataset> items;         // the new events (and the title slide's words as the
                                        // dataset's title and description); none on errors
  std::vector<ImportProblem> problems;  // where: a JSON Pointer, or a row and column
  size_t eras_skipped = 0;
};

// Reads TimelineJS JSON as TimelineJS's TimelineConfig does: `title` (a slide), `events`
// (each needs a start_date with a year; one without is skipped, as TimelineJS does),
// `eras` (no place for them here: counted and reported), `start_date`/`end_date`
// objects of year, month, day (numbers or digit strings; hour, minute… are dropped),
// text.headline (the title; HTML to text), text.text (the notes), media.url (a link when
// it is a web address), group (the kind when it names one), unique_id (the id when it is
// a valid one and free; otherwise made from the headline). Ids are new to `current`.
TimelineJsImport import_timelinejs_json(std::string_view bytes, const Dataset& current);

// True when the header is TimelineJS's sheet template (Headline, and Year or Start Date).
bool is_timelinejs_sheet(const std::vector<std::string>& header);

// The sheet's rows, read as TimelineJS reads a published Google Sheet: its columns by
// their exact names (Year, Month, Day, Time, End Year, End Month, End Day, End Time,
// Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail,
// Type, Group, Background; and the older template's Start Date / End Date, read
// month/day/year as TimelineJS does), cells trimmed, ',' and spaces dropped from the
// numbers, Type "title" the title slide (the first one), "era" an era.
TimelineJsImport import_timelinejs_sheet(const CsvTable& table, const Dataset& current);

}  // namespace atlas
