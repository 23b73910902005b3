// date_edtf.hpp — Extended Date/Time Format (ISO 8601-2, Library of Congress EDTF),
// level 0 and level 1: calendar dates, and level 0 date-times (a day with a time of day,
// optionally in UTC or at an offset from it).
//
// Index
//   1. Day numbers: proleptic Gregorian calendar <-> days since 1970-01-01
//   2. Date: one EDTF date (year, year-month, year-month-day, season) + qualifiers, or a
//      date-time
//   3. Value: a date or an interval, each end a date, open ("..") or unknown ("")
//   4. parse / format / describe / compare
//
// Why earliest/latest days: the map and timeline draw and sort by the honest range a
// value covers ("2015-07" covers all of July 2015), never by a guessed single day.
//
// Accepted syntax (and nothing else; level 2 forms are refused with a sentence saying so):
//   date      YYYY | YYYY-MM | YYYY-MM-DD          four-digit year, may be negative: -0100
//             YYYY-21..24                          season (northern hemisphere: 21 spring
//                                                  Mar-May, 22 summer Jun-Aug, 23 autumn
//                                                  Sep-Nov, 24 winter Dec to end of Feb)
//             YYYX | YYXX | YXXX | XXXX            unspecified year digits, right-aligned,
//                                                  never followed by a month
//             YYYY-XX | YYYY-XX-XX | YYYY-MM-XX    unspecified month / day
//             Y12345 | Y-12345                     more than four digits, no leading 0,
//                                                  |year| <= kMaxAbsYear, no month
//             then optionally one of ? ~ % at the very end (whole date)
//   date-time YYYY-MM-DDThh:mm:ss, then nothing (local time), Z (UTC) or an offset
//             +hh:mm / -hh:mm / +hh (EDTF level 0). Read leniently also as hh:mm (no
//             seconds): the canonical text always has seconds and a +hh:mm offset, as
//             level 0 writes them. The year is 0000..9999; no X digits, no qualifier
//             (EDTF qualifies dates, not times); hours 00-23 (no 24:00), no leap second,
//             no fraction; offsets -12:00..+14:00, and a zero offset is Z or +00:00.
//   interval  side/side, a side being a date, ".." (open) or "" (unknown); at least one
//             side is a date, and the start's earliest day is not after the end's latest.
//             Never a date-time: EDTF intervals have no time of day (level 0 excludes it
//             and level 1 does not add it), so "2026-03-04T09:00/2026-03-06T17:00" is
//             refused with a sentence that says to write the days.
// "-0000" is refused (year 0 is written 0000). "-0XXX" is a negative year whose known
// digits are all 0 (-999 to -1): X digits are stored as 0, so the sign is kept apart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/i18n.hpp"

namespace atlas::edtf {

// ---------------------------------------------------------------------------------
// 1. Day numbers
// ---------------------------------------------------------------------------------
// Astronomical year numbering (year 0 exists; -1 is 2 BC), proleptic Gregorian.
int64_t days_from_civil(int64_t year, int month, int day);
void civil_from_days(int64_t days, int64_t& year, int& month, int& day);
bool is_leap_year(int64_t year);
int days_in_month(int64_t year, int month);

// Sentinels for an open or unknown interval end.
constexpr int64_t kUnboundedPast = INT64_MIN / 4;
constexpr int64_t kUnboundedFuture = INT64_MAX / 4;

// A time zone offset as written on a date-time.
enum class Offset : uint8_t { Local, Utc, Shift };  // none ("floating"), Z, +hh:mm / -hh:mm

// Largest |year| accepted (also for 'Y'-prefixed years): keeps day numbers far
// from overflow.
constexpr int64_t kMaxAbsYear = 999999999;

// ---------------------------------------------------------------------------------
// 2. Date
// ---------------------------------------------------------------------------------
enum class Precision { Day, Month, Season, Year, Decade, Century, Millennium, Unknown };

// Small types on purpose: four dates sit in every event, and a 100,000-event dataset is
// read into memory whole (each field's range is in its comment).
struct Date {
  int64_t year = 0;                    // unspecified year digits are stored as 0
  int8_t month = 0;                    // 0 absent; 1..12 month; 21..24 season
  int8_t day = 0;                      // 0 absent
  int8_t year_unspecified_digits = 0;  // trailing 'X' digits of the year, 0..4
  int8_t year_digits = 4;              // digits written (without sign/Y), to round-trip
  bool month_unspecified = false;      // "XX" month
  bool day_unspecified = false;        // "XX" day
  bool uncertain = false;              // '?'  ('%' sets both)
  bool approximate = false;            // '~'
  bool y_prefix = false;               // written "Y170000002"
  bool negative = false;               // written with a minus: kept apart from `year` for
                                       // "-0XXX", whose stored year is 0

  // Date-times: a day (precision Day, no qualifier) with a time of day.
  bool has_time = false;
  int8_t hour = 0, minute = 0, second = 0;  // 0..23, 0..59, 0..59 (60: a leap second)
  Offset offset = Offset::Local;
  int16_t offset_minutes = 0;  // east of UTC, when offset == Shift (+08:00 is 480)

  // The earliest and latest day of a date-time are its day as written (the local date
  // at its offset), which is where the views draw it.
  Precision precision() const;
  int64_t earliest_day() const;  // first day the date could be
  int64_t latest_day() const;    // last day the date could be
};
// The day (days since 1970-01-01) into d's year, month and day.
void civil_from_days(int64_t days, Date& d);

// ---------------------------------------------------------------------------------
// 3. Value
// ---------------------------------------------------------------------------------
enum class End : uint8_t { Date, Open, Unknown };  // "2016-03/.." open; "2016-03/" unknown

struct Value {
  Date start;  // the date, when !interval
  Date end;    // intervals only
  bool interval = false;
  End start_kind = End::Date;  // intervals only
  End end_kind = End::Date;    // intervals only

