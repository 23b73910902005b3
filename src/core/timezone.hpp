// timezone.hpp — time zones from the IANA tz database: the zone asset built from Debian's
// tzdata, TZif data (RFC 8536) with its POSIX TZ footer, and conversions between UTC and
// a zone's wall clock across daylight saving changes. Pure C++, no system time zone
// functions: the same answers on the desktop and in the browser.
//
// Index
//   1. Times: UTC seconds and local seconds
//   2. Zone: one zone's local time types and transitions; UTC <-> wall clock
//   3. ZoneDb: the zone asset (every zone, loaded from bytes)
//   4. Zone names known to this build (compiled in), for validation
//
// Wall clock to UTC follows RFC 5545 (3.3.5), which the calendar export relies on: a
// wall-clock time that does not exist (skipped when the clocks go forward) is read with
// the offset from before the gap, so 02:30 on a night that jumps from 02:00 to 03:00 is
// 03:30 after it; a time that happens twice (clocks go back) is the first of the two.
// from_local says which case it was, so the UI can say so.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atlas::tz {

// ---------------------------------------------------------------------------------
// 1. Times
// ---------------------------------------------------------------------------------
// UTC seconds: since 1970-01-01T00:00:00Z, without leap seconds (as TZif counts them).
// Local seconds: a wall clock read as if it were UTC (edtf::local_seconds gives them for
// a written date-time); local = utc + offset.
constexpr int64_t kBeginningOfTime = INT64_MIN / 4;
constexpr int64_t kEndOfTime = INT64_MAX / 4;

// ---------------------------------------------------------------------------------
// 2. Zone
// ---------------------------------------------------------------------------------
struct LocalType {
  int32_t offset = 0;        // seconds east of UTC (+08:00 is 28800)
  bool dst = false;          // daylight saving time
  std::string abbreviation;  // "AEDT", "NZST", "PST", "+08" (as the tz database has it)
  bool operator==(const LocalType& o) const {
    return offset == o.offset && dst == o.dst && abbreviation == o.abbreviation;
  }
};

// A stretch of time with one local time type: [begin, end) in UTC seconds.
struct Period {
  int64_t begin = kBeginningOfTime;
  int64_t end = kEndOfTime;
  LocalType type;
};

// A change of local time type, for calendars' VTIMEZONE.
struct Transition {
  int64_t at = 0;  // UTC seconds
  LocalType before, after;
};

enum class LocalKind {
  Unique,   // the wall-clock time happens once
  Gap,      // it never happens (skipped by a change forward)
  Overlap,  // it happens twice (repeated by a change back)
};

struct Resolved {
  LocalKind kind = LocalKind::Unique;
  int64_t utc = 0;        // RFC 5545's reading: gap with the offset before it; overlap the first
  int64_t utc_later = 0;  // an overlap's second occurrence; otherwise equal to utc
  LocalType type;         // in force at utc
};

// The footer rule of a TZif file: the POSIX TZ string ("AEST-10AEDT,M10.1.0,M4.1.0/3")
// that gives local time after the last transition the file lists.
struct PosixRule {
  struct When {
    enum Form { Julian1, Julian0, MonthWeekDay } form = MonthWeekDay;  // Jn | n | Mm.w.d
    int day = 0, month = 0, week = 0, weekday = 0;
    int32_t time = 7200;  // seconds after local midnight, -167h..167h (RFC 8536 3.3.1)
  };
  LocalType standard;
  std::optional<LocalType> daylight;  // no daylight saving when absent
  When start, end;                    // daylight saving starts (in standard time), ends
                                      // (in daylight time)
};
// Parses a POSIX TZ string as RFC 8536 footers write it; nullopt with *error when wrong.
std::optional<PosixRule> parse_posix_tz(std::string_view text, std::string* error = nullptr);

class Zone {
 public:
  // A TZif file of version 2 or later (the 64-bit data; the version 1 block is skipped).
  // Never throws, never reads out of bounds; nullopt with *error for anything wrong.
  static std::optional<Zone> from_tzif(std::string_view bytes, std::string* error = nullptr);
  // A zone with one fixed offset and no transitions (tests, "UTC" without the asset).
  static Zone fixed(int32_t offset, std::string abbreviation);

  Period period_at(int64_t utc) const;
  int64_t to_local(int64_t utc) const { return utc + period_at(utc).type.offset; }
  Resolved from_local(int64_t local) const;
  // Every change of local time type with from <= at < to, in order.
  std::vector<Transition> transitions(int64_t from, int64_t to) const;
  const std::string& footer() const { return footer_; }

 private:
  std::vector<int64_t> times_;     // transition times, ascending
  std::vector<uint8_t> indices_;   // local type after each transition
  std::vector<LocalType> types_;   // types_[0] is in force before the first transition
  std::optional<PosixRule> rule_;  // after the last transition
  std::string footer_;
};

// ---------------------------------------------------------------------------------
// 3. ZoneDb
// ---------------------------------------------------------------------------------
// The zone asset: every zone of Debian's tzdata, packed at build time by
// tools/tzbuild/build_tzdata.mjs (the format is described there). The desktop embeds it;
// the web fetches it only when a dataset uses a time zone and hands the bytes here.
class ZoneDb {
 public:
  // Parses every zone at once, so a damaged asset is found here, not later.
  static std::optional<ZoneDb> load(std::string_view bytes, std::string* error = nullptr);

  // The zone of that exact name (IANA names and their aliases), or nullptr.
  const Zone* find(std::string_view name) const;
  const std::string& version() const { return version_; }  // "2025b"
  size_t size() const { return names_.size(); }

 private:
  std::string version_;
  std::vector<Zone> zones_;
  std::vector<std::pair<std::string, size_t>> names_;  // sorted by name
};

// ---------------------------------------------------------------------------------
// 4. Zone names known to this build
// ---------------------------------------------------------------------------------
// The names of Debian's tzdata at build time (Zone and Link lines of tzdata.zi), compiled
// in so the loader can check a dataset's "time_zone" without the zone asset.
bool is_zone_name(std::string_view name);
const std::vector<std::string_view>& zone_names();  // sorted
const char* tzdata_version();
// Why `name` is not a zone name, as a sentence (a close name when there is one: "Manila"
// -> "Asia/Manila", "asia/manila" -> "Asia/Manila"); "" when it is one.
std::string zone_name_problem(std::string_view name);

}  // namespace atlas::tz
