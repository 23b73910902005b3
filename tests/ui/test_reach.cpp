// test_reach.cpp — reaching everyone, with the fake host (tests/ui/ui_harness.hpp): the
// semantic mirror is published on change only, its commands work, Tab moves between
// panes, the timeline's arrows move through the items in time order, and less motion
// makes a fly-to a cut.
#include <doctest/doctest.h>

#include "app/mirror.hpp"
#include "ui_harness.hpp"

using atlas::test::UiHarness;
using namespace atlas;

TEST_CASE("the mirror is published when what is shown changes, never per frame") {
  UiHarness h;
  h.frame(3);
  REQUIRE(h.host.mirrors.size() == 1);
  CHECK(h.host.mirrors.back().active.empty());
  CHECK(h.host.mirrors.back().total > 10);
  h.frame(20);
  CHECK(h.host.mirrors.size() == 1);  // nothing changed: nothing sent
  REQUIRE(h.session.state.select("rt-hk"));
  h.frame(5);
  REQUIRE(h.host.mirrors.size() == 2);
  CHECK(h.host.mirrors.back().active == "rt-hk");
  CHECK(h.host.mirrors.back().details.find("Hong Kong Roundtable") != std::string::npos);
  // An edit changes the words (and the undo button's name).
  REQUIRE(h.session.state.edit(Command::set_field("rt-hk", "title", "HK Roundtable")));
  h.frame(2);
  REQUIRE(h.host.mirrors.size() == 3);
  bool undo = false;
  for (const MirrorCommand& c : h.host.mirrors.back().commands) undo |= c.id == "undo" && c.enabled;
  CHECK(undo);
}

TEST_CASE("the mirror's commands: present, step, undo, leave") {
  UiHarness h;
  h.frame(2);
  CHECK(h.ui.command("present"));
  h.frame(2);
  CHECK(h.ui.presenter().active());
  CHECK(h.host.mirrors.back().live.rfind("Step 1 of ", 0) == 0);
  CHECK(h.ui.command("next-step"));
  h.frame(2);
  CHECK(h.ui.presenter().step() == 1);
  CHECK(h.host.mirrors.back().live.rfind("Step 2 of ", 0) == 0);
  CHECK(h.ui.command("stop-presenting"));
  h.frame(2);
  CHECK(!h.ui.presenter().active());
  CHECK(!h.ui.command("no-such-command"));
}

TEST_CASE("Tab and Shift+Tab move between the panes; the timeline's arrows go in time order") {
  UiHarness h;
  h.frame(3);
  h.key(ImGuiKey_Tab);
  CHECK(h.ui.focused_pane() == ui::kMapPane);
  h.key(ImGuiKey_Tab);
  CHECK(h.ui.focused_pane() == ui::kTimelinePane);
  h.key(ImGuiKey_RightArrow);
  const std::vector<std::string> order = items_in_time_order(h.session.state);
  REQUIRE(order.size() > 2);
  CHECK(h.session.state.selection() == order[0]);
  h.key(ImGuiKey_RightArrow);
  CHECK(h.session.state.selection() == order[1]);
  h.key(ImGuiKey_LeftArrow);
  CHECK(h.session.state.selection() == order[0]);
  h.key(ImGuiKey_Tab);
  CHECK(h.ui.focused_pane() == ui::kListPane);
  h.key(ImGuiKey_Tab);
  CHECK(h.ui.focused_pane() == ui::kInspectorPane);
  h.key(ImGuiKey_Tab);
  CHECK(h.ui.focused_pane() == ui::kMapPane);  // round again
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Shift, true);
  h.key(ImGuiKey_Tab);
  io.AddKeyEvent(ImGuiMod_Shift, false);
  CHECK(h.ui.focused_pane() == ui::kInspectorPane);
}

TEST_CASE("the map's keys: N and P go through the markers in time order") {
  UiHarness h;
  h.frame(3);
  h.key(ImGuiKey_Tab);
  REQUIRE(h.ui.focused_pane() == ui::kMapPane);
  h.key(ImGuiKey_N);
  const std::string first = h.session.state.selection();
  REQUIRE(!first.empty());
  CHECK(h.session.state.event(first));
  h.key(ImGuiKey_N);
  const std::string second = h.session.state.selection();
  CHECK(second != first);
  h.key(ImGuiKey_P);
  CHECK(h.session.state.selection() == first);
}

TEST_CASE("less motion: a fly-to is a cut") {
  for (bool less : {false, true}) {
    UiHarness h;
    h.host.reduced_motion = less;
    h.frame(3);
    CHECK(h.ui.reduced_motion() == less);
    h.ui.map().fly_to_lonlat(114.16, 22.28, 6.0);
    h.frame(2);  // 1/30 s of a flight that takes longer
    CHECK((h.ui.map().camera().zoom == doctest::Approx(6.0)) == less);
  }
  UiHarness h;  // the setting does the same as the system's wish
  h.ui.set_reduce_motion(true);
  h.frame(3);
  h.ui.map().fly_to_lonlat(114.16, 22.28, 6.0);
  h.frame(2);
  CHECK(h.ui.map().camera().zoom == doctest::Approx(6.0));
}
