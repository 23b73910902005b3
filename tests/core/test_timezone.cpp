// test_timezone.cpp — the zone engine (src/core/timezone.hpp) against Debian's tzdata.
//
// Index
//   1. Helpers: the zone asset built by tools/tzbuild, ISO text <-> seconds
//   2. UTC -> local: Sydney, Auckland (both directions of their changes, and years past
//      the files' last transition, where the POSIX footer rules), Manila, UTC, New York,
//      Dublin (negative daylight saving), Nuuk (rule times below zero), Kathmandu
//   3. Local -> UTC: gaps and overlaps read as RFC 5545 says
//   4. Every zone: local and UTC agree for 70 years of instants; transitions agree with
//      periods
//   5. POSIX TZ strings
//   6. Damaged data, and the compiled-in zone names
//
// The expected values in 2 and 3 came from Python's zoneinfo (an independent reader of
// the same tzdata files): datetime(..., fold=0) is RFC 5545's reading of a local time.
#include <doctest/doctest.h>

#include "core/date_edtf.hpp"
#include "core/timezone.hpp"
#include "zones_fixture.hpp"

using namespace atlas;

namespace {

// ---------------------------------------------------------------------------------
// 1. Helpers
// ---------------------------------------------------------------------------------
const tz::ZoneDb& db() { return test::test_zones(); }

const tz::Zone& zone(const char* name) {
  const tz::Zone* z = db().find(name);
  INFO("zone ", name);
  REQUIRE(z != nullptr);
  return *z;
}

// "2025-10-04T16:00:00" -> seconds (as UTC or as local seconds: the same arithmetic).
int64_t seconds(const std::string& iso) {
  edtf::ParseResult r = edtf::parse(iso);
  REQUIRE(r.value.has_value());
  return edtf::local_seconds(r.value->start);
}

}  // namespace

TEST_CASE("the zone asset holds every zone name of the build, and names are exact") {
  CHECK(db().size() == tz::zone_names().size());
  CHECK(db().size() > 500);
  CHECK(db().version() == tz::tzdata_version());
  CHECK(db().find("Asia/Manila") != nullptr);
  CHECK(db().find("Asia/Calcutta") != nullptr);  // an alias (a Link line)
  CHECK(db().find("asia/manila") == nullptr);
  CHECK(db().find("") == nullptr);
  CHECK(db().find("Asia") == nullptr);
}

