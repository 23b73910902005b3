// test_timelinejs.cpp — TimelineJS JSON and sheet in, TimelineJS JSON out
// (core/timelinejs.hpp). TimelineJS itself reads our export in tests/interchange.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/dataset_json.hpp"
#include "core/timelinejs.hpp"

extern "C" const unsigned char atlas_sample_json[];
extern "C" const unsigned long atlas_sample_json_size;

using namespace atlas;
using json = nlohmann::json;

namespace {
Dataset sample() {
  auto r = load_dataset(
      std::string_view(reinterpret_cast<const char*>(atlas_sample_json), atlas_sample_json_size));
  REQUIRE(r.ok());
  return *r.dataset;
}
std::string file(const std::string& name) {
  std::ifstream in(std::string(ATLAS_TEST_DATA) + "/interchange/" + name, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
json dates(const char* edtf_text) { return timelinejs_dates(*edtf::parse(edtf_text).value); }
}  // namespace

TEST_CASE("EDTF to TimelineJS: the same days at the precision known; the rest in words") {
  CHECK(dates("2015-07-14") ==
        json{{"start_date", {{"year", "2015"}, {"month", "7"}, {"day", "14"}}}});
  CHECK(dates("2015-07") == json{{"start_date", {{"year", "2015"}, {"month", "7"}}}});
  CHECK(dates("2017") == json{{"start_date", {{"year", "2017"}}}});
  json u = dates("2016?");
  CHECK(u["start_date"] == json{{"year", "2016"}});
  CHECK(u["display_date"] == "sometime in 2016 (uncertain)");
  json s = dates("2015-21");  // spring: March to May
  CHECK(s["start_date"] == json{{"year", "2015"}, {"month", "3"}});
  CHECK(s["end_date"] == json{{"year", "2015"}, {"month", "5"}});
  CHECK(s["display_date"] == "spring 2015");
  json x = dates("201X");
  CHECK(x["start_date"] == json{{"year", "2010"}});
  CHECK(x["end_date"] == json{{"year", "2019"}});
  json w = dates("2013/2015-07");  // a window, not a duration: said in words
  CHECK(w["start_date"] == json{{"year", "2013"}});
  CHECK(w["end_date"] == json{{"year", "2015"}, {"month", "7"}});
  CHECK(w["display_date"] == "2013 to July 2015, exact date unknown");
  json open = dates("2016-03/..");
  CHECK(open["start_date"] == json{{"year", "2016"}, {"month", "3"}});
  CHECK_FALSE(open.contains("end_date"));
  CHECK(open["display_date"] == "from March 2016, ongoing");
}

TEST_CASE("the sample as TimelineJS: dated events only, HTML escaped, groups by kind or country") {
  Dataset d = sample();
  d.events[0].title = "A <b> & \"B\"";
  size_t left = 0;
  json t = timelinejs_from_dataset(d, {}, &left);
  size_t dated = 0;
  for (const auto& e : d.events) dated += e.date.has_value();
  CHECK(t["events"].size() == dated);
  CHECK(left == d.events.size() - dated);
  CHECK(t["events"][0]["text"]["headline"] == "A &lt;b&gt; &amp; &quot;B&quot;");
  CHECK(t["events"][0]["group"] == "Roundtable");
  CHECK(t["events"][0]["unique_id"] == d.events[0].id);
  CHECK(t["title"]["text"]["headline"] == d.title);
  TimelineJsOptions by_country;
  by_country.group = TimelineJsOptions::Group::Country;
  CHECK(timelinejs_from_dataset(d, by_country)["events"][0]["group"] == "New Zealand");
}

TEST_CASE("TimelineJS JSON in: dates, HTML to text, media as a link, skipped events, eras") {
  Dataset d = sample();
  TimelineJsImport r = import_timelinejs_json(file("timelinejs.json"), d);
  REQUIRE(r.items);
  const auto& ev = r.items->events;
  REQUIRE(ev.size() == 4);  // one has no start_date: skipped, as TimelineJS skips it
  CHECK(r.items->title == "A TimelineJS story");
  CHECK(ev[0].title == "Hong Kong Roundtable");
  CHECK(ev[0].notes == "One\nTwo & three");
  CHECK(ev[0].kind == EventKind::Roundtable);
  CHECK(ev[0].id != "rt-hk");  // taken in the sample: a fresh one
  REQUIRE(ev[0].links.size() == 1);
  CHECK(ev[0].links[0].label == "A photo");
  CHECK(edtf::format(*ev[1].date) == "2013/2015-07");
  CHECK(edtf::format(*ev[2].date) == "2017-03-04");
  CHECK(ev[2].kind == EventKind::Forum);
  CHECK(edtf::format(*ev[3].date) == "2016");  // an end equal to the start is no interval
  CHECK(r.eras_skipped == 1);
  bool skipped = false, time = false;
  for (const auto& p : r.problems) {
    skipped |= p.pointer == "/events/3/start_date" && p.message.find("skips") != std::string::npos;
    time |=
        p.pointer == "/events/2/start_date" && p.message.find("time of day") != std::string::npos;
  }
  CHECK(skipped);
  CHECK(time);
}

TEST_CASE("TimelineJS JSON: bad dates are errors at their pointer; nothing comes in") {
  TimelineJsImport r = import_timelinejs_json(
      R"({"events": [{"start_date": {"year": "2015", "month": "13"}, "text": {"headline": "x"}},
                     {"start_date": {"year": "twenty"}}, {"start_date": {"year": 2016},
                      "end_date": {"year": 2015}}]})",
      Dataset());
  CHECK_FALSE(r.items);
  auto at = [&](const std::string& pointer) {
    for (const auto& p : r.problems)
      if (p.pointer == pointer && p.severity == Severity::Error) return p.to_string();
    return std::string("nothing at ") + pointer;
  };
  CHECK(at("/events/0/start_date/month") ==
        "/events/0/start_date/month: error: there is no month 13 (months are 1 to 12)");
  CHECK(at("/events/1/start_date/year").find("not a whole number") != std::string::npos);
  CHECK(at("/events/2/end_date").find("is not a date range") != std::string::npos);
  CHECK_FALSE(import_timelinejs_json("[1,2]", Dataset()).items);
  CHECK_FALSE(import_timelinejs_json("{\"events\": 3}", Dataset()).items);
}

