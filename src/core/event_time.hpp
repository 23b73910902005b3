// event_time.hpp — an event's times on real clocks: `starts` and `ends` read in the
// venue's time zone, and the same instants on the viewer's clock, in words.
//
// Index
//   1. Moment: a written date-time read in a zone
//   2. An event's times, and the words the Inspector and the Plan pane show
//   3. Today on a clock
//
// How a written time is read (the README says the same):
//   - with Z or an offset ("…T09:30:00+08:00"): that instant, shown in the event's
//     time_zone when it has one, else at the offset as written;
//   - without ("…T09:30:00") and with a time_zone: the venue's wall clock, across
//     daylight saving (a time skipped or repeated by a change is read as RFC 5545 says:
//     see core/timezone.hpp), and the reading is reported so the UI can say so;
//   - without either: a "floating" time, the same wall clock wherever one is (as an
//     RFC 5545 floating time); it has no instant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date_edtf.hpp"
#include "core/model.hpp"
#include "core/timezone.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Moment
// ---------------------------------------------------------------------------------
struct Moment {
  bool fixed = false;        // an instant; false for a floating time (no zone, no offset)
  int64_t utc = 0;           // the instant (UTC seconds), when fixed
  int64_t local = 0;         // the wall clock it is shown at (local seconds)
  int32_t offset = 0;        // local - utc in seconds, when fixed
  std::string zone;          // the IANA zone of `local`; "" at a bare offset or floating
  std::string abbreviation;  // "AEDT", "PST"; "" when there is none
  tz::LocalKind reading = tz::LocalKind::Unique;  // how a wall-clock time was read in zone
  int64_t written_local = 0;  // the wall clock as written (differs from local in a gap)
};

// Reads a written date-time in `zone_name` ("" for none). nullopt, with *why (in
// `language`: English for the exports, unless the UI asks), when a zone is named but `db`
// is null or does not have it.
std::optional<Moment> read_moment(const edtf::Date& written, std::string_view zone_name,
                                  const tz::ZoneDb* db, std::string* why = nullptr,
                                  edtf::Language language = edtf::Language::english);
// The instant `utc` on the clock of `zone_name`; nullopt when db does not have it.
std::optional<Moment> moment_in_zone(int64_t utc, std::string_view zone_name, const tz::ZoneDb& db);

// ---------------------------------------------------------------------------------
// 2. An event's times
// ---------------------------------------------------------------------------------
struct EventTimes {
  std::optional<Moment> starts, ends;  // absent when the event has none, or on a problem
  std::string problem;                 // why a time could not be read ("" when fine)
};
// `problem` is in `language`: English (the exports' words) unless the UI asks for its own.
EventTimes event_times(const Event& e, const tz::ZoneDb* db,
                       edtf::Language language = edtf::Language::english);

// "4 March 2026, 09:30", "4 March 2026, 09:30–17:00", "4 March 2026, 09:00 – 6 March
// 2026, 17:00": the wall-clock part, without a zone, in the UI's language or (the
// exports) English: the caller says which.
std::string clock_range_text(const Moment& from, const std::optional<Moment>& to,
                             edtf::Language language);

struct TimeDisplay {
  // "4 March 2026, 09:30–17:00 Asia/Manila time (PST, UTC+08:00)"; empty without times.
  std::string venue;
  // "4 March 2026, 02:30–10:00 your time (Europe/Berlin, CET, UTC+01:00)"; empty when
  // the viewer's zone is unknown, shows the same clock, or the times float.
  std::string viewer;
  // A sentence when a wall-clock time was skipped or repeated by a daylight saving
  // change, or a time could not be read; else empty.
  std::string note;
};
// What the Inspector shows beside the times, and the Plan pane beside an upcoming event:
// sentences in the UI's language (the catalog's).
// `viewer_zone` is the viewer's IANA zone (the web passes Intl's resolvedOptions()
// .timeZone, the desktop its TZ); "" for unknown.
TimeDisplay describe_event_time(const Event& e, const tz::ZoneDb* db, std::string_view viewer_zone);

// Whether showing this dataset needs the zone data: an event names a time zone, or has
// times to show on the viewer's clock. The web fetches the zone asset only then.
bool needs_zone_data(const Dataset& d);

// ---------------------------------------------------------------------------------
// 3. Today on a clock
// ---------------------------------------------------------------------------------
// The day (days since 1970-01-01) that the instant `utc` falls on in `zone_name`; on UTC's
// clock when the zone is "" or not in db (db may be null).
int64_t day_in_zone(int64_t utc, std::string_view zone_name, const tz::ZoneDb* db);

}  // namespace atlas