// ---------------------------------------------------------------------------------
// 2. UTC -> local
// ---------------------------------------------------------------------------------
TEST_CASE("UTC to local time, across daylight saving in both directions") {
  struct Case {
    const char* zone;
    const char* utc;
    int32_t offset;
    bool dst;
    const char* abbreviation;
  };
  const Case cases[] = {
      // Sydney: AEST -> AEDT on 5 October 2025 at 02:00; back on 5 April 2026 at 03:00.
      {"Australia/Sydney", "2025-10-04T15:59:59", 36000, false, "AEST"},
      {"Australia/Sydney", "2025-10-04T16:00:00", 39600, true, "AEDT"},
      {"Australia/Sydney", "2026-04-04T15:59:59", 39600, true, "AEDT"},
      {"Australia/Sydney", "2026-04-04T16:00:00", 36000, false, "AEST"},
      // Past the last transition the file lists (2037): the footer rule.
      {"Australia/Sydney", "2050-01-15T00:00:00", 39600, true, "AEDT"},
      {"Australia/Sydney", "2050-07-15T00:00:00", 36000, false, "AEST"},
      {"Australia/Sydney", "2045-09-30T15:59:59", 36000, false, "AEST"},
      {"Australia/Sydney", "2045-09-30T16:00:00", 39600, true, "AEDT"},
      // Auckland: NZST -> NZDT on 28 September 2025 at 02:00; back on 5 April 2026 at 03:00.
      {"Pacific/Auckland", "2025-09-27T13:59:59", 43200, false, "NZST"},
      {"Pacific/Auckland", "2025-09-27T14:00:00", 46800, true, "NZDT"},
      {"Pacific/Auckland", "2026-04-04T13:59:59", 46800, true, "NZDT"},
      {"Pacific/Auckland", "2026-04-04T14:00:00", 43200, false, "NZST"},
      {"Pacific/Auckland", "2060-12-25T00:00:00", 46800, true, "NZDT"},
      {"Pacific/Auckland", "2060-06-25T00:00:00", 43200, false, "NZST"},
      {"Asia/Manila", "2026-03-04T01:30:00", 28800, false, "PST"},
      {"Asia/Manila", "1978-03-21T00:00:00", 28800, false, "PST"},
      {"UTC", "2026-03-04T01:30:00", 0, false, "UTC"},
      {"America/New_York", "2026-03-08T06:59:59", -18000, false, "EST"},
      {"America/New_York", "2026-03-08T07:00:00", -14400, true, "EDT"},
      // Dublin: Irish Standard Time in summer, GMT marked as daylight saving in winter.
      {"Europe/Dublin", "2026-01-15T12:00:00", 0, true, "GMT"},
      {"Europe/Dublin", "2026-07-15T12:00:00", 3600, false, "IST"},
      // Nuuk's rule changes at -01:00 local time (the day before, in UTC terms).
      {"America/Nuuk", "2040-03-25T00:59:59", -7200, false, "-02"},
      {"America/Nuuk", "2040-03-25T01:00:00", -3600, true, "-01"},
      {"America/Nuuk", "2040-10-28T00:59:59", -3600, true, "-01"},
      {"America/Nuuk", "2040-10-28T01:00:00", -7200, false, "-02"},
      {"Asia/Kathmandu", "2026-01-01T00:00:00", 20700, false, "+0545"},
  };
  for (const Case& c : cases) {
    INFO(c.zone, " at ", c.utc, "Z");
    const tz::Period p = zone(c.zone).period_at(seconds(c.utc));
    CHECK(p.type.offset == c.offset);
    CHECK(p.type.dst == c.dst);
    CHECK(p.type.abbreviation == c.abbreviation);
    CHECK(p.begin <= seconds(c.utc));
    CHECK(seconds(c.utc) < p.end);
    CHECK(zone(c.zone).to_local(seconds(c.utc)) == seconds(c.utc) + c.offset);
  }
}

TEST_CASE("a period ends where the next change is, also under the footer rule") {
  const tz::Period p = zone("Australia/Sydney").period_at(seconds("2050-01-15T00:00:00"));
  // DST ends on the first Sunday of April 2050 (3 April) at 03:00 AEDT = 16:00 UTC on the 2nd.
  CHECK(p.end == seconds("2050-04-02T16:00:00"));
  // And began on the first Sunday of October 2049 (3 October) at 02:00 AEST.
  CHECK(p.begin == seconds("2049-10-02T16:00:00"));
}

