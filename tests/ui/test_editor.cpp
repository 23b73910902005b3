// test_editor.cpp — the Inspector driven as a user drives it (clicks and typing through
// Dear ImGui's own input events), with no platform: coordinates come in pairs, and what
// is added "in one go" is one undo step; a new item's name is the catalog's.
#include <doctest/doctest.h>

#include "geo/gazetteer.hpp"
#include "ui_harness.hpp"

using atlas::test::UiHarness;

namespace {
// A place with no coordinates, selected.
void select_new_place(UiHarness& h) {
  atlas::Place p;
  p.id = "somewhere";
  p.name = "Somewhere";
  p.country = "PH";
  REQUIRE(h.session.state.edit(atlas::Command::add(p)));
  REQUIRE(h.session.state.select("somewhere"));
  h.frame(2);
}
}  // namespace

TEST_CASE("Inspector: a latitude typed alone waits for the longitude, never saved with 0") {
  UiHarness h;
  select_new_place(h);
  const size_t steps = h.session.state.history.position();
  REQUIRE(h.click("##latsomewhere"));
  h.type("14.6");
  h.frame(2);
  const atlas::Place* p = h.session.state.place("somewhere");
  CHECK_FALSE(p->lat);  // not 14.6, 0
  CHECK_FALSE(p->lon);
  CHECK(h.session.state.history.position() == steps);
  REQUIRE(h.click("##lonsomewhere"));  // leaving the field keeps what was typed
  h.type("121.0");
  h.frame(2);
  p = h.session.state.place("somewhere");
  REQUIRE(p->lat);
  CHECK(*p->lat == doctest::Approx(14.6));
  CHECK(*p->lon == doctest::Approx(121.0));
  CHECK(h.session.state.history.position() == steps + 1);
}

TEST_CASE("Inspector: emptying one coordinate of a placed place keeps both as they were") {
  UiHarness h;
  REQUIRE(h.session.state.select("manila"));
  h.frame(2);
  const double lat = *h.session.state.place("manila")->lat;
  REQUIRE(h.click("##lonmanila"));
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, true);  // select all, then delete
  io.AddKeyEvent(ImGuiKey_A, true);
  h.frame();
  io.AddKeyEvent(ImGuiKey_A, false);
  io.AddKeyEvent(ImGuiMod_Ctrl, false);
  h.key(ImGuiKey_Delete);
  h.frame(2);
  const atlas::Place* p = h.session.state.place("manila");
  REQUIRE(p->lat);
  REQUIRE(p->lon);
  CHECK(*p->lat == lat);
}

TEST_CASE("Inspector: the city list is asked for when a search begins; until then it says so") {
  UiHarness h;
  REQUIRE(h.session.state.select("rt-hk"));
  h.frame(2);
  CHECK_FALSE(h.ui.wants_gazetteer());  // an event's form alone downloads nothing
  REQUIRE(h.click("##newplacert-hk"));
  CHECK(h.ui.wants_gazetteer());
  h.type("Quezon");
  h.frame();
  CHECK(h.shows("Loading the offline city list…"));
  h.ui.editor().set_gazetteer_error("no network");
  h.frame();
  CHECK(h.shows("The city search is not available: no network"));
  CHECK_FALSE(h.shows("Loading the offline city list…"));
}

#ifdef ATLAS_GAZETTEER
TEST_CASE("Inspector: a city added as an event's new place is one undo step") {
  atlas::geo::Gazetteer g;
  atlas::test::load_build_gazetteer(g);
  UiHarness h;
  h.ui.editor().set_gazetteer(&g);
  REQUIRE(h.session.state.select("rt-hk"));
  h.frame(2);
  const std::string before = h.session.state.export_json();
  const size_t steps = h.session.state.history.position();
  REQUIRE(h.click("##newplacert-hk"));
  h.type("Quezon City");
  h.frame(2);
  REQUIRE(h.click("+ Quezon City, Philippines"));
  const atlas::Event* e = h.session.state.event("rt-hk");
  REQUIRE(h.session.state.place(e->place));
  CHECK(h.session.state.place(e->place)->name == "Quezon City");
  CHECK(h.session.state.history.position() == steps + 1);
  REQUIRE(h.session.state.undo());  // one undo: the event's place and the new place
  CHECK(h.session.state.export_json() == before);
}
#endif

