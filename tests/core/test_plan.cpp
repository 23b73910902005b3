// test_plan.cpp — planning queries (src/core/plan.hpp) and event times in words
// (src/core/event_time.hpp), against a fixed "today" (1 March 2026) and the plans of
// tests/core/plan_fixture.hpp.
//
// Index
//   1. Upcoming, due and overdue
//   2. Conflicts
//   3. Order does not depend on the file's order; the status filter
//   4. Event times: the venue's clock, the viewer's, daylight saving notes
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "core/event_time.hpp"
#include "core/i18n.hpp"
#include "core/ical.hpp"
#include "core/plan.hpp"
#include "plan_fixture.hpp"
#include "zones_fixture.hpp"

using namespace atlas;

namespace {

std::vector<std::string> ids(const std::vector<Upcoming>& v) {
  std::vector<std::string> out;
  for (const auto& x : v) out.push_back(x.event);
  return out;
}

PlanOptions options() {
  PlanOptions o;
  o.today = test::kPlanToday;
  return o;
}

const tz::ZoneDb& zones() { return test::test_zones(); }

}  // namespace

// ---------------------------------------------------------------------------------
// 1. Upcoming, due and overdue
// ---------------------------------------------------------------------------------
TEST_CASE("upcoming: the next N days, by first day; cancelled, windows beyond and open ends out") {
  const Dataset d = test::load_plan_dataset();
  PlanSummary s = plan_summary(d, options());
  CHECK(ids(s.upcoming) == std::vector<std::string>{"forum-manila-2026", "rt-ph-2026", "rt-cebu",
                                                    "forum-utc", "meeting-floating"});
  CHECK(s.upcoming[0].days_until == 2);
  CHECK(s.upcoming[1].days_until == 3);
  CHECK(s.upcoming[1].first_day == edtf::days_from_civil(2026, 3, 4));
  CHECK_FALSE(s.upcoming[1].window);

  // Ten days on: the Manila forum (3-5 March) is over, Cebu is in 2 days.
  PlanOptions o = options();
  o.today = edtf::days_from_civil(2026, 3, 10);
  o.upcoming_days = 7;
  s = plan_summary(d, o);
  CHECK(ids(s.upcoming) == std::vector<std::string>{"rt-cebu"});
  // Under way today: negative days_until.
  o.today = edtf::days_from_civil(2026, 3, 5);
  o.upcoming_days = 0;
  s = plan_summary(d, o);
  CHECK(ids(s.upcoming) == std::vector<std::string>{"forum-manila-2026"});
  CHECK(s.upcoming[0].days_until == -2);
  // A window counts where it may fall: "2026-05" is upcoming from mid-April, marked.
  o.today = edtf::days_from_civil(2026, 4, 20);
  o.upcoming_days = 14;
  s = plan_summary(d, o);
  CHECK(ids(s.upcoming) == std::vector<std::string>{"rt-th-2026"});
  CHECK(s.upcoming[0].window);
  // The cancelled campaign (4 March) only when asked for.
  o = options();
  o.include_cancelled = true;
  s = plan_summary(d, o);
  const std::vector<std::string> all = ids(s.upcoming);
  CHECK(std::find(all.begin(), all.end(), "campaign-cancelled") != all.end());
}

TEST_CASE("due and overdue checklist items against today") {
  const Dataset d = test::load_plan_dataset();
  PlanSummary s = plan_summary(d, options());
  REQUIRE(s.overdue.size() == 1);
  CHECK(s.overdue[0].event == "rt-ph-2026");
  CHECK(s.overdue[0].item == 1);  // the invitations, due 25 February; the venue is done
  CHECK(s.overdue[0].days_left == -4);
  REQUIRE(s.due_soon.size() == 1);
  CHECK(s.due_soon[0].item == 2);  // registration closes on 2 March: a deadline
  CHECK(s.due_soon[0].deadline);
  CHECK(s.due_soon[0].days_left == 1);
  // "2026-03" is due by its last day: due soon from 24 March.
  PlanOptions o = options();
  o.today = edtf::days_from_civil(2026, 3, 24);
  s = plan_summary(d, o);
  CHECK(s.overdue.size() == 2);
  REQUIRE(s.due_soon.size() == 1);
  CHECK(s.due_soon[0].item == 3);
  CHECK(s.due_soon[0].days_left == 7);
  o.due_soon_days = 6;
  CHECK(plan_summary(d, o).due_soon.empty());
  // Ticking an item takes it off the list.
  Dataset ticked = d;
  ticked.events[0].checklist[1].done = true;
  CHECK(plan_summary(ticked, options()).overdue.empty());
  // A cancelled event's items are not due.
  Dataset cancelled = d;
  cancelled.events[0].status = EventStatus::Cancelled;
  s = plan_summary(cancelled, options());
  CHECK(s.overdue.empty());
  CHECK(s.due_soon.empty());
}