// ---------------------------------------------------------------------------------
// 3. Local -> UTC
// ---------------------------------------------------------------------------------
TEST_CASE("local to UTC: gaps take the offset before them, overlaps the first time") {
  struct Case {
    const char* zone;
    const char* local;
    tz::LocalKind kind;
    const char* utc;
    const char* utc_later;
  };
  const Case cases[] = {
      {"Australia/Sydney", "2025-10-05T02:30:00", tz::LocalKind::Gap, "2025-10-04T16:30:00",
       "2025-10-04T16:30:00"},
      {"Australia/Sydney", "2026-04-05T02:30:00", tz::LocalKind::Overlap, "2026-04-04T15:30:00",
       "2026-04-04T16:30:00"},
      {"Australia/Sydney", "2026-04-05T03:00:00", tz::LocalKind::Unique, "2026-04-04T17:00:00",
       "2026-04-04T17:00:00"},
      {"Australia/Sydney", "2026-04-05T01:59:59", tz::LocalKind::Unique, "2026-04-04T14:59:59",
       "2026-04-04T14:59:59"},
      {"Australia/Sydney", "2025-10-05T01:59:59", tz::LocalKind::Unique, "2025-10-04T15:59:59",
       "2025-10-04T15:59:59"},
      {"Australia/Sydney", "2025-10-05T03:00:00", tz::LocalKind::Unique, "2025-10-04T16:00:00",
       "2025-10-04T16:00:00"},
      {"Pacific/Auckland", "2025-09-28T02:00:00", tz::LocalKind::Gap, "2025-09-27T14:00:00",
       "2025-09-27T14:00:00"},
      {"Pacific/Auckland", "2025-09-28T02:59:59", tz::LocalKind::Gap, "2025-09-27T14:59:59",
       "2025-09-27T14:59:59"},
      {"Pacific/Auckland", "2026-04-05T02:15:00", tz::LocalKind::Overlap, "2026-04-04T13:15:00",
       "2026-04-04T14:15:00"},
      {"Pacific/Auckland", "2026-04-05T03:00:00", tz::LocalKind::Unique, "2026-04-04T15:00:00",
       "2026-04-04T15:00:00"},
      {"Pacific/Auckland", "2055-09-26T02:30:00", tz::LocalKind::Gap, "2055-09-25T14:30:00",
       "2055-09-25T14:30:00"},
      {"Pacific/Auckland", "2055-04-04T02:30:00", tz::LocalKind::Overlap, "2055-04-03T13:30:00",
       "2055-04-03T14:30:00"},
      {"Asia/Manila", "2026-03-04T09:30:00", tz::LocalKind::Unique, "2026-03-04T01:30:00",
       "2026-03-04T01:30:00"},
      {"UTC", "2026-03-04T09:30:00", tz::LocalKind::Unique, "2026-03-04T09:30:00",
       "2026-03-04T09:30:00"},
      {"America/New_York", "2026-11-01T01:30:00", tz::LocalKind::Overlap, "2026-11-01T05:30:00",
       "2026-11-01T06:30:00"},
      {"America/New_York", "2026-03-08T02:30:00", tz::LocalKind::Gap, "2026-03-08T07:30:00",
       "2026-03-08T07:30:00"},
  };
  for (const Case& c : cases) {
    INFO(c.zone, " at ", c.local, " local");
    const tz::Resolved r = zone(c.zone).from_local(seconds(c.local));
    CHECK(r.kind == c.kind);
    CHECK(r.utc == seconds(c.utc));
    CHECK(r.utc_later == seconds(c.utc_later));
    CHECK(r.type == zone(c.zone).period_at(r.utc).type);
  }
}

// ---------------------------------------------------------------------------------
// 4. Every zone
// ---------------------------------------------------------------------------------
TEST_CASE("every zone: UTC -> local -> UTC comes back, 1970 to 2040") {
  size_t checked = 0, wrong = 0;
  std::string first_wrong;
  const int64_t end = seconds("2040-01-01T00:00:00");
  for (std::string_view name : tz::zone_names()) {
    const tz::Zone* z = db().find(name);
    REQUIRE(z != nullptr);
    // Every 97 hours and 13 minutes: lands on every hour of the day and every weekday.
    for (int64_t t = 0; t < end; t += 97 * 3600 + 13 * 60) {
      const tz::Resolved r = z->from_local(z->to_local(t));
      // A wall-clock time that was shown exists, and names this instant (or, when it
      // is shown twice, this is one of the two).
      if ((r.utc != t && r.utc_later != t) || r.kind == tz::LocalKind::Gap) {
        if (first_wrong.empty()) first_wrong = std::string(name) + " at " + std::to_string(t);
        ++wrong;
      }
      ++checked;
    }
  }
  INFO("first wrong: ", first_wrong);
  CHECK(wrong == 0);
  CHECK(checked > 3'000'000);
}

