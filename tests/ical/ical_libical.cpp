// ical_libical.cpp — every calendar the export makes in the tests (tests/ical/ical_samples)
// read by Debian's libical, natively: no parse errors (icalcomponent_count_errors == 0,
// after libical's own restrictions check), and each VEVENT's UID, DTSTAMP, SUMMARY and
// start as this program expects them; a timed start is converted to UTC by libical
// through the file's own VTIMEZONE and must be the instant the core computed. The same
// event keeps its UID across two exports a month apart.
//
// Prints one line per check and "N passed, M failed"; exits 1 on any failure.
#include <libical/ical.h>

#include <cstdio>
#include <map>
#include <string>

#include "../core/zones_fixture.hpp"
#include "core/date_edtf.hpp"
#include "ical_samples.hpp"

using namespace atlas;

namespace {

int passed = 0, failed = 0;

void check(bool ok, const std::string& what) {
  if (ok) {
    ++passed;
  } else {
    ++failed;
    std::printf("FAIL %s\n", what.c_str());
  }
}

std::string text_of(icaltimetype t) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute, t.second);
  return buf;
}

int64_t utc_of(icaltimetype t) {
  return edtf::days_from_civil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 +
         t.second;
}

// Checks one calendar; returns its UIDs by summary order.
std::vector<std::string> check_sample(const test::Sample& s) {
  std::vector<std::string> uids;
  icalcomponent* cal = icalparser_parse_string(s.text.c_str());
  check(cal != nullptr, s.name + ": libical parses it");
  if (!cal) return uids;
  check(icalcomponent_isa(cal) == ICAL_VCALENDAR_COMPONENT, s.name + ": a VCALENDAR");
  // Semantic checks (required properties, value types) add X-LIC-ERROR properties.
  icalrestriction_check(cal);
  const int errors = icalcomponent_count_errors(cal);
  check(errors == 0,
        s.name + ": icalcomponent_count_errors() == 0 (got " + std::to_string(errors) + ")");
  if (errors) std::printf("%s\n", icalcomponent_as_ical_string(cal));

  size_t i = 0;
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), ++i) {
    if (i >= s.events.size()) {
      check(false, s.name + ": more VEVENTs than expected");
      break;
    }
    const test::ExpectedEvent& x = s.events[i];
    const std::string where = s.name + " " + x.uid + ": ";
    const char* uid = icalcomponent_get_uid(ev);
    check(uid && x.uid == uid, where + "UID");
    uids.push_back(uid ? uid : "");
    const icaltimetype stamp = icalcomponent_get_dtstamp(ev);
    check(icaltime_is_utc(stamp) && utc_of(stamp) == s.dtstamp,
          where + "DTSTAMP in UTC, the export's time (" + text_of(stamp) + ")");
    const char* summary = icalcomponent_get_summary(ev);
    check(summary && x.summary == summary, where + "SUMMARY unfolded and unescaped");
    const icaltimetype start = icalcomponent_get_dtstart(ev);
    if (!x.start_date.empty()) {
      const icaltimetype end = icalcomponent_get_dtend(ev);
      check(start.is_date && text_of(start).substr(0, 10) == x.start_date,
            where + "all-day DTSTART " + text_of(start));
      check(end.is_date && text_of(end).substr(0, 10) == x.end_date,
            where + "exclusive DTEND " + text_of(end));
    } else if (x.start_utc) {
      // Through the VTIMEZONE in this file (or Z): libical's own conversion.
      const icaltimetype u = icaltime_convert_to_zone(start, icaltimezone_get_utc_timezone());
      check(!start.is_date && utc_of(u) == *x.start_utc,
            where + "DTSTART " + text_of(start) + " is " + text_of(u) + "Z by libical");
    } else {
      check(!start.is_date && start.zone == nullptr && text_of(start) == x.start_local,
            where + "floating DTSTART " + text_of(start));
    }
  }
  check(i == s.events.size(), s.name + ": " + std::to_string(s.events.size()) + " VEVENTs");
  icalcomponent_free(cal);
  return uids;
}

}  // namespace

int main() {
  std::map<std::string, std::vector<std::string>> uids;
  std::vector<test::Sample> samples = test::ical_samples(test::test_zones());
  for (const test::Sample& s : samples) {
    uids[s.name] = check_sample(s);
    std::printf("ok   %s: %zu events read by libical %s\n", s.name.c_str(), s.events.size(),
                ICAL_VERSION);
  }
  check(!uids["plan.ics"].empty() && uids["plan.ics"] == uids["plan-later.ics"],
        "the same events keep their UIDs across two exports");
  check(samples[0].text != samples[1].text, "the two exports differ (DTSTAMP)");
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