TEST_CASE("Inspector: a new organisation created from an event's list is one undo step") {
  UiHarness h;
  REQUIRE(h.session.state.select("rt-hk"));
  h.frame(2);
  const std::string before = h.session.state.export_json();
  const size_t steps = h.session.state.history.position();
  REQUIRE(h.click("##addrt-hk/organisations"));  // the "+ Add an organisation" list
  h.frame(2);                                    // a popup's first frames only measure it
  REQUIRE(h.click("##neworg"));
  h.type("New Bank");
  REQUIRE(h.click("Create and add"));
  const atlas::Organisation* o = h.session.state.organisation("new-bank");
  REQUIRE(o);
  const atlas::Event* e = h.session.state.event("rt-hk");
  CHECK(e->organisations.back().organisation == "new-bank");
  CHECK(h.session.state.history.position() == steps + 1);
  REQUIRE(h.session.state.undo());
  CHECK(h.session.state.export_json() == before);
}

TEST_CASE("pseudo-locale: a new item's name is the catalog's, and its buttons are too") {
  atlas::test::ScopedLocale pseudo("pseudo");
  UiHarness h;
  h.frame(2);
  const atlas::AppState& s = h.session.state;
  REQUIRE(h.click(tr("+ Event")));
  REQUIRE(s.event(s.selection()));
  CHECK(s.event(s.selection())->title == tr("New event"));
  REQUIRE(h.click(tr("+ Working group")));
  REQUIRE(s.working_group(s.selection()));
  CHECK(s.working_group(s.selection())->name == tr("New working group"));
  REQUIRE(h.click(tr("+ Place")));
  REQUIRE(s.place(s.selection()));
  CHECK(s.place(s.selection())->name == tr("New place"));
  REQUIRE(h.click(tr("+ Organisation")));
  REQUIRE(s.organisation(s.selection()));
  CHECK(s.organisation(s.selection())->name == tr("New organisation"));
  // In the pseudo-locale, not English; the ids stay as they were ("event", "place"…).
  CHECK(std::string(tr("New organisation")).front() == '[');
  CHECK(s.selection().rfind("organisation", 0) == 0);
}

TEST_CASE("pseudo-locale: Data quality's findings are the catalog's sentences around the data") {
  atlas::test::ScopedLocale pseudo("pseudo");
  UiHarness h;
  h.frame(2);
  h.session.state.load_json(R"({"format": "coalition-atlas", "version": 1, "title": "T",
      "places": [{"id": "p1", "name": "Nowhere", "country": "PH"},
                 {"id": "p2", "name": "Nowhere", "country": "PH"}],
      "organisations": [{"id": "o1", "name": "Lonely", "sector": "ngo"}],
      "events": [{"id": "e0", "kind": "forum", "title": "Undated"}]})",
                            "q.json");
  REQUIRE(h.session.state.dataset.title == "T");
  h.frame(2);
  REQUIRE(h.click(tr("Edit")));
  h.frame(2);
  REQUIRE(h.click(tr("Data quality…")));
  h.frame(3);
  for (const std::string& finding : {trf("{name} is not on the map", {{"name", "Nowhere"}}),
                                     trf("{title} has no date", {{"title", "Undated"}}),
                                     trf("{title} has no place", {{"title", "Undated"}}),
                                     trf("{name} takes part in nothing", {{"name", "Lonely"}}),
                                     trf("{name} looks like {other} (use Merge into…)",
                                         {{"name", "Nowhere / PH"}, {"other", "p1"}})}) {
    CAPTURE(finding);
    CHECK(finding.front() == '[');
    CHECK(h.shows(finding));
  }
  CHECK_FALSE(h.shows("is not on the map"));
  CHECK_FALSE(h.shows("has no date"));
}