TEST_CASE("every zone: transitions are the places where periods change") {
  for (std::string_view name : tz::zone_names()) {
    const tz::Zone& z = *db().find(name);
    const int64_t from = seconds("2000-01-01T00:00:00"), to = seconds("2060-01-01T00:00:00");
    for (const tz::Transition& t : z.transitions(from, to)) {
      INFO(std::string(name), " at ", t.at);
      CHECK(t.at >= from);
      CHECK(t.at < to);
      CHECK(z.period_at(t.at - 1).type == t.before);
      CHECK(z.period_at(t.at).type == t.after);
      CHECK_FALSE(t.before == t.after);
    }
  }
  // Sydney changes twice a year: 2 x 60 years.
  CHECK(zone("Australia/Sydney")
            .transitions(seconds("2000-01-01T00:00:00"), seconds("2060-01-01T00:00:00"))
            .size() == 120);
  CHECK(zone("Asia/Manila")
            .transitions(seconds("2000-01-01T00:00:00"), seconds("2060-01-01T00:00:00"))
            .empty());
}

// ---------------------------------------------------------------------------------
// 5. POSIX TZ strings
// ---------------------------------------------------------------------------------
TEST_CASE("POSIX TZ strings as TZif footers write them") {
  std::optional<tz::PosixRule> r = tz::parse_posix_tz("AEST-10AEDT,M10.1.0,M4.1.0/3");
  REQUIRE(r);
  CHECK(r->standard.offset == 36000);
  CHECK(r->standard.abbreviation == "AEST");
  REQUIRE(r->daylight);
  CHECK(r->daylight->offset == 39600);  // one hour ahead by default
  CHECK(r->start.month == 10);
  CHECK(r->start.week == 1);
  CHECK(r->start.time == 7200);
  CHECK(r->end.time == 3 * 3600);

  r = tz::parse_posix_tz("<+08>-8");
  REQUIRE(r);
  CHECK(r->standard.abbreviation == "+08");
  CHECK(r->standard.offset == 8 * 3600);
  CHECK_FALSE(r->daylight);

  r = tz::parse_posix_tz("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
  REQUIRE(r);
  CHECK(r->start.time == -3600);

  r = tz::parse_posix_tz("IST-1GMT0,M10.5.0,M3.5.0/1");
  REQUIRE(r);
  CHECK(r->daylight->offset == 0);  // "daylight" behind standard: Dublin

  r = tz::parse_posix_tz("<+0545>-5:45");
  REQUIRE(r);
  CHECK(r->standard.offset == 5 * 3600 + 45 * 60);

  r = tz::parse_posix_tz("EST5EDT,J60/2,300/2");
  REQUIRE(r);
  CHECK(r->start.form == tz::PosixRule::When::Julian1);
  CHECK(r->end.form == tz::PosixRule::When::Julian0);
  CHECK(r->end.day == 300);

  std::string error;
  for (const char* bad :
       {"", "AE-10", "AEST", "AEST-10AEDT", "AEST-10AEDT,M13.1.0,M4.1.0",
        "AEST-10AEDT,M10.6.0,M4.1.0", "AEST-10AEDT,M10.1.7,M4.1.0", "AEST-10AEDT,M10.1.0", "<+08-8",
        "AEST-10AEDT,M10.1.0/200,M4.1.0", "AEST-10AEDT,J0,J365", "AEST-10 "}) {
    INFO("TZ string: \"", bad, "\"");
    error.clear();
    CHECK_FALSE(tz::parse_posix_tz(bad, &error));
    CHECK(error.find("is not valid") != std::string::npos);
  }
}

TEST_CASE("all-year daylight saving (a rule from 1 January to past 31 December)") {
  // A zone of only a footer: every instant is in daylight saving.
  const std::string tzif = [] {
    std::string h = "TZif2";
    h += std::string(15, '\0');
    auto counts = [&](uint32_t type, uint32_t chars) {
      for (uint32_t v : {0u, 0u, 0u, 0u, type, chars})
        for (int i = 3; i >= 0; --i) h += char((v >> (8 * i)) & 0xFF);
    };
    counts(1, 1);
    h += std::string(7, '\0');  // v1: one type, one NUL
    h += "TZif2" + std::string(15, '\0');
    counts(1, 4);
    h += std::string("\xFF\xFF\xC7\xC0\x01\x00", 6);  // -14400 (EDT), dst, name 0
    h += std::string("EDT\0", 4);
    h += "\nEST5EDT,0/0,J365/25\n";
    return h;
  }();
  std::string error;
  std::optional<tz::Zone> z = tz::Zone::from_tzif(tzif, &error);
  INFO(error);
  REQUIRE(z);
  for (const char* t : {"2030-01-01T00:00:00", "2030-06-01T00:00:00", "2030-12-31T23:59:59",
                        "2031-01-01T05:00:00"}) {
    INFO(t);
    CHECK(z->period_at(seconds(t)).type.offset == -4 * 3600);
    CHECK(z->period_at(seconds(t)).type.dst);
    CHECK(z->from_local(seconds(t)).kind == tz::LocalKind::Unique);
  }
}

// ---------------------------------------------------------------------------------
// 6. Damaged data, names
// ---------------------------------------------------------------------------------
TEST_CASE("damaged TZif data and assets are refused, never read out of bounds") {
  const std::string sydney = test::read_binary("/usr/share/zoneinfo/Australia/Sydney");
  REQUIRE(sydney.size() > 100);
  REQUIRE(tz::Zone::from_tzif(sydney).has_value());  // the real file, version 1 block and all
  size_t refused = 0;
  for (size_t n = 0; n < sydney.size(); n += 7) {
    std::string error;
    if (!tz::Zone::from_tzif(sydney.substr(0, n), &error)) {
      ++refused;
      CHECK(!error.empty());
    }
  }
  CHECK(refused > 0);
  std::string flipped = sydney;
  flipped[4] = '1';
  std::string error;
  CHECK_FALSE(tz::Zone::from_tzif(flipped, &error));
  CHECK(error.find("version 1") != std::string::npos);
  CHECK_FALSE(tz::Zone::from_tzif("not a zone", &error));
  CHECK(error.find("not TZif") != std::string::npos);

  const std::string asset = test::read_binary(ATLAS_TZDATA);
  for (size_t n :
       {size_t(0), size_t(3), size_t(8), size_t(20), asset.size() / 2, asset.size() - 1}) {
    INFO("cut at ", n);
    error.clear();
    CHECK_FALSE(tz::ZoneDb::load(asset.substr(0, n), &error));
    CHECK(!error.empty());
  }
  // A file count beyond the bytes is refused before anything is reserved.
  std::string huge = asset.substr(0, 4 + 4 + size_t(asset[4]));
  huge += std::string("\xFF\xFF\xFF\x7F", 4);
  CHECK_FALSE(tz::ZoneDb::load(huge, &error));
}

TEST_CASE("zone names: exact names pass, near misses get a useful sentence") {
  CHECK(tz::is_zone_name("Asia/Manila"));
  CHECK(tz::is_zone_name("Australia/Sydney"));
  CHECK(tz::is_zone_name("Pacific/Auckland"));
  CHECK(tz::is_zone_name("UTC"));
  CHECK(tz::is_zone_name("America/Argentina/Buenos_Aires"));
  CHECK_FALSE(tz::is_zone_name("asia/manila"));
  CHECK_FALSE(tz::is_zone_name(""));
  CHECK(tz::zone_name_problem("Asia/Manila").empty());
  CHECK(tz::zone_name_problem("Manila") ==
        "\"Manila\" is not a time zone name: did you mean \"Asia/Manila\"?");
  CHECK(tz::zone_name_problem("ho chi minh").find("\"Asia/Ho_Chi_Minh\"") != std::string::npos);
  CHECK(tz::zone_name_problem("ASIA/MANILA") ==
        "\"ASIA/MANILA\" is written \"Asia/Manila\" in the tz database (capitals and "
        "underscores matter)");
  CHECK(tz::zone_name_problem("+08:00").find("is an offset, not a time zone") != std::string::npos);
  CHECK(tz::zone_name_problem("UTC+8").find("is an offset") != std::string::npos);
  // Etc/GMT+8 is UTC-08:00 (POSIX signs): never suggested for GMT+8.
  CHECK(tz::zone_name_problem("GMT+8").find("Etc/GMT+8") == std::string::npos);
  CHECK(tz::zone_name_problem("Atlantis").find("is not a time zone name from the tz database") !=
        std::string::npos);
}