// ---------------------------------------------------------------------------------
// 2. Conflicts
// ---------------------------------------------------------------------------------
TEST_CASE("conflicts: same organisation or place overlapping, same country within N days") {
  const Dataset d = test::load_plan_dataset();
  PlanSummary s = plan_summary(d, options());
  REQUIRE(s.conflicts.size() == 4);
  CHECK(s.conflicts[0].kind == ConflictKind::SameOrganisation);
  CHECK(s.conflicts[0].first == "forum-manila-2026");
  CHECK(s.conflicts[0].second == "rt-ph-2026");
  CHECK(s.conflicts[0].shared == "paypal");
  CHECK(s.conflicts[0].text ==
        "'ASEAN Cyber Forum, Manila; day one to three' and 'Philippines Roundtable 2026' both "
        "involve PayPal on overlapping days");
  CHECK(s.conflicts[1].kind == ConflictKind::SamePlace);
  CHECK(s.conflicts[1].shared == "manila");
  CHECK(s.conflicts[2].kind == ConflictKind::SameCountry);
  CHECK(s.conflicts[2].first == "forum-manila-2026");
  CHECK(s.conflicts[2].second == "rt-cebu");
  CHECK(s.conflicts[2].gap_days == 7);
  CHECK(s.conflicts[2].text ==
        "'ASEAN Cyber Forum, Manila; day one to three' and 'Cebu Roundtable' are both in PH, 7 "
        "days apart");
  CHECK(s.conflicts[3].kind == ConflictKind::SameCountry);
  CHECK(s.conflicts[3].first == "rt-ph-2026");
  CHECK(s.conflicts[3].gap_days == 8);
  // The same place is not also listed as the same country; the cancelled campaign (same
  // place, same organisation, same day) is not listed at all.
  for (const Conflict& c : s.conflicts) {
    CHECK(c.first != "campaign-cancelled");
    CHECK(c.second != "campaign-cancelled");
  }
  // N = 7: only the forum and Cebu stay close enough.
  PlanOptions o = options();
  o.same_country_days = 7;
  CHECK(plan_summary(d, o).conflicts.size() == 3);
  o.same_country_days = 0;
  CHECK(plan_summary(d, o).conflicts.size() == 2);
  // Once the Manila events are past, they clash with nothing.
  o = options();
  o.today = edtf::days_from_civil(2026, 3, 6);
  CHECK(plan_summary(d, o).conflicts.empty());
}

TEST_CASE("conflicts with a window of possible dates are marked as possible") {
  Dataset d = test::load_plan_dataset();
  d.events[2].date = edtf::parse("2026-03").value;  // Cebu: sometime in March
  d.events[2].organisations.push_back({"paypal", Role::Host, "", Extra::object()});
  PlanSummary s = plan_summary(d, options());
  size_t windows = 0;
  for (const Conflict& c : s.conflicts) windows += c.window;
  CHECK(windows >= 2);
  bool org = false;
  for (const Conflict& c : s.conflicts)
    if (c.kind == ConflictKind::SameOrganisation &&
        (c.first == "rt-cebu" || c.second == "rt-cebu")) {
      org = true;
      CHECK(c.window);
      CHECK(c.text.find("one is a window of possible dates: they may not clash") !=
            std::string::npos);
    }
  CHECK(org);
}

