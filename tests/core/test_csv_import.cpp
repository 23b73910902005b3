// test_csv_import.cpp — spreadsheets into the dataset (core/csv_import.hpp), and the
// import as one undoable step (Command::add_all).
//
// Index
//   1. Fixture: the sample, the files under tests/data/interchange, a fake city list
//   2. The mapping guess
//   3. Excel-style files: BOM and ';', UTF-16 text, Google Sheets' month/day
//   4. Places and organisations: matched, created, from the city list
//   5. Day/month order, bad rows, skipping, nothing half-imported
//   6. One undo step; our own CSV export read back; 100,000 rows
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/csv_import.hpp"
#include "core/dataset_json.hpp"
#include "core/edit.hpp"
#include "core/export_csv.hpp"

extern "C" const unsigned char atlas_sample_json[];
extern "C" const unsigned long atlas_sample_json_size;

using namespace atlas;

namespace {

// ---------------------------------------------------------------------------------
// 1. Fixture
// ---------------------------------------------------------------------------------
Dataset sample() {
  auto r = load_dataset(
      std::string_view(reinterpret_cast<const char*>(atlas_sample_json), atlas_sample_json_size));
  REQUIRE(r.ok());
  return *r.dataset;
}

std::string file(const std::string& name) {
  std::ifstream in(std::string(ATLAS_TEST_DATA) + "/interchange/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

CsvTable table(std::string_view text) {
  CsvReadResult r = read_csv(text);
  REQUIRE_MESSAGE(r.ok(), (r.error ? r.error->to_string() : ""));
  return *r.table;
}

// A city list of three, standing in for the gazetteer.
std::vector<CityCandidate> fake_cities(std::string_view name, std::string_view country) {
  std::vector<CityCandidate> all = {{"Manila", "PH", 14.6, 120.98},
                                    {"Perth", "AU", -31.95, 115.86},
                                    {"Perth", "GB", 56.4, -3.43}};
  std::vector<CityCandidate> out;
  for (const auto& c : all)
    if (fold_name(c.name) == fold_name(name) && (country.empty() || c.country == country))
      out.push_back(c);
  return out;
}

struct Import {
  ImportPlan plan;
  ImportResult result;
};

Import import(const Dataset& d, std::string_view text, ImportOptions o = {}) {
  CsvTable t = table(text);
  Import x;
  x.plan = plan_csv_import(d, t, guess_mapping(t.header()), o);
  x.result = finish_import(x.plan, o);
  return x;
}

const PlannedRow& row(const ImportPlan& p, int n) {
  for (const auto& r : p.rows)
    if (r.row == n) return r;
  FAIL("no row " << n);
  return p.rows.front();
}

bool says(const std::vector<ImportProblem>& ps, int row, int column, const std::string& text) {
  for (const auto& p : ps)
    if (p.row == row && p.column == column && p.message.find(text) != std::string::npos)
      return true;
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------------
// 2. The mapping guess
// ---------------------------------------------------------------------------------
TEST_CASE("the mapping is guessed from the header, each column used once") {
  ColumnMapping m = guess_mapping({"Event Name", "Start date", "End_Date", "Type", "City",
                                   "Country code", "Lat", "Lng", "Partners", "Description", "URL"});
  CHECK(m[ImportField::Title] == 0);
  CHECK(m[ImportField::Date] == 1);
  CHECK(m[ImportField::EndDate] == 2);
  CHECK(m[ImportField::Kind] == 3);
  CHECK(m[ImportField::Place] == 4);
  CHECK(m[ImportField::Country] == 5);
  CHECK(m[ImportField::Latitude] == 6);
  CHECK(m[ImportField::Longitude] == 7);
  CHECK(m[ImportField::Organisations] == 8);
  CHECK(m[ImportField::Notes] == 9);
  CHECK(m[ImportField::Links] == 10);
  CHECK(m[ImportField::Id] == -1);
  // Our own export's header maps every column it can.
  ColumnMapping ours = guess_mapping(csv_records(Dataset(), CsvTableKind::Events).front());
  CHECK(ours[ImportField::Place] == 6);
  CHECK(ours[ImportField::PlaceId] == 7);
  CHECK(ours[ImportField::Date] == 3);
  CHECK(ours[ImportField::EndDate] == -1);  // earliest_day / latest_day are not read
}

TEST_CASE("without a title column nothing is planned, and the file says why") {
  Import x = import(Dataset(), "when,where\n2015,Manila\n");
  REQUIRE(x.plan.file_problems.size() == 1);
  CHECK(x.plan.file_problems[0].message.find("no column is the title") != std::string::npos);
  CHECK_FALSE(x.result.items);
}

// ---------------------------------------------------------------------------------
// 3. Excel-style files
// ---------------------------------------------------------------------------------
TEST_CASE("Excel's CSV UTF-8 with ';', decimal commas, quoted line breaks, d/m/y") {
  ImportOptions o;
  o.cities = fake_cities;
  Import x = import(Dataset(), file("excel-semicolon-bom.csv"), o);
  REQUIRE_MESSAGE(x.result.items, x.result.error);
  const Dataset& items = *x.result.items;
  REQUIRE(items.events.size() == 4);
  CHECK(x.plan.day_month == DayMonthOrder::DayFirst);  // 14/07/2015 settles it
  CHECK(x.plan.day_month_evidence_row == 2);
  CHECK(edtf::format(*items.events[0].date) == "2015-07-14");
  CHECK(edtf::format(*items.events[1].date) == "2017-04-03");  // 03/04/2017, day first
  CHECK(items.events[1].notes == "Two lines:\nthe \"second\" one");
  CHECK(items.events[0].notes == "Hosted by ICMEC; the third roundtable");
  CHECK(items.events[3].kind == EventKind::Campaign);
  CHECK(items.events[3].place.empty());
  const Place* hk = items.find_place(items.events[0].place);
  REQUIRE(hk);
  CHECK(*hk->lat == doctest::Approx(22.28));  // "22,28"
  CHECK(hk->country == "HK");
  const Place* manila = items.find_place(items.events[1].place);
  REQUIRE(manila);
  CHECK(manila->country == "PH");                // "Philippines"
  CHECK(*manila->lat == doctest::Approx(14.6));  // from the city list
  // "PayPal (grant); Allen & Overy": two organisations, a role where it was given.
  REQUIRE(items.events[0].organisations.size() == 2);
  CHECK(items.events[0].organisations[0].role == Role::Grant);
  CHECK(items.events[0].organisations[1].role == Role::Participant);
}

TEST_CASE("Excel's Unicode text (UTF-16, tabs) and Google Sheets (m/d/y, a serial number)") {
  Import u = import(Dataset(), file("excel-unicode-text.txt"));
  REQUIRE_MESSAGE(u.result.items, u.result.error);
  CHECK(u.result.items->events[0].title == "Hà Nội meeting");
  CHECK(u.result.items->events[0].kind == EventKind::WorkingGroupMeeting);
  CHECK(u.result.items->events[1].title == "香港 forum");
  CHECK(edtf::format(*u.result.items->events[1].date) == "2016-07");

  Import g = import(Dataset(), file("sheets-month-first.csv"));
  REQUIRE_MESSAGE(g.result.items, g.result.error);
  const auto& ev = g.result.items->events;
  CHECK(g.plan.day_month == DayMonthOrder::MonthFirst);
  CHECK(edtf::format(*ev[1].date) == "2016-03-04/2016-06-30");  // date and end date
  CHECK(edtf::format(*ev[2].date) == "2015-07-14");             // 42199
  CHECK(ev[2].links.size() == 2);
  CHECK(ev[0].place == ev[1].place);  // "Sydney" twice is one new place
}

// ---------------------------------------------------------------------------------
// 4. Places and organisations
// ---------------------------------------------------------------------------------
TEST_CASE("places and organisations of the data are matched by name; new ones created") {
  Dataset d = sample();
  Import x = import(
      d, "title,place,organisations\nA,hong  KONG,paypal\nB,Hong Kong,Some New Org (host)\n");
  REQUIRE_MESSAGE(x.result.items, x.result.error);
  CHECK(x.result.items->places.empty());
  CHECK(x.result.items->events[0].place == "hong-kong");
  CHECK(x.result.items->events[0].organisations[0].organisation == "paypal");  // by id
  REQUIRE(x.result.items->organisations.size() == 1);
  CHECK(x.result.items->organisations[0].name == "Some New Org");
  CHECK(x.result.items->events[1].organisations[0].role == Role::Host);
}

TEST_CASE("a new place: coordinates from the row, else the city list; a country is needed") {
  ImportOptions o;
  o.cities = fake_cities;
  Import x = import(Dataset(),
                    "title,place,country\nA,Perth,GB\nB,Perth,\nC,Nowhere Town,\nD,Manila,\n", o);
  REQUIRE(x.plan.new_places.size() == 2);
  REQUIRE(row(x.plan, 3).event);
  REQUIRE(row(x.plan, 5).event);
  CHECK(x.plan.new_places[0].coordinates_from == PlannedPlace::From::CityList);
  CHECK(*x.plan.new_places[0].place.lat == doctest::Approx(56.4));      // Perth, GB
  CHECK(row(x.plan, 3).event->place == x.plan.new_places[0].place.id);  // the Perth just made
  CHECK(says(row(x.plan, 4).problems, 4, 2, "is a new place and needs a country"));
  REQUIRE(row(x.plan, 5).event);
  CHECK(x.plan.new_places.back().place.country == "PH");  // from the city list
  CHECK(x.plan.new_places.back().candidates.size() == 1);
}

TEST_CASE("a name two places of the data share needs the country") {
  Dataset d = sample();
  Place p = d.places.front();
  p.id = "second";
  p.country = "GB";
  d.places.push_back(p);
  Import x = import(d, "title,place\nA," + p.name + "\n");
  CHECK(says(row(x.plan, 2).problems, 2, 2, "names 2 places"));
}

// ---------------------------------------------------------------------------------
// 5. Day/month order, bad rows, skipping
// ---------------------------------------------------------------------------------
TEST_CASE("ambiguous dates ask; the choice reads them; a contradicting row is an error") {
  Import x = import(Dataset(), file("ambiguous-dates.csv"));
  CHECK(x.plan.needs_day_month_choice());
  CHECK(x.plan.ambiguous_rows == 2);
  CHECK(x.plan.first_ambiguous_row == 2);
  CHECK(x.plan.first_ambiguous_text == "03/04/2015");
  CHECK_FALSE(x.result.items);
  CHECK(x.result.error.find("could be day/month or month/day") != std::string::npos);
  ImportOptions o;
  o.day_month = DayMonthOrder::MonthFirst;
  Import m = import(Dataset(), file("ambiguous-dates.csv"), o);
  REQUIRE(m.result.items);
  CHECK(edtf::format(*m.result.items->events[0].date) == "2015-03-04");
  Import bad = import(Dataset(), "title,date\nA,14/07/2015\n", o);
  CHECK(says(row(bad.plan, 2).problems, 2, 2, "read month/day as asked"));
}

TEST_CASE("every bad row has its row and column; nothing is imported until skipping is asked") {
  std::string text = file("bad-rows.csv");
  Import x = import(Dataset(), text);
  CHECK(x.plan.error_rows() == 4);
  CHECK(says(row(x.plan, 3).problems, 3, 2, "there is no month 13"));
  CHECK(says(row(x.plan, 4).problems, 4, 3, "\"party\" is not a kind of event"));
  CHECK(says(row(x.plan, 5).problems, 5, 1, "the title is empty"));
  CHECK(says(row(x.plan, 6).problems, 6, 4, "\"Atlantis\" is not a country"));
  CHECK(row(x.plan, 3).problems.front().to_string().rfind("row 3, column 2 (date): error: ", 0) ==
        0);
  CHECK_FALSE(x.result.items);
  CHECK(x.result.error.find("4 rows have errors") != std::string::npos);
  ImportOptions skip;
  skip.skip_bad_rows = true;
  Import s = import(Dataset(), text, skip);
  REQUIRE(s.result.items);
  CHECK(s.result.events == 2);
  CHECK(s.result.skipped_rows == 4);
}

TEST_CASE("ragged rows: too few cells, or text beyond the last column") {
  Import x = import(Dataset(), file("ragged.csv"));
  CHECK(says(row(x.plan, 3).problems, 3, 0, "this row has 2 cells where the header has 3"));
  CHECK(says(row(x.plan, 4).problems, 4, 4, "beyond the last column"));
  CHECK(import(Dataset(), "title,date\nA,2015,,\n").result.items);  // empty extra cells: fine
}

TEST_CASE("ids: taken ids, bad ids, repeated ids are errors; missing ones are made") {
  Dataset d = sample();
  Import x =
      import(d, "id,title\nrt-hk,A\nbad id,B\nnew-one,C\nnew-one,D\n,Hong Kong Roundtable\n");
  CHECK(says(row(x.plan, 2).problems, 2, 1, "already used"));
  CHECK(says(row(x.plan, 3).problems, 3, 1, "may use only letters"));
  CHECK(row(x.plan, 4).event->id == "new-one");
  CHECK(says(row(x.plan, 5).problems, 5, 1, "already used"));
  CHECK(row(x.plan, 6).event->id == "hong-kong-roundtable");
}

TEST_CASE("what only the loader knows still gets its row: a too long title") {
  std::string long_title(600, 'x');
  Import x = import(Dataset(), "title,notes\nok,\n" + long_title + ",n\n");
  CHECK(says(row(x.plan, 3).problems, 3, 1, "too long"));
  CHECK(row(x.plan, 2).event);
}

// ---------------------------------------------------------------------------------
// 6. One undo step; our own export read back; 100,000 rows
// ---------------------------------------------------------------------------------
TEST_CASE("an import is one undo step, and redo brings it all back") {
  Dataset d = sample();
  const std::string before = save_dataset(d);
  ImportOptions o;
  o.cities = fake_cities;
  Import x = import(d, file("excel-semicolon-bom.csv"), o);
  REQUIRE(x.result.items);
  History h;
  std::string error;
  REQUIRE(h.apply(d, Command::add_all(std::move(*x.result.items), "import of excel.csv"), &error));
  const std::string after = save_dataset(d);
  CHECK(d.events.size() == sample().events.size() + 4);
  CHECK(h.labels() == std::vector<std::string>{"import of excel.csv"});
  CHECK(h.undo_label() == "Undo import of excel.csv");
  REQUIRE(h.undo(d));
  CHECK(save_dataset(d) == before);
  CHECK_FALSE(h.can_undo());
  REQUIRE(h.redo(d));
  CHECK(save_dataset(d) == after);
  REQUIRE(h.undo(d));
  CHECK(save_dataset(d) == before);
}

TEST_CASE("add_all refuses what would not load, and changes nothing") {
  Dataset d = sample();
  const std::string before = save_dataset(d);
  Dataset items;
  Event e;
  e.id = "rt-hk";  // taken
  e.title = "x";
  items.events.push_back(e);
  Event f;
  f.id = "fine";
  f.title = "y";
  f.place = "nowhere";  // a reference to nothing
  items.events.push_back(f);
  auto problems = check_additions(d, items);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].pointer == "/events/0/id");
  CHECK(problems[1].pointer == "/events/1/place");
  History h;
  std::string error;
  CHECK_FALSE(h.apply(d, Command::add_all(items, "import"), &error));
  CHECK(error.find("/events/0/id") != std::string::npos);
  CHECK(save_dataset(d) == before);
  CHECK_FALSE(h.can_undo());
  // Items referring to each other and to the data are fine.
  Dataset ok;
  Place p;
  p.id = "new-place";
  p.name = "New";
  p.country = "NZ";
  ok.places.push_back(p);
  Event g;
  g.id = "g";
  g.title = "G";
  g.place = "new-place";
  g.organisations.push_back({"paypal", Role::Grant, "", Extra::object()});
  ok.events.push_back(g);
  CHECK(check_additions(d, ok).empty());
  CHECK(h.apply(d, Command::add_all(ok, "import"), &error));
  CHECK(h.apply(d, Command::add_all(Dataset(), "nothing")));  // adds nothing: no step
  CHECK(h.labels().size() == 1);
}

TEST_CASE("undo of an import refuses when its items are no longer where it left them") {
  Dataset d = sample();
  Dataset items;
  Event e;
  e.id = "imported";
  e.title = "x";
  items.events.push_back(e);
  History h;
  REQUIRE(h.apply(d, Command::add_all(items, "import")));
  d.events.pop_back();  // changed outside the history, which it says must never happen
  CHECK_FALSE(h.undo(d));
}

TEST_CASE("our events CSV reads back: titles, kinds, dates, places, organisations") {
  Dataset d = sample();
  CsvWriteOptions w;
  w.excel = true;
  Import x = import(Dataset(), export_csv(d, CsvTableKind::Events, w));
  REQUIRE_MESSAGE(x.result.items, x.result.error);
  const Dataset& back = *x.result.items;
  REQUIRE(back.events.size() == d.events.size());
  for (size_t i = 0; i < d.events.size(); ++i) {
    const Event &a = d.events[i], &b = back.events[i];
    CAPTURE(a.id);
    CHECK(b.id == a.id);
    CHECK(b.title == a.title);
    CHECK(b.kind == a.kind);
    CHECK(b.notes == a.notes);
    CHECK(b.source == a.source);
    CHECK(b.date.has_value() == a.date.has_value());
    if (a.date && b.date) CHECK(edtf::format(*b.date) == edtf::format(*a.date));
    CHECK(b.place == a.place);
    REQUIRE(b.organisations.size() <= a.organisations.size());
    for (size_t k = 0; k < b.organisations.size(); ++k)
      CHECK(b.organisations[k].role == a.organisations[k].role);
  }
  for (const Place& p : back.places) {
    const Place* orig = d.find_place(p.id);
    REQUIRE(orig);
    CHECK(p.name == orig->name);
    CHECK(p.country == orig->country);
    CHECK(p.lat == orig->lat);
  }
}

TEST_CASE("100,000 rows: all imported in one step; one bad row at the end stops it all") {
  std::string text = "title,date,kind,place,country,latitude,longitude\n";
  for (int i = 0; i < 100000; ++i)
    text += "Event " + std::to_string(i) + "," + std::to_string(1990 + i % 30) + "-0" +
            std::to_string(1 + i % 9) + ",forum,City " + std::to_string(i % 50) + ",NZ,-41." +
            std::to_string(i % 50) + ",172.5\n";
  Dataset d = sample();
  size_t events = d.events.size();
  Import x = import(d, text);
  REQUIRE_MESSAGE(x.result.items, x.result.error);
  CHECK(x.result.events == 100000);
  CHECK(x.result.places == 50);
  History h;
  REQUIRE(h.apply(d, Command::add_all(std::move(*x.result.items), "import of big.csv")));
  CHECK(d.events.size() == events + 100000);
  REQUIRE(h.undo(d));
  CHECK(d.events.size() == events);

  Import bad = import(d, text + "Last,2015-02-30,forum,City 1,NZ,-41.1,172.5\n");
  CHECK_FALSE(bad.result.items);
  CHECK(bad.result.error.find("row 100002, column 2 (date)") != std::string::npos);
  CHECK(d.events.size() == events);
}

TEST_CASE("the plan's check is reused only while the data's ids are the ones it checked") {
  Dataset d = sample();
  Import x = import(d, "id,title\nfresh-id,A\n");
  REQUIRE(x.result.items);
  REQUIRE(x.result.checked_ids);
  CHECK(*x.result.checked_ids == ids_fingerprint(d));
  // The data changes between the plan and the import: an item takes the id.
  History h;
  Event e;
  e.id = "fresh-id";
  e.title = "Taken meanwhile";
  REQUIRE(h.apply(d, Command::add(e)));
  CHECK(ids_fingerprint(d) != *x.result.checked_ids);
  std::string error;
  CHECK_FALSE(
      h.apply(d, Command::add_all(*x.result.items, "import", x.result.checked_ids), &error));
  CHECK(error.find("already used") != std::string::npos);
  // An id renamed is a change too; the same ids in the same order are not.
  Dataset a = sample(), b = sample();
  CHECK(ids_fingerprint(a) == ids_fingerprint(b));
  b.places[0].id = "renamed";
  CHECK(ids_fingerprint(a) != ids_fingerprint(b));
}
