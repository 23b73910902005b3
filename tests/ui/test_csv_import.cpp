// test_csv_import.cpp — File > Import CSV… and File > Export with a fake host and no
// window (tests/ui/ui_harness.hpp): the mapping changed with its combo, the day/month
// question, a file with errors importing nothing until its bad rows are skipped, the
// import as one undo step, an unreadable file changing nothing, TimelineJS through the
// same dialog, and exports that say what they left out; the skip checkbox keeps one id in
// every language.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/date_edtf.hpp"
#include "ui_harness.hpp"

using atlas::test::UiHarness;

namespace {

// The file as the picker, a drop or the desktop dialog delivers it.
void pick(UiHarness& h, const std::string& name, const std::string& bytes) {
  REQUIRE(h.session.import_text(bytes, name) == atlas::Session::ImportResult::Spreadsheet);
  h.frame(3);
  REQUIRE(h.ui.csv_import().is_open());
}

const atlas::Event* find_title(const atlas::Dataset& d, const std::string& title) {
  for (const auto& e : d.events)
    if (e.title == title) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("Import CSV asks the host for its picker, and the picked file opens the dialog") {
  UiHarness h(true);
  h.frame();
  REQUIRE(h.click("File"));
  REQUIRE(h.click("Import CSV…"));
  CHECK(h.host.pickers == 1);
  size_t before = h.session.state.dataset.events.size();
  pick(h, "events.csv", "Title,Date\nLaunch,2015-07-14\n");
  CHECK(h.session.state.dataset.events.size() == before);  // nothing until Import
}

#ifdef ATLAS_GAZETTEER
TEST_CASE("the city list arriving after the dialog opened gives new places coordinates") {
  UiHarness h;
  h.frame();
  CHECK_FALSE(h.ui.wants_gazetteer());
  pick(h, "towns.csv", "Title,Date,Place,Country\nForum A,2015-07-14,Quezon City,PH\n");
  CHECK(h.ui.wants_gazetteer());  // the dialog asks for it as it opens
  CHECK(h.shows("Loading the offline city list (coordinates for new places)…"));
  atlas::geo::Gazetteer g;
  atlas::test::load_build_gazetteer(g);
  h.ui.editor().set_gazetteer(&g);
  h.frame(2);
  CHECK(h.shows("Give new places coordinates from the offline city list"));
  REQUIRE(h.click("Import"));
  const atlas::Event* e = find_title(h.session.state.dataset, "Forum A");
  REQUIRE(e);
  const atlas::Place* p = h.session.state.place(e->place);
  REQUIRE(p);
  REQUIRE(p->lat);
  CHECK(std::abs(*p->lat - 14.65) < 0.1);
}
#endif

TEST_CASE("the mapping step: a column chosen with its combo is what the rows are read by") {
  UiHarness h;
  h.frame();
  // "Where" is not a header the guess knows: the user points Place at it.
  pick(h, "towns.csv", "Name,When,Where,Country\nForum A,2015-07-14,Manila,PH\n");
  const atlas::SpreadsheetImport* im = h.ui.csv_import().current();
  REQUIRE(im);
  CHECK(im->mapping()[atlas::ImportField::Title] == 0);
  CHECK(im->mapping()[atlas::ImportField::Date] == 1);
  CHECK(im->mapping()[atlas::ImportField::Place] == -1);
  REQUIRE(h.click("Place column"));
  h.frame();  // the list's first frame only measures it
  REQUIRE(h.click("C: Where"));
  CHECK(im->mapping()[atlas::ImportField::Place] == 2);
  REQUIRE(h.click("Import"));
  CHECK_FALSE(h.ui.csv_import().is_open());
  const atlas::Event* e = find_title(h.session.state.dataset, "Forum A");
  REQUIRE(e);
  const atlas::Place* p = h.session.state.place(e->place);
  REQUIRE(p);
  CHECK(p->name == "Manila");
  CHECK(p->country == "PH");
}

TEST_CASE("ambiguous dates: nothing is imported until the user says day/month or month/day") {
  UiHarness h;
  h.frame();
  size_t before = h.session.state.dataset.events.size();
  pick(h, "dates.csv", "Title,Date\nFirst,03/04/2015\nSecond,05/06/2015\n");
  const atlas::SpreadsheetImport* im = h.ui.csv_import().current();
  REQUIRE(im->plan());
  CHECK(im->plan()->needs_day_month_choice());
  REQUIRE(h.click("Import"));  // disabled: the question is not answered
  CHECK(h.session.state.dataset.events.size() == before);
  CHECK(h.ui.csv_import().is_open());
  REQUIRE(h.click("Day first (14/07/2015)"));
  CHECK_FALSE(im->plan()->needs_day_month_choice());
  REQUIRE(h.click("Import"));
  const atlas::Event* e = find_title(h.session.state.dataset, "First");
  REQUIRE(e);
  REQUIRE(e->date);
  CHECK(atlas::edtf::format(*e->date) == "2015-04-03");
}

TEST_CASE("rows with errors: nothing is imported until they are skipped; then one undo step") {
  UiHarness h;
  h.frame();
  const size_t events = h.session.state.dataset.events.size();
  const size_t places = h.session.state.dataset.places.size();
  const uint64_t version = h.session.state.data_version;
  pick(h, "mixed.csv",
       "Title,Date,Place,Country\n"
       "Good one,2015-07-14,Nowhere Town,PH\n"
       "Bad date,31/02/2015,Elsewhere,PH\n"
       "Good two,2016-01-02,Nowhere Town,PH\n");
  const atlas::SpreadsheetImport* im = h.ui.csv_import().current();
  REQUIRE(im->error_rows() == 1);
  // Each problem says where: the row as the spreadsheet numbers it, and the column.
  bool found = false;
  for (const auto& p : im->problems())
    if (p.row == 3 && p.column == 2 && p.severity == atlas::Severity::Error) found = true;
  CHECK(found);
  REQUIRE(h.click("Import"));  // disabled while rows have errors
  CHECK(h.session.state.data_version == version);
  CHECK(h.session.state.dataset.events.size() == events);
  REQUIRE(h.click("Skip the 1 row with errors"));
  REQUIRE(h.click("Import"));
  CHECK(h.session.state.dataset.events.size() == events + 2);
  CHECK(h.session.state.dataset.places.size() == places + 1);  // Elsewhere was skipped
  CHECK_FALSE(find_title(h.session.state.dataset, "Bad date"));
  // One step: a single undo takes every event and the new place back.
  CHECK(h.session.state.history.undo_label().find("mixed.csv") != std::string::npos);
  REQUIRE(h.session.state.undo());
  CHECK(h.session.state.dataset.events.size() == events);
  CHECK(h.session.state.dataset.places.size() == places);
  REQUIRE(h.session.state.redo());
  CHECK(h.session.state.dataset.events.size() == events + 2);
}

TEST_CASE("a file that cannot be read is told with its row, and never touches the data") {
  UiHarness h;
  h.frame();
  const uint64_t version = h.session.state.data_version;
  pick(h, "binary.csv", std::string("Title,Date\nA,2015\0\x01\x02", 19));
  const atlas::SpreadsheetImport* im = h.ui.csv_import().current();
  REQUIRE(im->error());
  CHECK(im->error()->row == 2);
  REQUIRE(h.click("Import"));
  CHECK(h.session.state.data_version == version);
  REQUIRE(h.click("Cancel"));
  CHECK_FALSE(h.ui.csv_import().is_open());
  CHECK(h.session.state.data_version == version);
}

TEST_CASE("a TimelineJS file comes in through the same dialog, as one step") {
  UiHarness h;
  h.frame();
  const size_t events = h.session.state.dataset.events.size();
  const std::string title = h.session.state.dataset.title;
  pick(h, "story.json",
       R"({"title":{"text":{"headline":"Theirs"}},"events":[)"
       R"({"start_date":{"year":2014,"month":3},"text":{"headline":"Kickoff"}},)"
       R"({"start_date":{"year":"2015"},"text":{"headline":"Second"}}]})");
  CHECK(h.ui.csv_import().current()->kind() == atlas::SpreadsheetImport::Kind::TimelineJs);
  REQUIRE(h.click("Import"));
  CHECK(h.session.state.dataset.events.size() == events + 2);
  CHECK(h.session.state.dataset.title == title);  // their title slide is not our title
  REQUIRE(h.session.state.undo());
  CHECK(h.session.state.dataset.events.size() == events);
}

TEST_CASE("File > Export: a CSV table is downloaded, and an export says what it left out") {
  UiHarness h(true);
  h.frame();
  // An event with no place: GeoJSON has no point for it.
  pick(h, "placeless.csv", "Title,Date\nNowhere meeting,2015-07-14\n");
  REQUIRE(h.click("Import"));
  h.frame();
  REQUIRE(h.click("File"));
  REQUIRE(h.click("Export"));
  REQUIRE(h.click("CSV: events"));
  REQUIRE(h.host.downloads.size() == 1);
  const auto& [name, bytes] = h.host.downloads[0];
  CHECK(name.size() > 11);
  CHECK(name.substr(name.size() - 11) == "-events.csv");
  CHECK(bytes.rfind("id,kind,title,date,", 0) == 0);
  CHECK(bytes.find("Nowhere meeting") != std::string::npos);

  REQUIRE(h.click("File"));
  REQUIRE(h.click("Export"));
  REQUIRE(h.click("GeoJSON"));
  REQUIRE(h.host.downloads.size() == 2);
  CHECK(h.host.downloads[1].first.substr(h.host.downloads[1].first.size() - 8) == ".geojson");
  CHECK(h.host.downloads[1].second.find("FeatureCollection") != std::string::npos);
  REQUIRE_FALSE(h.session.notices.empty());
  CHECK(h.session.notices.back().text.find("left out: no place with coordinates") !=
        std::string::npos);
}

TEST_CASE("File > Export > CSV for Excel writes a byte order mark") {
  UiHarness h(true);
  h.frame();
  REQUIRE(h.click("File"));
  REQUIRE(h.click("Export"));
  REQUIRE(h.click("CSV for Excel (UTF-8 with BOM)"));
  REQUIRE(h.click("File"));
  REQUIRE(h.click("Export"));
  REQUIRE(h.click("CSV: places"));
  REQUIRE(h.host.downloads.size() == 1);
  CHECK(h.host.downloads[0].second.rfind("\xEF\xBB\xBFid,name,country,", 0) == 0);
}

TEST_CASE("pseudo-locale: the skip checkbox is the catalog's text, with one id in every language") {
  atlas::test::ScopedLocale pseudo("pseudo");
  UiHarness h;
  h.frame();
  const size_t events = h.session.state.dataset.events.size();
  pick(h, "mixed.csv",
       "Title,Date,Place,Country\n"
       "Good one,2015-07-14,Nowhere Town,PH\n"
       "Bad date,31/02/2015,Elsewhere,PH\n");
  h.frame(2);
  const std::string label =
      trn("Skip the {count} row with errors", "Skip the {count} rows with errors", 1);
  CHECK(label.front() == '[');
  float at[4], by_id[4];
  REQUIRE(atlas::ui::probe::find(label.c_str(), 0, at));
  REQUIRE(atlas::ui::probe::find("##skip-bad-rows", 0, by_id));
  CHECK(at[0] == by_id[0]);
  CHECK(at[1] == by_id[1]);
  REQUIRE(h.click("##skip-bad-rows"));
  REQUIRE(h.click(tr("Import")));
  CHECK(h.session.state.dataset.events.size() == events + 1);
}