// ---------------------------------------------------------------------------------
// 3. Order; status filter
// ---------------------------------------------------------------------------------
TEST_CASE("results do not depend on the order of the file") {
  const Dataset d = test::load_plan_dataset();
  const PlanSummary a = plan_summary(d, options());
  Dataset shuffled = d;
  std::mt19937 rng(3);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(shuffled.events.begin(), shuffled.events.end(), rng);
    const PlanSummary b = plan_summary(shuffled, options());
    CHECK(ids(b.upcoming) == ids(a.upcoming));
    REQUIRE(b.conflicts.size() == a.conflicts.size());
    for (size_t i = 0; i < a.conflicts.size(); ++i) {
      // Ties (the same days) fall back to the file's order; these have none.
      CHECK(b.conflicts[i].first == a.conflicts[i].first);
      CHECK(b.conflicts[i].second == a.conflicts[i].second);
      CHECK(b.conflicts[i].kind == a.conflicts[i].kind);
    }
    REQUIRE(b.overdue.size() == a.overdue.size());
    CHECK(b.overdue[0].event == a.overdue[0].event);
  }
}

TEST_CASE("conflicts stay bounded on a crowded calendar") {
  Dataset d;
  d.title = "crowd";
  d.places.push_back({"p", "P", "PH", std::nullopt, std::nullopt, "", "", Extra::object()});
  for (int i = 0; i < 2000; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.title = e.id;
    e.place = "p";
    e.date = edtf::parse("2026-04-01").value;
    d.events.push_back(std::move(e));
  }
  PlanSummary s = plan_summary(d, options());
  CHECK(s.conflicts.size() == kMaxConflicts);
  CHECK(s.conflicts_capped);
}

TEST_CASE("status filter: every status and unknown, hide cancelled") {
  StatusFilter f = StatusFilter::all();
  CHECK(f.shows_all());
  Event e;
  CHECK(f.shows(e));
  for (int i = 0; i < int(EventStatus::Count); ++i) CHECK(f.shows(EventStatus(i)));
  f = StatusFilter::without_cancelled();
  CHECK_FALSE(f.shows(EventStatus::Cancelled));
  CHECK(f.shows(EventStatus::Held));
  CHECK(f.shows(std::nullopt));
  f.set(std::nullopt, false);
  CHECK_FALSE(f.shows(e));
  e.status = EventStatus::Planned;
  CHECK(f.shows(e));
  f.set(EventStatus::Cancelled, true);
  f.set(std::nullopt, true);
  CHECK(f == StatusFilter::all());
  CHECK(std::string(label(EventStatus::Postponed)) == "postponed");
  CHECK(event_status_from("held") == EventStatus::Held);
  CHECK_FALSE(event_status_from("Held"));
  CHECK(allowed_event_statuses() ==
        "\"proposed\", \"planned\", \"confirmed\", \"held\", \"postponed\" or \"cancelled\"");
}

// ---------------------------------------------------------------------------------
// 4. Event times
// ---------------------------------------------------------------------------------
TEST_CASE("event times: the venue's clock, and the viewer's beside it") {
  const Dataset d = test::load_plan_dataset();
  TimeDisplay t = describe_event_time(*d.find_event("rt-ph-2026"), &zones(), "Europe/Berlin");
  CHECK(t.venue ==
        "4 March 2026, 09:30\xE2\x80\x93"
        "17:00 Asia/Manila time (PST, UTC+08:00)");
  CHECK(t.viewer ==
        "4 March 2026, 02:30\xE2\x80\x93"
        "10:00 your time (Europe/Berlin, CET, UTC+01:00)");
  CHECK(t.note.empty());
  // A viewer in Manila sees the venue's clock only.
  t = describe_event_time(*d.find_event("rt-ph-2026"), &zones(), "Asia/Manila");
  CHECK(t.viewer.empty());
  // Sydney: the forum starts the morning after daylight saving began (4 October 2026).
  t = describe_event_time(*d.find_event("forum-sydney"), &zones(), "Asia/Manila");
  CHECK(t.venue ==
        "4 October 2026, 09:00 \xE2\x80\x93 6 October 2026, 17:00 Australia/Sydney time (AEDT, "
        "UTC+11:00)");
  CHECK(t.viewer ==
        "4 October 2026, 06:00 \xE2\x80\x93 6 October 2026, 14:00 your time (Asia/Manila, PST, "
        "UTC+08:00)");
  // Auckland, 02:30 on the night the clocks go back: it happens twice; the first is meant.
  t = describe_event_time(*d.find_event("wg-nz-meeting"), &zones(), "UTC");
  CHECK(t.venue == "5 April 2026, 02:30 Pacific/Auckland time (NZDT, UTC+13:00)");
  CHECK(t.note ==
        "The start time 02:30 happens twice on 5 April 2026 in Pacific/Auckland (the clocks go "
        "back): the first is meant, NZDT.");
  CHECK(t.viewer == "4 April 2026, 13:30 your time (UTC)");
  // UTC as written, no zone; floating.
  t = describe_event_time(*d.find_event("forum-utc"), &zones(), "Asia/Manila");
  CHECK(t.venue == "20 March 2026, 08:00 (UTC)");
  CHECK(t.viewer == "20 March 2026, 16:00 your time (Asia/Manila, PST, UTC+08:00)");
  t = describe_event_time(*d.find_event("meeting-floating"), &zones(), "Asia/Manila");
  CHECK(t.venue ==
        "21 March 2026, 10:00 (local time wherever one is: no time zone or offset is given)");
  CHECK(t.viewer.empty());
  // Without the zone data: said, not guessed.
  t = describe_event_time(*d.find_event("rt-ph-2026"), nullptr, "Europe/Berlin");
  CHECK(t.venue.empty());
  CHECK(t.note == "The times cannot be shown: the time zone data is not loaded.");
  // No times: nothing to say.
  t = describe_event_time(*d.find_event("rt-cebu"), &zones(), "Europe/Berlin");
  CHECK(t.venue.empty());
  CHECK(t.note.empty());
}

