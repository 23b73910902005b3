// test_state.cpp — the app's actions: what the JS API and the UI rely on.
#include <doctest/doctest.h>

#include "app/pacer.hpp"
#include "app/state.hpp"
#include "core/dataset_json.hpp"

using namespace atlas;

TEST_CASE("the app starts from the sample and reports its counts") {
  AppState s;
  s.load_sample();
  CHECK(s.origin == "sample");
  CHECK(stats_json(s) == R"({"events":12,"organisations":13,"places":9,"working_groups":3})");
  CHECK(s.export_json() == std::string(sample_dataset_text()));
}

TEST_CASE("a failed load never replaces the data; a good one does") {
  AppState s;
  s.load_sample();
  std::string before = s.export_json();
  auto diags = s.load_json("{\"format\": \"coalition-atlas\", \"version\": 1, \"title\": 5}", "x");
  REQUIRE(has_errors(diags));
  CHECK(s.export_json() == before);
  CHECK(s.origin == "sample");
  std::string j = diagnostics_json(diags);
  CHECK(j.find(R"("pointer":"/title")") != std::string::npos);
  CHECK(j.find(R"("severity":"error")") != std::string::npos);

  diags = s.load_json(R"({"format": "coalition-atlas", "version": 1, "title": "Empty"})", "x");
  CHECK(diags.empty());
  CHECK(s.dataset.title == "Empty");
  CHECK(stats_json(s) == R"({"events":0,"organisations":0,"places":0,"working_groups":0})");
}

TEST_CASE("selection: by id, unknown ids refused, cleared when the item goes") {
  AppState s;
  s.load_sample();
  CHECK(s.select("rt-hk"));
  CHECK(s.selection() == "rt-hk");
  CHECK(!s.select("no-such-id"));
  CHECK(s.selection() == "rt-hk");
  CHECK(s.select("wg-ph"));
  CHECK(s.select("singapore"));
  s.load_json(R"({"format": "coalition-atlas", "version": 1, "title": "Empty"})", "x");
  CHECK(s.selection().empty());
  CHECK(s.select(""));
}

TEST_CASE("the index the loader made finds every kind of item, and no story; so does its own") {
  const std::string text = R"({"format": "coalition-atlas", "version": 1, "title": "T",
    "places": [{"id": "hk", "name": "Hong Kong", "country": "HK"}],
    "organisations": [{"id": "hkma", "name": "HKMA", "sector": "regulator"}],
    "events": [{"id": "rt", "kind": "roundtable", "title": "Roundtable", "place": "hk"}],
    "working_groups": [{"id": "wg", "name": "Group", "country": "HK"}],
    "stories": [{"id": "tour", "title": "Tour", "steps": [{"item": "rt"}]}]})";
  auto check = [](AppState& s) {
    CHECK(s.event("rt"));
    CHECK(s.place("hk"));
    CHECK(s.organisation("hkma"));
    CHECK(s.working_group("wg"));
    CHECK_FALSE(s.event("hk"));
    CHECK_FALSE(s.place("rt"));
    CHECK(s.select("wg"));
    CHECK_FALSE(s.select("tour"));  // a story is not an item to select
    CHECK(s.selection() == "wg");
  };
  AppState s;
  s.load_sample();
  LoadResult r = load_dataset(text);
  REQUIRE(r.ok());
  const std::shared_ptr<LoadedIds> ids = r.ids;
  REQUIRE(ids);
  s.adopt(std::move(r), "x");
  CHECK(ids->taken);  // the app keeps the loader's table rather than make its own
  check(s);
  // Undo and redo: the app makes its own index then.
  REQUIRE(s.undo());
  CHECK_FALSE(s.event("rt"));
  REQUIRE(s.redo());
  check(s);
}

TEST_CASE("syntax errors carry line and column into the JSON view") {
  AppState s;
  auto diags = s.load_json("{\n  \"format\": }", "x");
  std::string j = diagnostics_json(diags);
  CHECK(j.find(R"("line":2)") != std::string::npos);
}

TEST_CASE("rebuild pacing: cheap rebuilds at once, expensive ones spaced, new data always") {
  RebuildPacer p;
  CHECK(p.may_rebuild(0.0, false));
  p.rebuilt(0.0, 0.001);  // 1 ms: cheap
  CHECK(p.may_rebuild(0.0011, false));
  p.rebuilt(1.0, 1.2);  // 200 ms: wait min(0.5, 3 × 0.2) = 0.5 s after it ended
  CHECK(!p.may_rebuild(1.3, false));
  CHECK(!p.may_rebuild(1.69, false));
  CHECK(p.may_rebuild(1.71, false));
  CHECK(p.may_rebuild(1.21, true));  // new data is never held back
  p.rebuilt(2.0, 2.02);              // 20 ms: 60 ms would do, but at least 200 ms
  CHECK(!p.may_rebuild(2.15, false));
  CHECK(p.may_rebuild(2.23, false));
}