TEST_CASE("the TimelineJS sheet template, as TimelineJS reads it") {
  CsvReadResult csv = read_csv(file("timelinejs-sheet.csv"));
  REQUIRE(csv.ok());
  CHECK(is_timelinejs_sheet(csv.table->header()));
  CHECK_FALSE(is_timelinejs_sheet({"title", "date"}));
  TimelineJsImport r = import_timelinejs_sheet(*csv.table, Dataset());
  REQUIRE(r.items);
  CHECK(r.items->title == "Our story");
  CHECK(r.items->description == "The whole story");
  REQUIRE(r.items->events.size() == 3);
  CHECK(edtf::format(*r.items->events[0].date) == "2015-07");
  CHECK(r.items->events[0].notes == "Third & biggest");
  CHECK(r.items->events[0].links[0].url == "https://example.org/hk.jpg");
  CHECK(edtf::format(*r.items->events[1].date) == "2013/2015-07");
  CHECK(edtf::format(*r.items->events[2].date) == "2017-03-04");
  CHECK(r.eras_skipped == 1);
  bool skipped_row7 = false;
  for (const auto& p : r.problems)
    skipped_row7 |= p.row == 7 && p.column == 1 && p.column_name == "Year";
  CHECK(skipped_row7);
  // A bad month in the sheet: its row and the Month column.
  CsvReadResult bad = read_csv("Year,Month,Headline\n2015,14,x\n");
  TimelineJsImport b = import_timelinejs_sheet(*bad.table, Dataset());
  CHECK_FALSE(b.items);
  CHECK(b.problems[0].to_string() ==
        "row 2, column 2 (Month): error: there is no month 14 (months are 1 to 12)");
}

TEST_CASE("ours -> TimelineJS -> ours keeps titles and the days each date covers") {
  Dataset d = sample();
  json t = timelinejs_from_dataset(d);
  TimelineJsImport back = import_timelinejs_json(t.dump(), Dataset());
  REQUIRE(back.items);
  size_t k = 0;
  for (const auto& e : d.events) {
    if (!e.date) continue;
    REQUIRE(k < back.items->events.size());
    const Event& b = back.items->events[k++];
    CAPTURE(e.id);
    CHECK(b.id == e.id);
    CHECK(b.title == e.title);
    CHECK(b.date->earliest() == e.date->earliest());
    bool bounded = e.date->latest() < edtf::kUnboundedFuture;
    if (bounded) CHECK(b.date->latest() == e.date->latest());
  }
  CHECK(k == back.items->events.size());
}