TEST_CASE("event times: a time skipped by daylight saving moves forward, and says so") {
  Dataset d = test::load_plan_dataset();
  Event& e = d.events[3];  // the Sydney forum
  e.date = edtf::parse("2026-10-04").value;
  e.starts = edtf::parse("2026-10-04T02:30").value;
  e.ends.reset();
  TimeDisplay t = describe_event_time(e, &zones(), "");
  CHECK(t.venue == "4 October 2026, 03:30 Australia/Sydney time (AEDT, UTC+11:00)");
  CHECK(t.note ==
        "The start time 02:30 does not exist on 4 October 2026 in Australia/Sydney (the clocks "
        "go forward): it is read as 03:30.");
  EventTimes times = event_times(e, &zones());
  REQUIRE(times.starts);
  CHECK(times.starts->reading == tz::LocalKind::Gap);
  CHECK(times.starts->utc == edtf::days_from_civil(2026, 10, 3) * 86400 + 16 * 3600 + 30 * 60);
}

TEST_CASE("the zone data is needed only for datasets with times or zones") {
  Dataset d = test::load_plan_dataset();
  CHECK(needs_zone_data(d));
  for (Event& e : d.events) e.time_zone.clear();
  CHECK(needs_zone_data(d));  // times still shown on the viewer's clock
  for (Event& e : d.events) e.starts.reset(), e.ends.reset();
  CHECK_FALSE(needs_zone_data(d));
  d.events[3].time_zone = "Australia/Sydney";
  CHECK(needs_zone_data(d));
}

TEST_CASE("today on the viewer's clock") {
  const int64_t t = edtf::days_from_civil(2026, 3, 1) * 86400 + 20 * 3600;  // 20:00 UTC
  CHECK(day_in_zone(t, "Pacific/Auckland", &zones()) == edtf::days_from_civil(2026, 3, 2));
  CHECK(day_in_zone(t, "America/New_York", &zones()) == edtf::days_from_civil(2026, 3, 1));
  CHECK(day_in_zone(t, "", &zones()) == edtf::days_from_civil(2026, 3, 1));
  CHECK(day_in_zone(t, "Pacific/Auckland", nullptr) == edtf::days_from_civil(2026, 3, 1));
  CHECK(day_in_zone(-1, "", nullptr) == -1);
}

