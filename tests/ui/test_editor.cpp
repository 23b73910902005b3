// test_editor.cpp — the Inspector driven as a user drives it (clicks and typing through
// Dear ImGui's own input events), with no platform: coordinates come in pairs, and what
// is added "in one go" is one undo step.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

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

#ifdef ATLAS_GAZETTEER
TEST_CASE("Inspector: a city added as an event's new place is one undo step") {
  std::ifstream in(ATLAS_GAZETTEER, std::ios::binary);
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
  atlas::geo::Gazetteer g;
  std::string error;
  REQUIRE_MESSAGE(atlas::geo::load_gazetteer(bytes.data(), bytes.size(), g, error), error);
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
