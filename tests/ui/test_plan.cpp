// test_plan.cpp — plans in the UI, driven as a user drives it, with the fake host's fixed
// clock (1 March 2026, viewed from Berlin) and the plans of tests/core/plan_fixture.hpp:
// the Inspector's status and checklist edits are each one undo step; the Plan window
// lists what comes next and its buttons select the event; the status filter hides
// cancelled events; File > Export calendar goes through the host; the checklist's hint and
// the times' sentences are the catalog's.
#include <doctest/doctest.h>

#include "../core/plan_fixture.hpp"
#include "../core/zones_fixture.hpp"
#include "ui_harness.hpp"

using atlas::test::UiHarness;

namespace {

// The plans loaded (one step: the load) and the Manila roundtable selected.
// The display is taller than the harness's: the whole event form, checklist at its end,
// fits in the Inspector without scrolling.
void load_plans(UiHarness& h, const char* select = "rt-ph-2026") {
  ImGui::GetIO().DisplaySize = ImVec2(1280, 3600);
  REQUIRE(h.session.state.load_json(atlas::test::kPlanDataset, "plans.json").empty());
  REQUIRE(h.session.state.select(select));
  h.frame(3);
}

const atlas::Event& event(UiHarness& h, const char* id = "rt-ph-2026") {
  const atlas::Event* e = h.session.state.event(id);
  REQUIRE(e);
  return *e;
}

}  // namespace

TEST_CASE("Inspector: a status picked from the list is one undo step") {
  UiHarness h;
  load_plans(h);
  const std::string before = h.session.state.export_json();
  const size_t steps = h.session.state.history.position();
  REQUIRE(h.click("##status"));
  h.frame(2);  // a popup's first frames only measure it
  REQUIRE(h.click("held"));
  CHECK(event(h).status == atlas::EventStatus::Held);
  CHECK(h.session.state.history.position() == steps + 1);
  h.key(ImGuiKey_Z, true);
  CHECK(event(h).status == atlas::EventStatus::Confirmed);
  CHECK(h.session.state.export_json() == before);
  // "unknown" takes the status away.
  REQUIRE(h.click("##status"));
  h.frame(2);  // a popup's first frames only measure it
  REQUIRE(h.click("unknown"));
  CHECK_FALSE(event(h).status);
}

TEST_CASE("Inspector: ticking, adding, moving and deleting checklist items, one step each") {
  UiHarness h;
  load_plans(h);
  const std::string before = h.session.state.export_json();
  const size_t steps = h.session.state.history.position();
  REQUIRE(event(h).checklist.size() == 4);

  // Tick "Send the invitations" (the second item).
  REQUIRE(h.click("##done", 1));
  CHECK(event(h).checklist[1].done);
  CHECK(h.session.state.history.position() == steps + 1);

  // Add one: typing is not a step, the button is.
  REQUIRE(h.click("##newitem"));
  h.type("Book the interpreters");
  CHECK(h.session.state.history.position() == steps + 1);
  REQUIRE(h.click("Add item"));
  REQUIRE(event(h).checklist.size() == 5);
  CHECK(event(h).checklist[4].text == "Book the interpreters");
  CHECK(h.session.state.history.position() == steps + 2);

  // Move the first down: the invitations come first.
  REQUIRE(h.click("Down", 0));
  CHECK(event(h).checklist[0].text == "Send the invitations");
  CHECK(event(h).checklist[1].text == "Book the venue");
  CHECK(h.session.state.history.position() == steps + 3);

  // Delete the last (the new one).
  REQUIRE(h.click("Delete", -1));
  CHECK(event(h).checklist.size() == 4);
  CHECK(h.session.state.history.position() == steps + 4);

  // Four undos take back exactly these four steps.
  for (int i = 0; i < 4; ++i) h.key(ImGuiKey_Z, true);
  CHECK(h.session.state.export_json() == before);
}

TEST_CASE("Plan window: upcoming, overdue and conflicts against the host's today") {
  UiHarness h;
  load_plans(h, "rt-cebu");
  CHECK(h.ui.today() == atlas::test::kPlanToday);
  h.ui.show_plan(true);
  h.frame(3);
  const atlas::PlanSummary& s = h.ui.plan().summary();
  REQUIRE_FALSE(s.upcoming.empty());
  CHECK(s.upcoming[0].event == "forum-manila-2026");
  REQUIRE(s.overdue.size() == 1);
  CHECK(s.overdue[0].event == "rt-ph-2026");
  CHECK_FALSE(s.conflicts.empty());

  // The overdue item's button selects its event.
  REQUIRE(h.click("Philippines Roundtable 2026##overdue0"));
  CHECK(h.session.state.selection() == "rt-ph-2026");
  h.frame(2);  // the Inspector (drawn before the Plan window) shows it from the next frame

  // Ticking it in the Inspector takes it off the Plan window.
  REQUIRE(h.click("##done", 1));
  h.frame(2);
  CHECK(h.ui.plan().summary().overdue.empty());

  // An item due soon ticked in the Plan window: one step, and it leaves the list.
  REQUIRE(h.ui.plan().summary().due_soon.size() == 1);
  const size_t steps = h.session.state.history.position();
  REQUIRE(h.click("##tick-soon0"));
  h.frame(2);
  CHECK(h.ui.plan().summary().due_soon.empty());
  CHECK(h.session.state.history.position() == steps + 1);
  CHECK(event(h).checklist[2].done);

  // N is the user's: the next 2 days leave only the forum starting on 3 March.
  h.ui.plan().options().upcoming_days = 2;
  h.frame(2);
  REQUIRE(h.ui.plan().summary().upcoming.size() == 1);
  CHECK(h.ui.plan().summary().upcoming[0].event == "forum-manila-2026");
}

