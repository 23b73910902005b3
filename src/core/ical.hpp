// ical.hpp — the dataset's events as an iCalendar file (RFC 5545), for people's own
// calendars: File > Export calendar (.ics) and `atlas convert DATA.json -o plan.ics`.
//
// Index
//   1. Options and report
//   2. export_ical
//   3. The pieces, for tests: UID, text escaping, line folding
//
// What each event becomes (the README's "Calendar export" says the same):
//   - exact days ("2026-03-04", "2026-03-04/2026-03-06"): an all-day VEVENT,
//     DTSTART;VALUE=DATE and an exclusive DTEND;VALUE=DATE (the day after the last);
//   - with times (`starts`, and `ends` or a single day): a timed VEVENT. In the event's
//     time_zone: DTSTART;TZID=… with a VTIMEZONE built from the zone data for the years
//     the events need; with an offset and no zone: in UTC (…Z); with neither: a floating
//     time. A wall-clock time that happens twice (the night the clocks go back) is
//     written in UTC, since readers differ on which of the two a TZID time means; one
//     skipped by a change forward is written as the time it is read as (see
//     core/timezone.hpp). No `ends`: no DTEND (RFC 5545: it ends when it starts); no end
//     is invented.
//     Several days with a start but no end: all-day over the days, the start time said
//     in DESCRIPTION;
//   - a window of possible dates ("2026-05", "2013/2015-07", "2015-07/"): not exported.
//     A calendar can only show it as an all-day block over the whole window, which
//     reads as a duration, or on a guessed day: neither is true. The report lists them;
//   - no date: not exported (listed too).
// UID: "<event id>@<domain>", domain = IcalOptions::uid_domain, or by default a hash of
// the dataset's title + ".coalition-atlas": the same event gives the same UID in every
// export of the same dataset (renaming the event's id or the dataset's title makes a new
// one). DTSTAMP: the export's time (IcalOptions::now_utc). SEQUENCE: 0, plus 1 when the
// event was postponed (postponed_from), plus 1 when cancelled: the schedule changes the
// data records, so a calendar that keeps the older copy takes the newer. STATUS:
// proposed, planned, postponed -> TENTATIVE; confirmed, held -> CONFIRMED; cancelled ->
// CANCELLED; no status -> no STATUS. X-COALITION-ATLAS-STATUS and -DATE keep the exact
// status and EDTF date.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/plan.hpp"
#include "core/timezone.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Options and report
// ---------------------------------------------------------------------------------
struct IcalOptions {
  int64_t now_utc = 0;                          // DTSTAMP (UTC seconds); tests fix it
  const tz::ZoneDb* zones = nullptr;            // needed for events with times in a time_zone
  std::string uid_domain;                       // "" = from the dataset's title (see above)
  StatusFilter statuses = StatusFilter::all();  // which events to export
};

struct IcalSkip {
  std::string event;   // id
  std::string reason;  // "known only as a window of possible dates (sometime in May 2026)"
};

struct IcalReport {
  size_t exported = 0;
  std::vector<IcalSkip> windows;  // known only as a window of possible dates
  std::vector<IcalSkip> other;    // no date, a year a calendar cannot hold, no zone data
};

// ---------------------------------------------------------------------------------
// 2. export_ical
// ---------------------------------------------------------------------------------
// The whole calendar: CRLF line ends, lines folded at 75 octets. Events in file order.
std::string export_ical(const Dataset& d, const IcalOptions& options, IcalReport* report = nullptr);

// ---------------------------------------------------------------------------------
// 3. The pieces
// ---------------------------------------------------------------------------------
std::string ical_uid(const Dataset& d, const Event& e, const IcalOptions& options);
// TEXT value escaping (RFC 5545 3.3.11): \ ; , and line breaks; other control
// characters dropped.
std::string ical_escape_text(std::string_view text);
// One content line, folded (RFC 5545 3.1): at most 75 octets a line, continuation lines
// start with a space, never inside a UTF-8 character; each line ends with CRLF.
std::string ical_fold(std::string_view line);

}  // namespace atlas