TEST_CASE("event times in the pseudo-locale: whole sentences from the catalog; ICS stays English") {
  REQUIRE(i18n::set_locale("pseudo"));
  struct English {
    ~English() { i18n::set_locale("en"); }
  } english;
  const Dataset d = test::load_plan_dataset();
  Event gap = d.events[3];  // the Sydney forum, at a time the clocks skip
  gap.date = edtf::parse("2026-10-04").value;
  gap.starts = edtf::parse("2026-10-04T02:30").value;
  gap.ends.reset();
  // The data's words (zone names, abbreviations) and "UTC" are the only English left.
  auto words_left = [](std::string s) {
    for (const char* data : {"Pacific/Auckland", "Australia/Sydney", "Asia/Manila", "Europe/Berlin",
                             "NZDT", "AEDT", "PST", "CET", "UTC"})
      for (size_t at; (at = s.find(data)) != std::string::npos;) s.erase(at, std::strlen(data));
    return s.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
  };
  const std::vector<TimeDisplay> shown = {
      describe_event_time(*d.find_event("rt-ph-2026"), &zones(), "Europe/Berlin"),
      describe_event_time(*d.find_event("forum-sydney"), &zones(), "Asia/Manila"),
      describe_event_time(*d.find_event("wg-nz-meeting"), &zones(), "UTC"),
      describe_event_time(*d.find_event("forum-utc"), &zones(), "Asia/Manila"),
      describe_event_time(*d.find_event("meeting-floating"), &zones(), "Asia/Manila"),
      describe_event_time(*d.find_event("rt-ph-2026"), nullptr, "Europe/Berlin"),
      describe_event_time(gap, &zones(), "")};
  int sentences = 0;
  for (const TimeDisplay& t : shown)
    for (const std::string* s : {&t.venue, &t.viewer, &t.note}) {
      if (s->empty()) continue;
      CAPTURE(*s);
      CHECK(words_left(*s) == std::string::npos);
      CHECK(s->front() == '[');
      ++sentences;
    }
  CHECK(sentences == 13);
  // Each part from the catalog, nested as the sentence nests them: the day, the clock
  // range, the zone's details.
  auto day = [](int y, int m, int dd) {
    return edtf::describe_day(edtf::days_from_civil(y, m, dd));
  };
  CHECK(shown[0].venue ==
        trf("{when} {zone} time ({detail})",
            {{"when", trf("{day}, {from}–{to}",
                          {{"day", day(2026, 3, 4)}, {"from", "09:30"}, {"to", "17:00"}})},
             {"zone", "Asia/Manila"},
             {"detail", trf("{abbreviation}, {offset}",
                            {{"abbreviation", "PST"}, {"offset", "UTC+08:00"}})}}));
  CHECK(shown[3].venue ==
        trf("{when} ({detail})",
            {{"when", trf("{day}, {time}", {{"day", day(2026, 3, 20)}, {"time", "08:00"}})},
             {"detail", "UTC"}}));
  CHECK(shown[1].viewer ==
        trf("{when} your time ({zone}, {detail})",
            {{"when",
              trf("{from} – {to}",
                  {{"from", trf("{day}, {time}", {{"day", day(2026, 10, 4)}, {"time", "06:00"}})},
                   {"to", trf("{day}, {time}", {{"day", day(2026, 10, 6)}, {"time", "14:00"}})}})},
             {"zone", "Asia/Manila"},
             {"detail", trf("{abbreviation}, {offset}",
                            {{"abbreviation", "PST"}, {"offset", "UTC+08:00"}})}}));
  // The exports' words stay English whatever the UI shows: the calendar's note, and why a
  // time cannot be read.
  EventTimes t = event_times(*d.find_event("rt-ph-2026"), &zones(), edtf::Language::english);
  REQUIRE(t.starts);
  CHECK(clock_range_text(*t.starts, t.ends, edtf::Language::english) ==
        "4 March 2026, 09:30\xE2\x80\x93"
        "17:00");
  CHECK(event_times(*d.find_event("rt-ph-2026"), nullptr).problem ==
        "the time zone data is not loaded");
  // The calendar, with the zone data and without (its report says why events are left
  // out), is the same in the pseudo-locale as in English.
  auto calendar = [&](const tz::ZoneDb* db) {
    IcalOptions o;
    o.now_utc = edtf::days_from_civil(2026, 3, 1) * 86400;
    o.zones = db;
    IcalReport report;
    std::string text = export_ical(d, o, &report);
    for (const IcalSkip& s : report.other) text += "\n" + s.reason;
    return text;
  };
  const std::string pseudo_with = calendar(&zones()), pseudo_without = calendar(nullptr);
  i18n::set_locale("en");
  CHECK(pseudo_with == calendar(&zones()));
  CHECK(pseudo_without == calendar(nullptr));
  CHECK(pseudo_without.find("the time zone data is not loaded") != std::string::npos);
}