  // The whole range this value may cover, in days since 1970-01-01.
  // Open/unknown ends give kUnboundedPast / kUnboundedFuture.
  int64_t earliest() const;
  int64_t latest() const;
  bool uncertain() const;    // any '?' or '%'
  bool approximate() const;  // any '~' or '%'
  bool has_time() const { return !interval && start.has_time; }
};

// A date-time's wall clock as written, in seconds since 1970-01-01T00:00:00 read as if
// it were UTC ("local seconds"); for a date without a time, its first second.
int64_t local_seconds(const Date& d);
// The instant a date-time names, in seconds since 1970-01-01T00:00:00Z, when it says
// (Z or an offset); nullopt for a local time (it needs a time zone: core/timezone.hpp).
std::optional<int64_t> utc_seconds(const Date& d);
// The day (days since 1970-01-01) that a count of seconds since 1970 falls on (rounded
// down: -1 is on 31 December 1969).
int64_t day_of_seconds(int64_t seconds);
// A date-time from local seconds and how the offset is written (the inverse of
// local_seconds for years 0000..9999).
Date date_time_from_local(int64_t local, Offset offset = Offset::Local, int offset_minutes = 0);

// ---------------------------------------------------------------------------------
// 4. API
// ---------------------------------------------------------------------------------
struct ParseResult {
  std::optional<Value> value;
  std::string error;  // when !value: what is wrong, for a non-programmer, e.g.
                      // "there is no month 13"
};

// Never throws. Accepts exactly EDTF level 0 + level 1 date and interval syntax (see the
// top of this file). Errors are short lower-case sentences without a final period and
// without the input (the caller shows it); interval errors start "start of the
// interval: " or "end of the interval: ".
ParseResult parse(std::string_view text);

// The canonical text; format(parse(s).value) == s for every valid s, except that a
// date-time read without its seconds (T09:30) or with an hour-only offset (+08) is
// written in full (T09:30:00, +08:00).
std::string format(const Value& v);

// A human sentence. The rules:
//   Years: astronomical 0 is "1 BC", -50 is "51 BC". "AD" is written before years below
//     1000 and before every AD year in a sentence that also names a year BC ("51 BC to
//     AD 50"); years from 10000 on read "year 170000002".
//   What a date names: a day "12 June 2017"; a month "May 2018"; a year "2017"; a season
//     "spring 2015", winter spanning two years "winter 2015–2016"; an AD decade "the
//     2010s"; any other run of years (centuries, millennia, decades touching BC) the
//     span 2000..2099; XXXX "an unknown year". XX month or day only widen the date:
//     "2004-XX" reads like "2004", "2004-06-XX" like "2004-06".
//   A single date: a day or a season stands as it is; a month, year, decade or unknown
//     year gets "sometime in …"; a span reads "sometime between 2000 and 2099".
//     '~' replaces that lead with "around" ("around 2016", "around 12 June 2017"; a span
//     reads "roughly between … and …"); '?' appends " (uncertain)"; '%' does both.
//   An interval end: what the date names (a span as "2000–2099"), "around " in front for
//     '~', " (uncertain)" after for '?'. Then:
//       date/date  "A to B", plus ", exact date unknown" if either end is coarser than a
//                  day: "2013 to July 2015, exact date unknown", "1 July 2015 to 3 July 2015"
//       date/..    "from A, ongoing"         date/     "from A, end unknown"
//       ../date    "until B (start open)"    /date     "until B, start unknown"
//     (an "(uncertain)" on B merges: "until 2016 (uncertain; start open)").
//   A date-time: the day, "at" and the time, seconds only when not :00, then how the
//     time is meant: "4 March 2026 at 09:30 (local time)", "… at 09:30 UTC",
//     "… at 09:30 (UTC+08:00)".
// The words are the catalog's (core/i18n: month and season names, and each sentence's
// pattern with named placeholders), in the UI's language; the exports ask for English,
// which the rest of their text is in. Days and years stay digits, a year never grouped.
enum class Language { ui, english };
// A message in `language`: the catalog's text in the UI's language, or the English key
// itself for the exports; with arguments, its named placeholders filled. describe() and
// core/event_time word their sentences with it.
struct Words {
  Language language;
  const char* operator()(const char* msgid) const {
    return language == Language::ui ? tr(msgid) : msgid;
  }
  std::string operator()(const char* msgid, const i18n::Args& args) const {
    return i18n::fill((*this)(msgid), args);
  }
};
std::string describe(const Value& v, Language language = Language::ui);

// "4 March 2026": a day (days since 1970-01-01) in words, as describe() writes a day.
std::string describe_day(int64_t day, Language language = Language::ui);
// "09:30", "09:30:15": a time of day from seconds since midnight (0..86399).
std::string clock_text(int64_t seconds_of_day);
// "UTC", "UTC+08:00", "UTC-03:30", "UTC+05:45": an offset in seconds east of UTC.
std::string utc_offset_text(int64_t offset_seconds);

// Short words for the precision ("day", "month", "season", "year", "decade",
// "century", "millennium", "unknown").
const char* precision_name(Precision p);

// Orders by earliest day, then latest day, then canonical text. <0, 0, >0.
int compare(const Value& a, const Value& b);
// The last of those: for a sort that has compared the days already (worked out once per
// item, not once per comparison).
int compare_text(const Value& a, const Value& b);

}  // namespace atlas::edtf