TEST_CASE("Plan window: Hide cancelled filters the views") {
  UiHarness h;
  load_plans(h);
  h.ui.show_plan(true);
  h.frame(3);
  const atlas::Event* cancelled = nullptr;
  for (const auto& e : h.session.state.dataset.events)
    if (e.status == atlas::EventStatus::Cancelled) cancelled = &e;
  REQUIRE(cancelled);
  CHECK(h.session.state.event_visible(*cancelled));
  const size_t shown = h.session.state.visible_event_count();
  REQUIRE(h.click("Hide cancelled"));
  CHECK_FALSE(h.session.state.event_visible(*cancelled));
  CHECK(h.session.state.visible_event_count() == shown - 1);
  REQUIRE(h.click("Hide cancelled"));
  CHECK(h.session.state.event_visible(*cancelled));
}

TEST_CASE("File > Export calendar (.ics) downloads the calendar through the host") {
  UiHarness h;
  h.ui.set_zones(&atlas::test::test_zones());  // the platform hands them over once loaded
  load_plans(h);
  REQUIRE(h.click("File"));
  REQUIRE(h.click("Export calendar (.ics)…"));
  REQUIRE(h.host.downloads.size() == 1);
  const auto& [name, bytes] = h.host.downloads[0];
  CHECK(name.size() > 4);
  CHECK(name.substr(name.size() - 4) == ".ics");
  CHECK(bytes.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  CHECK(bytes.find("UID:rt-ph-2026@") != std::string::npos);
  CHECK(bytes.find("DTSTART;TZID=Asia/Manila:20260304T093000") != std::string::npos);
  // DTSTAMP is the host's clock, not the machine's.
  CHECK(bytes.find("DTSTAMP:20260301T120000Z") != std::string::npos);
}

TEST_CASE("Presenter: a \"What's next\" step after the overview only when there are plans") {
  UiHarness h;
  // The sample records the past: no plans, no such step.
  h.frame(2);
  for (const auto& s : h.ui.presenter().steps(h.session.state)) CHECK_FALSE(s.whats_next);
  load_plans(h);
  const auto& steps = h.ui.presenter().steps(h.session.state);
  REQUIRE(steps.size() > 2);
  CHECK(steps[0].item.empty());
  CHECK_FALSE(steps[0].whats_next);
  CHECK(steps[1].whats_next);
  CHECK(steps[1].item.empty());
  h.ui.present(true, 1);
  h.frame(3);
  CHECK(h.ui.presenter().step() == 1);
  CHECK(h.session.state.selection().empty());
  h.ui.present(false);
}

TEST_CASE("Inspector: a new date moves the event's times along, in the same step") {
  UiHarness h;
  load_plans(h);
  const size_t steps = h.session.state.history.position();
  REQUIRE(h.click("##date", 0));  // the event's date, the form's first date field
  h.key(ImGuiKey_A, true);
  // Key by key, as a user types: on the way it is a year, then a month, which would drop
  // the times if it were applied.
  for (const char* c : {"2", "0", "2", "6", "-", "0", "3", "-", "0", "5"}) h.type(c);
  REQUIRE(event(h).date);
  CHECK(atlas::edtf::format(*event(h).date) == "2026-03-05");
  REQUIRE(event(h).starts);
  CHECK(atlas::edtf::format(*event(h).starts).rfind("2026-03-05T09:30", 0) == 0);
  CHECK(h.session.state.history.position() == steps + 1);
}

TEST_CASE("pseudo-locale: the checklist's hint and the times' sentence are the catalog's") {
  atlas::test::ScopedLocale pseudo("pseudo");
  UiHarness h;
  load_plans(h);
  CHECK(h.shows(tr("A new item: what to do before the event")));
  CHECK_FALSE(h.shows("what to do before the event"));
  // No zone data (the host has not given any): the Inspector says so in a sentence.
  const std::string note =
      trf("The times cannot be shown: {why}.", {{"why", tr("the time zone data is not loaded")}});
  CHECK(note.front() == '[');
  CHECK(h.shows(note));
  CHECK_FALSE(h.shows("The times cannot be shown"));
}
