// test_mirror.cpp — the semantic mirror's words (app/mirror): what a screen reader hears.
#include <doctest/doctest.h>

#include "app/mirror.hpp"
#include "core/i18n.hpp"

using namespace atlas;

TEST_CASE("an event's option says its title, kind, date in words, place and status") {
  AppState s;
  s.load_sample();
  const Event* hk = s.event("rt-hk");
  REQUIRE(hk);
  CHECK(event_option_text(s, *hk) ==
        "Hong Kong Roundtable, roundtable, sometime in July 2015, Hong Kong");
  Event e = *hk;
  e.date = edtf::parse("2015-03-12").value;
  e.status = EventStatus::Held;
  e.place = "";
  CHECK(event_option_text(s, e) == "Hong Kong Roundtable, roundtable, 12 March 2015, held");
  e.date.reset();
  CHECK(event_option_text(s, e) == "Hong Kong Roundtable, roundtable, date unknown, held");
}

TEST_CASE("the mirror lists the visible items in time order and points at the selection") {
  AppState s;
  s.load_sample();
  REQUIRE(s.select("rt-hk"));
  Mirror m = build_mirror(s, {});
  CHECK(m.total == s.dataset.events.size() + s.dataset.working_groups.size());
  CHECK(m.options.size() == m.total);
  CHECK(m.active == "rt-hk");
  CHECK(m.details.rfind("Selected: Hong Kong Roundtable, roundtable, sometime in July 2015", 0) ==
        0);
  // Time order: every dated option's date is not before the one above it.
  for (size_t i = 1; i < m.options.size(); ++i) {
    auto date_of = [&](const std::string& id) -> const edtf::Value* {
      if (const Event* e = s.event(id)) return e->date ? &*e->date : nullptr;
      const WorkingGroup* g = s.working_group(id);
      return g && g->active ? &*g->active : nullptr;
    };
    const edtf::Value *a = date_of(m.options[i - 1].id), *b = date_of(m.options[i].id);
    if (a && b) CHECK(edtf::compare(*a, *b) <= 0);
    if (!a) CHECK(!b);  // undated last
  }
  // Filters: a kind switched off leaves the list.
  Filters f = s.filters();
  f.kinds[size_t(EventKind::Roundtable)] = false;
  s.set_filters(f);
  Mirror filtered = build_mirror(s, {});
  CHECK(filtered.total < m.total);
  for (const MirrorOption& o : filtered.options)
    if (const Event* e = s.event(o.id)) CHECK(e->kind != EventKind::Roundtable);
  CHECK(filtered.active.empty());  // the selection is filtered away: no active option
}

TEST_CASE("a long list is mirrored as a window around the active option") {
  AppState s;
  s.load_sample();
  Dataset d = s.dataset;
  const Event model = d.events.front();
  for (int i = 0; i < 1000; ++i) {
    Event e = model;
    e.id = "gen-" + std::to_string(i);
    e.date = edtf::parse("2030-01-01/2030-12-31").value;
    d.events.push_back(e);
  }
  REQUIRE(s.load_json(save_dataset(d), "big").empty());
  REQUIRE(s.select("gen-500"));
  Mirror m = build_mirror(s, {});
  CHECK(m.total == d.events.size() + d.working_groups.size());
  CHECK(m.options.size() == kMirrorWindow);
  bool has_active = false;
  for (const MirrorOption& o : m.options) has_active |= o.id == "gen-500";
  CHECK(has_active);
  CHECK(m.first + m.options.size() <= m.total);
}

TEST_CASE("the live text is the story step while presenting, else the newest notice") {
  AppState s;
  s.load_sample();
  MirrorContext c;
  c.notice = "Saved";
  CHECK(build_mirror(s, c).live == "Saved");
  c.presenting = true;
  c.step_text = step_announcement(s, 1, 12, "rt-hk", "Where it started.");
  CHECK(build_mirror(s, c).live ==
        "Step 2 of 12: Hong Kong Roundtable, roundtable, sometime in July 2015, Hong Kong. Where "
        "it started.");
  CHECK(step_announcement(s, 0, 12, "", "") == "Step 1 of 12: overview");
  // Presenting offers the presenter's commands; otherwise undo names what it undoes.
  bool stop = false;
  for (const MirrorCommand& m : build_mirror(s, c).commands) stop |= m.id == "stop-presenting";
  CHECK(stop);
  c.presenting = false;
  c.can_undo = true;
  c.undo_label = "Undo edit title";
  bool undo = false;
  for (const MirrorCommand& m : build_mirror(s, c).commands)
    undo |= m.id == "undo" && m.label == "Undo edit title" && m.enabled;
  CHECK(undo);
  c.read_only = true;  // a shared link: nothing to undo
  for (const MirrorCommand& m : build_mirror(s, c).commands) CHECK(m.id != "undo");
}

TEST_CASE("the keyboard moves through the items in time order") {
  AppState s;
  s.load_sample();
  const std::vector<std::string> ids = items_in_time_order(s);
  REQUIRE(ids.size() > 3);
  CHECK(neighbour_in_time_order(s, +1) == ids.front());  // nothing selected: the first
  CHECK(neighbour_in_time_order(s, -1) == ids.back());
  REQUIRE(s.select(ids[1]));
  CHECK(neighbour_in_time_order(s, +1) == ids[2]);
  CHECK(neighbour_in_time_order(s, -1) == ids[0]);
  REQUIRE(s.select(ids.back()));
  CHECK(neighbour_in_time_order(s, +1).empty());  // the end: nowhere further
  // On the map only events with coordinates count (no working groups).
  REQUIRE(s.select(""));
  for (std::string id = neighbour_in_time_order(s, +1, true); !id.empty();
       id = neighbour_in_time_order(s, +1, true)) {
    const Event* e = s.event(id);
    REQUIRE(e);
    const Place* p = s.place(e->place);
    REQUIRE(p);
    CHECK(p->lat.has_value());
    REQUIRE(s.select(id));
  }
}

TEST_CASE("the mirror's own words (its parts' names, an empty selection) go through the catalog") {
  AppState s;
  s.load_sample();
  Mirror m = build_mirror(s, {});
  CHECK(m.details == "Nothing selected.");
  CHECK(m.whole_name == "Coalition Atlas as text");
  CHECK(m.commands_name == "Commands");
  CHECK(m.details_name == "Selection");
  REQUIRE(i18n::set_locale("pseudo"));
  Mirror p = build_mirror(s, {});
  i18n::set_locale("en");
  CHECK(p.details == i18n::pseudo("Nothing selected."));
  CHECK(p.whole_name == i18n::pseudo("Coalition Atlas as text"));
  CHECK(p.commands_name == i18n::pseudo("Commands"));
  CHECK(p.details_name == i18n::pseudo("Selection"));
  CHECK(p.input_name == i18n::pseudo("Text input for Coalition Atlas"));
  CHECK_FALSE(p == m);  // a change of words is sent to the page
}