TEST_CASE("working groups follow the date window and the playhead, as events do") {
  AppState s;
  s.load_sample();
  REQUIRE(!s.dataset.working_groups.empty());
  const WorkingGroup& g = s.dataset.working_groups.front();
  REQUIRE(g.active);
  CHECK(s.group_visible(g));
  Filters f = s.filters();
  f.playhead_on = true;
  f.playhead = g.active->earliest() - 1;  // before the group began: not yet on the map
  s.set_filters(f);
  CHECK(!s.group_visible(g));
  f.playhead = g.active->earliest();
  s.set_filters(f);
  CHECK(s.group_visible(g));
  f.playhead_on = false;
  f.window_on = true;  // a window that ends before the group began
  f.window_first = g.active->earliest() - 400;
  f.window_last = g.active->earliest() - 1;
  s.set_filters(f);
  CHECK(!s.group_visible(g));
  f.window_last = g.active->earliest() + 10;
  s.set_filters(f);
  CHECK(s.group_visible(g));
}

TEST_CASE("the filters change only through set_filters, which bumps their version once") {
  AppState s;
  s.load_sample();
  const uint64_t before = s.filter_version;
  Filters f = s.filters();
  s.set_filters(f);  // the same: no change
  CHECK(s.filter_version == before);
  f.kinds[size_t(EventKind::Forum)] = false;
  s.set_filters(f);
  CHECK(s.filter_version == before + 1);
  CHECK_FALSE(s.filters().kinds[size_t(EventKind::Forum)]);
  CHECK(s.visible_event_count() < s.dataset.events.size());
}

TEST_CASE("the selection keeps its event index in step, and goes with its item") {
  AppState s;
  s.load_sample();
  REQUIRE(s.select("rt-hk"));
  REQUIRE(s.selected_event() >= 0);
  CHECK(s.dataset.events[size_t(s.selected_event())].id == "rt-hk");
  REQUIRE(s.edit(Command::remove("rt-hk", true)));
  CHECK(s.selection().empty());
  CHECK(s.selected_event() == -1);
  REQUIRE(s.undo());
  CHECK(s.selection().empty());  // undo brings the item back, not the selection
}

TEST_CASE("a request to fly to an item is taken once") {
  AppState s;
  s.load_sample();
  CHECK(s.take_fly_to().empty());
  s.request_fly_to("rt-hk");
  CHECK(s.take_fly_to() == "rt-hk");
  CHECK(s.take_fly_to().empty());
}

TEST_CASE("Pick on map: only a place, one undoable step, and the request ends") {
  AppState s;
  s.load_sample();
  CHECK_FALSE(s.request_pick("rt-hk"));  // an event, not a place
  CHECK_FALSE(s.request_pick("no-such-place"));
  CHECK(s.picking().empty());
  REQUIRE(s.request_pick("manila"));
  CHECK(s.picking() == "manila");
  const size_t steps = s.history.position();
  std::string error;
  REQUIRE(s.complete_pick(121.0, 14.6, &error));
  CHECK(s.picking().empty());
  CHECK(s.history.position() == steps + 1);
  CHECK(*s.place("manila")->lat == 14.6);
  CHECK(*s.place("manila")->lon == 121.0);
  CHECK_FALSE(s.complete_pick(1, 2, &error));  // nothing waits for a click now
  CHECK(!error.empty());
  REQUIRE(s.request_pick("manila"));
  CHECK(s.request_pick(""));  // cancelled
  CHECK(s.picking().empty());
}

TEST_CASE("a place waiting for a click stops waiting when it goes") {
  AppState s;
  s.load_sample();
  REQUIRE(s.request_pick("manila"));
  REQUIRE(s.edit(Command::remove("manila", true)));
  CHECK(s.picking().empty());
  REQUIRE(s.undo());
  REQUIRE(s.request_pick("manila"));
  s.load_json(R"({"format": "coalition-atlas", "version": 1, "title": "Empty"})", "x");
  CHECK(s.picking().empty());
}

TEST_CASE("adopt: what load_dataset read replaces the data only when it has no errors") {
  AppState s;
  s.load_sample(false);
  std::string before = s.export_json();
  LoadResult bad = load_dataset(R"({"format": "coalition-atlas", "version": 1})");
  REQUIRE(!bad.ok());
  std::vector<Diagnostic> said = s.adopt(bad, "bad.json");
  CHECK(said.size() == bad.diagnostics.size());
  CHECK(s.export_json() == before);
  CHECK(!s.history.can_undo());

  LoadResult good = load_dataset(R"({"format": "coalition-atlas", "version": 1, "title": "T"})");
  REQUIRE(good.ok());
  CHECK(s.adopt(std::move(good), "good.json").empty());
  CHECK(s.dataset.title == "T");
  CHECK(s.origin == "good.json");
  REQUIRE(s.undo());
  CHECK(s.export_json() == before);
}
