// test_date_edtf.cpp — EDTF level 0 + 1 (src/core/date_edtf.hpp).
//
// Index
//   1. Helpers
//   2. Day numbers: anchors, leap rules, every day from -3000 to 3000, extreme years
//   3. Parsing each syntax form (fields of the parsed Date / Value); date-times
//   4. Round trip on valid strings; invalid strings with their messages
//   5. earliest/latest for each shape; precision
//   6. describe
//   7. compare
//   8. Fuzz: random strings from the EDTF alphabet; generated strings against an oracle

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/date_edtf.hpp"

namespace edtf = atlas::edtf;
using edtf::Date;
using edtf::End;
using edtf::Precision;
using edtf::Value;

// ---------------------------------------------------------------------------------
// 1. Helpers
// ---------------------------------------------------------------------------------
namespace {

const std::string kDash = "\xE2\x80\x93";  // en dash, as describe() writes it

Value valid(const std::string& text) {
  INFO("input: \"", text, "\"");
  const edtf::ParseResult r = edtf::parse(text);
  INFO("error: ", r.error);
  REQUIRE(r.value.has_value());
  CHECK(r.error.empty());
  return *r.value;
}

std::string error_of(const std::string& text) {
  const edtf::ParseResult r = edtf::parse(text);
  INFO("input: \"", text, "\"");
  CHECK_FALSE(r.value.has_value());
  return r.error;
}

int64_t day(int64_t y, int m, int d) { return edtf::days_from_civil(y, m, d); }

}  // namespace

// ---------------------------------------------------------------------------------
// 2. Day numbers
// ---------------------------------------------------------------------------------
TEST_CASE("day numbers: known anchors") {
  CHECK(day(1970, 1, 1) == 0);
  CHECK(day(1969, 12, 31) == -1);
  CHECK(day(2000, 3, 1) == 11017);
  CHECK(day(2000, 1, 1) == 10957);
  CHECK(day(0, 3, 1) == -719468);
  CHECK(day(0, 1, 1) == -719528);
  CHECK(day(1, 1, 1) == -719162);
  CHECK(day(2038, 1, 19) == 24855);
  int64_t y = 0;
  int m = 0, d = 0;
  edtf::civil_from_days(0, y, m, d);
  CHECK((y == 1970 && m == 1 && d == 1));
  edtf::civil_from_days(-1, y, m, d);
  CHECK((y == 1969 && m == 12 && d == 31));
  edtf::civil_from_days(-719468, y, m, d);
  CHECK((y == 0 && m == 3 && d == 1));
}

TEST_CASE("day numbers: leap years and month lengths") {
  CHECK(edtf::is_leap_year(2000));
  CHECK(edtf::is_leap_year(2004));
  CHECK(edtf::is_leap_year(1600));
  CHECK(edtf::is_leap_year(0));
  CHECK(edtf::is_leap_year(-4));
  CHECK(edtf::is_leap_year(-400));
  CHECK_FALSE(edtf::is_leap_year(1900));
  CHECK_FALSE(edtf::is_leap_year(2100));
  CHECK_FALSE(edtf::is_leap_year(2015));
  CHECK_FALSE(edtf::is_leap_year(-1));
  CHECK_FALSE(edtf::is_leap_year(-100));
  CHECK_FALSE(edtf::is_leap_year(-1900));
  CHECK(edtf::days_in_month(2016, 2) == 29);
  CHECK(edtf::days_in_month(2015, 2) == 28);
  CHECK(edtf::days_in_month(1900, 2) == 28);
  CHECK(edtf::days_in_month(2000, 2) == 29);
  CHECK(edtf::days_in_month(2015, 4) == 30);
  CHECK(edtf::days_in_month(2015, 12) == 31);
  CHECK(edtf::days_in_month(2015, 0) == 0);
  CHECK(edtf::days_in_month(2015, 13) == 0);
  CHECK(day(2001, 1, 1) - day(2000, 1, 1) == 366);
  CHECK(day(1901, 1, 1) - day(1900, 1, 1) == 365);
}

TEST_CASE("day numbers: every day from -3000-01-01 to 3000-12-31 round-trips") {
  int64_t expected = day(-3000, 1, 1);
  int64_t mismatches = 0;
  int64_t count = 0;
  for (int64_t y = -3000; y <= 3000; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= edtf::days_in_month(y, m); ++d) {
        if (day(y, m, d) != expected) ++mismatches;
        int64_t y2 = 0;
        int m2 = 0, d2 = 0;
        edtf::civil_from_days(expected, y2, m2, d2);
        if (y2 != y || m2 != m || d2 != d) ++mismatches;
        ++expected;
        ++count;
      }
    }
  }
  CHECK(mismatches == 0);
  CHECK(count == 6001 * 365 + 1455);  // 1455 leap years in -3000..3000
  CHECK(expected == day(3001, 1, 1));
}

TEST_CASE("day numbers: extreme years stay exact") {
  const int64_t big = edtf::kMaxAbsYear;
  const std::vector<int64_t> years = {big + 1, big,        big - 1,  123456789, 10000,
                                      -10000,  -123456789, -big + 1, -big,      -big - 1};
  for (int64_t y : years) {
    INFO("year ", y);
    for (int m = 1; m <= 12; ++m) {
      for (int d : {1, 15, edtf::days_in_month(y, m)}) {
        int64_t y2 = 0;
        int m2 = 0, d2 = 0;
        edtf::civil_from_days(day(y, m, d), y2, m2, d2);
        CHECK((y2 == y && m2 == m && d2 == d));
      }
    }
    CHECK(day(y, 12, 31) + 1 == day(y + 1, 1, 1));
    CHECK(day(y + 1, 1, 1) - day(y, 1, 1) == (edtf::is_leap_year(y) ? 366 : 365));
    CHECK(day(y, 6, 15) - day(y - 400, 6, 15) == 146097);
  }
  // Day numbers of the extreme years are far inside the unbounded sentinels.
  CHECK(day(-big - 1, 1, 1) > edtf::kUnboundedPast);
  CHECK(day(big + 1, 12, 31) < edtf::kUnboundedFuture);
}

// ---------------------------------------------------------------------------------
// 3. Parsing each syntax form
// ---------------------------------------------------------------------------------
TEST_CASE("parse: the quick way for plain dates reads them exactly as the whole way does") {
  // parse() reads YYYY, YYYY-MM and YYYY-MM-DD at once; the start of an interval is read
  // the whole way. Every month and day around the valid ones, in leap and common years.
  auto same = [](const std::string& text) {
    CAPTURE(text);
    const auto quick = edtf::parse(text);
    const auto whole = edtf::parse(text + "/" + text);
    REQUIRE(quick.value.has_value() == whole.value.has_value());
    if (!quick.value) {
      // Refused: with the whole way's words (the interval's are about its start).
      CHECK(whole.error.find(quick.error) != std::string::npos);
      return;
    }
    const edtf::Date &a = quick.value->start, &b = whole.value->start;
    CHECK_FALSE(quick.value->interval);
    CHECK(a.year == b.year);
    CHECK(a.month == b.month);
    CHECK(a.day == b.day);
    CHECK(a.year_unspecified_digits == b.year_unspecified_digits);
    CHECK(a.year_digits == b.year_digits);
    CHECK(a.month_unspecified == b.month_unspecified);
    CHECK(a.day_unspecified == b.day_unspecified);
    CHECK(a.uncertain == b.uncertain);
    CHECK(a.approximate == b.approximate);
    CHECK(a.y_prefix == b.y_prefix);
    CHECK(a.negative == b.negative);
    CHECK(a.has_time == b.has_time);
    CHECK(a.offset == b.offset);
    CHECK(edtf::format(*quick.value) == text);
  };
  auto two = [](int n) { return std::string(1, char('0' + n / 10)) + char('0' + n % 10); };
  for (const char* year : {"0000", "0001", "0400", "1900", "1997", "2000", "2024", "9999"}) {
    same(year);
    for (int m = 0; m <= 13; ++m) {
      same(std::string(year) + "-" + two(m));
      for (int d : {0, 1, 9, 10, 28, 29, 30, 31, 32})
        same(std::string(year) + "-" + two(m) + "-" + two(d));
    }
  }
  // The quick way's lengths, but not its forms: declined, and said as the whole way says.
  for (const char* odd : {"19a7", "-997", "1997-0a", "1997_08", "1997-08_14", "1997-08-3a",
                          "1997-XX", "19XX", "1997-21", "1997-21-01"})
    same(odd);
}

TEST_CASE("parse: level 0 dates") {
  Value v = valid("1985");
  CHECK_FALSE(v.interval);
  CHECK(v.start.year == 1985);
  CHECK(v.start.month == 0);
  CHECK(v.start.day == 0);
  CHECK(v.start.year_digits == 4);
  CHECK_FALSE(v.uncertain());
  CHECK_FALSE(v.approximate());

  v = valid("1985-04");
  CHECK((v.start.year == 1985 && v.start.month == 4 && v.start.day == 0));
  v = valid("1985-04-12");
  CHECK((v.start.year == 1985 && v.start.month == 4 && v.start.day == 12));
  v = valid("0000");
  CHECK(v.start.year == 0);
  v = valid("-0100");
  CHECK(v.start.year == -100);
  v = valid("-1985");
  CHECK(v.start.year == -1985);
  v = valid("0001-01-01");
  CHECK(v.start.year == 1);
  v = valid("2016-02-29");
  CHECK(v.start.day == 29);
  v = valid("2000-02-29");
  CHECK(v.start.day == 29);
  v = valid("-0004-02-29");
  CHECK(v.start.year == -4);
}

TEST_CASE("parse: long years with Y") {
  Value v = valid("Y170000002");
  CHECK(v.start.y_prefix);
  CHECK(v.start.year == 170000002);
  CHECK(v.start.year_digits == 9);
  v = valid("Y-170000002");
  CHECK(v.start.year == -170000002);
  v = valid("Y10000");
  CHECK(v.start.year == 10000);
  CHECK(v.start.year_digits == 5);
  v = valid("Y999999999");
  CHECK(v.start.year == edtf::kMaxAbsYear);
  v = valid("Y-999999999");
  CHECK(v.start.year == -edtf::kMaxAbsYear);
  // A Y year is a date like any other: it may be qualified and end an interval.
  v = valid("Y12345~");
  CHECK(v.start.approximate);
  v = valid("Y-12345/2015");
  CHECK(v.interval);
  CHECK(v.start.year == -12345);
}

TEST_CASE("parse: seasons") {
  CHECK(valid("2015-21").start.month == 21);
  CHECK(valid("2015-22").start.month == 22);
  CHECK(valid("2015-23").start.month == 23);
  CHECK(valid("2015-24").start.month == 24);
  CHECK(valid("-0050-23").start.month == 23);
  CHECK(valid("2015-21?").start.uncertain);
  const Value v = valid("2015-24/2016-22");
  CHECK((v.start.month == 24 && v.end.month == 22));
}

TEST_CASE("parse: qualifiers apply to the whole date") {
  Value v = valid("1984?");
  CHECK((v.start.uncertain && !v.start.approximate));
  CHECK(v.uncertain());
  v = valid("2004-06~");
  CHECK((!v.start.uncertain && v.start.approximate));
  CHECK(v.approximate());
  v = valid("2004-06-11%");
  CHECK((v.start.uncertain && v.start.approximate));
  CHECK((v.uncertain() && v.approximate()));
  v = valid("201X?");
  CHECK(v.start.uncertain);
  v = valid("1984?/2004-06~");
  CHECK((v.uncertain() && v.approximate()));
  CHECK((v.start.uncertain && !v.end.uncertain && v.end.approximate));
  v = valid("../2004~");
  CHECK((!v.uncertain() && v.approximate()));
}

TEST_CASE("parse: unspecified digits from the right") {
  Value v = valid("201X");
  CHECK((v.start.year == 2010 && v.start.year_unspecified_digits == 1));
  v = valid("20XX");
  CHECK((v.start.year == 2000 && v.start.year_unspecified_digits == 2));
  v = valid("1XXX");
  CHECK((v.start.year == 1000 && v.start.year_unspecified_digits == 3));
  v = valid("XXXX");
  CHECK((v.start.year == 0 && v.start.year_unspecified_digits == 4));
  v = valid("-19XX");
  CHECK((v.start.year == -1900 && v.start.year_unspecified_digits == 2));
  v = valid("2004-XX");
  CHECK((v.start.month_unspecified && v.start.month == 0));
  v = valid("1985-04-XX");
  CHECK((v.start.month == 4 && v.start.day_unspecified && v.start.day == 0));
  v = valid("1985-XX-XX");
  CHECK((v.start.month_unspecified && v.start.day_unspecified));
}

TEST_CASE("parse: intervals") {
  Value v = valid("1964/2008");
  CHECK(v.interval);
  CHECK((v.start_kind == End::Date && v.end_kind == End::Date));
  CHECK((v.start.year == 1964 && v.end.year == 2008));
  v = valid("1985-04-12/..");
  CHECK((v.start_kind == End::Date && v.end_kind == End::Open));
  v = valid("../1985-04-12");
  CHECK((v.start_kind == End::Open && v.end_kind == End::Date));
  v = valid("1985-04-12/");
  CHECK((v.start_kind == End::Date && v.end_kind == End::Unknown));
  v = valid("/1985-04-12");
  CHECK((v.start_kind == End::Unknown && v.end_kind == End::Date));
  v = valid("2015/2015");
  CHECK(v.interval);
  valid("2015-07/2015");        // starts inside the end's range
  valid("2016-02/2015-24");     // winter 2015 runs to the end of February 2016
  valid("2015-07-31/2015-07");  // same month
  valid("201X/2015");
  valid("-0050/0050");
}

// ---------------------------------------------------------------------------------
// 4. Round trip; invalid strings
// ---------------------------------------------------------------------------------
TEST_CASE("parse: level 0 date-times") {
  Value v = valid("2026-03-04T09:30:15");
  CHECK_FALSE(v.interval);
  CHECK(v.has_time());
  CHECK(v.start.year == 2026);
  CHECK(v.start.month == 3);
  CHECK(v.start.day == 4);
  CHECK(v.start.hour == 9);
  CHECK(v.start.minute == 30);
  CHECK(v.start.second == 15);
  CHECK(v.start.offset == edtf::Offset::Local);
  CHECK(v.start.precision() == Precision::Day);
  // The earliest and latest day are the day as written: the views draw it there.
  CHECK(v.earliest() == day(2026, 3, 4));
  CHECK(v.latest() == day(2026, 3, 4));

  v = valid("2026-03-04T09:30Z");
  CHECK(v.start.offset == edtf::Offset::Utc);
  CHECK(v.start.second == 0);
  CHECK(edtf::utc_seconds(v.start) == day(2026, 3, 4) * 86400 + 9 * 3600 + 30 * 60);

  v = valid("2026-03-04T09:30+08:00");
  CHECK(v.start.offset == edtf::Offset::Shift);
  CHECK(v.start.offset_minutes == 480);
  CHECK(edtf::utc_seconds(v.start) == day(2026, 3, 4) * 86400 + 1 * 3600 + 30 * 60);
  CHECK(edtf::local_seconds(v.start) == day(2026, 3, 4) * 86400 + 9 * 3600 + 30 * 60);

  v = valid("2026-03-04T00:15-03:30");
  CHECK(v.start.offset_minutes == -210);
  // 00:15 at UTC-03:30 is 03:45 UTC the same day.
  CHECK(edtf::utc_seconds(v.start) == day(2026, 3, 4) * 86400 + 3 * 3600 + 45 * 60);
  v = valid("2026-03-04T23:59:59+14:00");
  CHECK(edtf::utc_seconds(v.start) == day(2026, 3, 4) * 86400 + 9 * 3600 + 59 * 60 + 59);
  CHECK(valid("2026-03-04T10:00-12:00").start.offset_minutes == -720);
  CHECK(valid("2026-03-04T10:00+05:45").start.offset_minutes == 345);
  CHECK(valid("2026-03-04T10:00+00:00").start.offset_minutes == 0);

  // A local time has no instant until a time zone is given.
  CHECK_FALSE(edtf::utc_seconds(valid("2026-03-04T09:30").start).has_value());
  CHECK_FALSE(edtf::utc_seconds(valid("2026-03-04").start).has_value());
  CHECK(edtf::local_seconds(valid("2026-03-04").start) == day(2026, 3, 4) * 86400);

  // Leap day, first and last second of a day, year 0000.
  CHECK(valid("2024-02-29T12:00").start.day == 29);
  CHECK(valid("2026-12-31T23:59:59").start.second == 59);
  CHECK(valid("0000-01-01T00:00:00").start.year == 0);
  error_of("2025-02-29T12:00");  // not a leap year: the day is checked before the time
}

TEST_CASE("date-times: canonical text has seconds and a full offset; it round-trips") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2026-03-04T09:30", "2026-03-04T09:30:00"},
      {"2026-03-04T09:30:00", "2026-03-04T09:30:00"},
      {"2026-03-04T09:30Z", "2026-03-04T09:30:00Z"},
      {"2026-03-04T09:30:05Z", "2026-03-04T09:30:05Z"},
      {"2026-03-04T09:30+08", "2026-03-04T09:30:00+08:00"},
      {"2026-03-04T09:30+08:00", "2026-03-04T09:30:00+08:00"},
      {"2026-03-04T09:30:00-03:30", "2026-03-04T09:30:00-03:30"},
      {"2026-03-04T09:30+00:00", "2026-03-04T09:30:00+00:00"},
  };
  for (const auto& [in, canonical] : cases) {
    INFO("input: ", in);
    const std::string out = edtf::format(valid(in));
    CHECK(out == canonical);
    CHECK(edtf::format(valid(out)) == out);
  }
}

TEST_CASE("date-times: built from local seconds") {
  const int64_t t = day(2026, 10, 4) * 86400 + 2 * 3600 + 30 * 60 + 7;
  const Date d = edtf::date_time_from_local(t, edtf::Offset::Shift, 660);
  CHECK(d.has_time);
  CHECK(edtf::local_seconds(d) == t);
  Value v;
  v.start = d;
  CHECK(edtf::format(v) == "2026-10-04T02:30:07+11:00");
  const Date before_1970 = edtf::date_time_from_local(-1, edtf::Offset::Local);
  Value w;
  w.start = before_1970;
  CHECK(edtf::format(w) == "1969-12-31T23:59:59");
}

TEST_CASE("format round-trips every valid string") {
  const std::vector<std::string> inputs = {"1985",
                                           "1985-04",
                                           "1985-04-12",
                                           "0000",
                                           "0001",
                                           "9999",
                                           "-0001",
                                           "-0100",
                                           "-1985",
                                           "-9999",
                                           "-1985-04-12",
                                           "2016-02-29",
                                           "2000-02-29",
                                           "1999-12-31",
                                           "0000-02-29",
                                           "Y10000",
                                           "Y170000002",
                                           "Y-170000002",
                                           "Y999999999",
                                           "Y-999999999",
                                           "Y12345?",
                                           "2015-21",
                                           "2015-22",
                                           "2015-23",
                                           "2015-24",
                                           "-0050-24",
                                           "0000-24",
                                           "1984?",
                                           "1984~",
                                           "1984%",
                                           "2004-06?",
                                           "2004-06~",
                                           "2004-06%",
                                           "2004-06-11?",
                                           "2004-06-11~",
                                           "2004-06-11%",
                                           "2015-21~",
                                           "201X",
                                           "20XX",
                                           "1XXX",
                                           "XXXX",
                                           "000X",
                                           "00XX",
                                           "0XXX",
                                           "-201X",
                                           "-19XX",
                                           "-1XXX",
                                           "-001X",
                                           "-0XXX",
                                           "-00XX",
                                           "-000X",
                                           "-XXXX",
                                           "201X?",
                                           "20XX~",
                                           "XXXX%",
                                           "2004-XX",
                                           "2004-XX-XX",
                                           "1985-04-XX",
                                           "2004-XX?",
                                           "1985-04-XX~",
                                           "1964/2008",
                                           "2004-06/2006-08",
                                           "2004-02-01/2005-02-08",
                                           "2004-02-01/2005-02",
                                           "2004-02-01/2005",
                                           "2005/2006-02",
                                           "1985-04-12/..",
                                           "1985-04/..",
                                           "1985/..",
                                           "../1985-04-12",
                                           "../1985-04",
                                           "../1985",
                                           "1985-04-12/",
                                           "1985-04/",
                                           "1985/",
                                           "/1985-04-12",
                                           "/1985-04",
                                           "/1985",
                                           "1984?/2004?",
                                           "1984~/2004~",
                                           "1984%/2004%",
                                           "1984-06?/2004-08?",
                                           "1984?/2004-06~",
                                           "2015-21/2015-23",
                                           "2015-24/2016-21",
                                           "201X/2020",
                                           "19XX/20XX",
                                           "2004-XX/2005",
                                           "../2016%",
                                           "2016-03~/..",
                                           "Y-170000002/Y170000002",
                                           "-0050/0050",
                                           "2015/2015",
                                           "2015-07/2015",
                                           "XXXX/2015",
                                           "2013/2015-07",
                                           "2015-07-01/2015-07-03"};
  for (const std::string& s : inputs) {
    INFO("input: \"", s, "\"");
    const Value v = valid(s);
    CHECK(edtf::format(v) == s);
    // The formatted text parses to the same value.
    CHECK(edtf::compare(v, valid(edtf::format(v))) == 0);
  }
}

TEST_CASE("invalid strings explain what is wrong") {
  struct Case {
    const char* text;
    const char* message;  // a substring of the error
  };
  const std::vector<Case> cases = {
      {"", "empty date"},
      {"2015-13", "there is no month 13"},
      {"2015-00", "there is no month 00"},
      {"2015-20", "there is no month 20"},
      {"2015-25", "EDTF level 2"},
      {"2015-41", "season 41 is EDTF level 2"},
      {"2015-42", "there is no month or season 42"},
      {"2015-99", "there is no month or season 99"},
      {"2015-02-30", "there is no 30 February 2015"},
      {"2016-02-30", "there is no 30 February 2016"},
      {"2015-02-29", "2015 is not a leap year, so there is no 29 February"},
      {"1900-02-29", "1900 is not a leap year, so there is no 29 February"},
      {"2100-02-29", "2100 is not a leap year"},
      {"-0001-02-29", "-0001 is not a leap year"},
      {"2015-04-31", "there is no 31 April 2015"},
      {"2015-06-31", "there is no 31 June 2015: June has 30 days"},
      {"2015-01-32", "there is no day 32 in any month"},
      {"2015-01-99", "there is no day 99 in any month"},
      {"2015-01-00", "there is no day 00"},
      {"201", "expected a year of four digits at the start"},
      {"20", "expected a year of four digits at the start"},
      {"2", "expected a year of four digits at the start"},
      {"-", "expected a year of four digits at the start"},
      {"-201", "expected a year of four digits at the start"},
      {"--2015", "expected a year of four digits at the start"},
      {"+2015", "expected a year of four digits at the start"},
      {"abcd", "expected a year of four digits at the start"},
      {"X", "expected a year of four digits at the start"},
      {"XXX", "expected a year of four digits at the start"},
      {"20XXX", "expected a year of four digits at the start"},
      {"201-05", "expected a year of four digits at the start"},
      {"20155", "written with a Y in front"},
      {"-20155", "written with a Y in front"},
      {"20150701", "write the date with dashes"},
      {"2015-7", "the month must have two digits"},
      {"2015-007", "the month must have two digits"},
      {"2015-0701", "the month must have two digits"},
      {"2015-07-1", "the day must have two digits"},
      {"2015-07-001", "the day must have two digits"},
      {"2015-", "expected a two-digit month after the year"},
      {"2015--07", "expected a two-digit month after the year"},
      {"2015-07-", "expected a two-digit day after the month"},
      {"2015-07-xx", "expected a two-digit day after the month"},
      {"Y", "expected the digits of the year after Y"},
      {"Y-", "expected the digits of the year after Y"},
      {"Y1234", "a year written with Y must have more than four digits"},
      {"Y12", "a year written with Y must have more than four digits"},
      {"Y-1234", "a year written with Y must have more than four digits"},
      {"Y01234", "a year written with Y must not start with 0"},
      {"Y-012345", "must not start with 0"},
      {"Y1000000000", "year too large"},
      {"Y-1000000000", "year too large"},
      {"Y99999999999999999999999999", "year too large"},
      {"Y12345-01", "a year written with Y cannot have a month or a day"},
      {"Y12345X", "a year written with Y cannot have X digits"},
      {"Y17E7", "EDTF level 2"},
      {"Y171010000S3", "EDTF level 2"},
      {"-Y12345", "minus after the Y"},
      {"-0000", "there is no year -0000"},
      {"-0000-01-01", "there is no year -0000"},
      {"2004?-06", "qualifying one part of a date (like 1984?-06) is EDTF level 2"},
      {"2004-06?-11", "is EDTF level 2"},
      {"2004-?06", "is EDTF level 2"},
      {"2004-06-?11", "is EDTF level 2"},
      {"?2004", "at the end of the date"},
      {"~2004-06", "at the end of the date"},
      {"2004?~", "use a single qualifier"},
      {"2004??", "use a single qualifier"},
      {"2004%?", "use a single qualifier"},
      {"201X-05", "a month after a year with X digits is EDTF level 2"},
      {"201X-XX", "a month after a year with X digits is EDTF level 2"},
      {"XXXX-12-XX", "a month after a year with X digits is EDTF level 2"},
      {"20XX-21", "a month after a year with X digits is EDTF level 2"},
      {"1X99", "X digits may only end the year"},
      {"X999", "X digits may only end the year"},
      {"19X5", "X digits may only end the year"},
      {"2004-1X", "a month partly written with X"},
      {"2004-X1", "a month partly written with X"},
      {"2004-06-1X", "a day partly written with X"},
      {"2004-06-X1", "a day partly written with X"},
      {"2004-XX-05", "a known day in an unknown month (XX) is EDTF level 2"},
      {"2004-21-05", "a season cannot have a day"},
      {"2004-21-XX", "a season cannot have a day"},
      {"2004-06-11T", "expected a time after the T, like T09:30"},
      {"2004-06-11Tx", "expected a time after the T"},
      {"2004-06-11T9:30", "the hour has two digits, like T09:30"},
      {"2004-06-11T10", "a time needs hours and minutes, like T09:30"},
      {"2004-06-11T1000", "write the time with colons, like T09:30:00"},
      {"2004-06-11T10:5", "the minutes have two digits"},
      {"2004-06-11T10:05:1", "the seconds have two digits"},
      {"2004-06-11T10:00:00.5", "fractions of a second are not used in EDTF"},
      {"2004-06-11T24:00", "there is no 24:00 in EDTF"},
      {"2004-06-11T25:00", "there is no hour 25 (hours are 00 to 23)"},
      {"2004-06-11T10:60", "there is no minute 60 (minutes are 00 to 59)"},
      {"2004-06-11T10:00:60", "leap seconds (:60) are not used"},
      {"2004-06-11T10:00:61", "there is no second 61"},
      {"2004-06-11T10:00+8", "an offset from UTC has two digits for the hours"},
      {"2004-06-11T10:00+0800", "write the offset with a colon, like +08:00"},
      {"2004-06-11T10:00+08:3", "the offset's minutes have two digits"},
      {"2004-06-11T10:00+05:60", "there is no minute 60 in an offset"},
      {"2004-06-11T10:00+15:00", "there is no offset +15:00 on Earth"},
      {"2004-06-11T10:00-12:30", "there is no offset -12:30 on Earth"},
      {"2004-06-11T10:00-00:00", "write a zero offset as Z or +00:00"},
      {"2004-06-11T10:00Zx", "unexpected text \"x\" after the time"},
      {"2004-06-11T10:00Z?", "cannot carry ?, ~ or %"},
      {"2004-06-11T10:00~", "cannot carry ?, ~ or %"},
      {"2004-06-11?T10:00", "cannot carry ?, ~ or %"},
      {"2004-06T10:00", "a time of day needs a full date (year, month and day)"},
      {"2004T10:00", "a time of day needs a full date"},
      {"2004-06-XXT10:00", "a time of day needs a full date"},
      {"2004-21T10:00", "a time of day needs a full date"},
      {"-0100-06-11T10:00", "a year from 0000 to 9999"},
      {"2004-06-11 10:00", "join the date and the time with a T, not a space"},
      {"2004-06-11Z", "a time zone (Z) is written after a time of day"},
      {"2004-06-11+05", "a time zone offset is written after a time of day"},
      {"2026-03-04T09:00/2026-03-06T17:00",
       "an interval runs from one day to another: EDTF intervals have no time of day; write "
       "the days, like 2026-03-04/2026-03-06"},
      {"2026-03-04/2026-03-06T17:00+08:00", "EDTF intervals have no time of day"},
      {"2026-03-04T09:00Z/..", "EDTF intervals have no time of day"},
      {"2004-06-11-05", "unexpected text \"-05\" after the date"},
      {"2004-06-11?x", "unexpected text \"x\" after the date"},
      {"2004-06-11abcdefghijklmnopqrstuvwxyz",
       "unexpected text \"abcdefghijklmnopqrst\xE2\x80\xA6\" after the date"},
      {"2004,2005", "unexpected text \",2005\" after the date"},
      {"2001-21^Southern Hemisphere", "season qualifiers (^) are EDTF level 2"},
      {" 2004", "remove the spaces before or after the date"},
      {"2004 ", "remove the spaces before or after the date"},
      {"2004\n", "remove the spaces"},
      {"..", "an open end (..) is only used on one side of an interval"},
      {"../..", "an interval needs a date on at least one side"},
      {"/", "an interval needs a date on at least one side"},
      {"/..", "an interval needs a date on at least one side"},
      {"../", "an interval needs a date on at least one side"},
      {"2004/2005/2006", "an interval has a single /"},
      {"//2005", "an interval has a single /"},
      {"2016/2015", "the interval starts (2016) after it ends (2015)"},
      {"2016-03/2015-24", "the interval starts (2016-03) after it ends (2015-24)"},
      {"2015-07-02/2015-07-01", "the interval starts (2015-07-02) after it ends (2015-07-01)"},
      {"2016?/2015~", "the interval starts (2016?) after it ends (2015~)"},
      {"0001/0000", "the interval starts"},
      {"202X/2019", "the interval starts"},
      {"2015-13/2016", "start of the interval: there is no month 13"},
      {"2015/2016-13", "end of the interval: there is no month 13"},
      {"2015/2016-02-30", "end of the interval: there is no 30 February 2016"},
      {".../2016", "start of the interval: an open end is written as two dots (..)"},
      {"2016/...", "end of the interval: an open end is written as two dots (..)"},
      {"2016/.", "end of the interval: an open end is written as two dots (..)"},
      {"..2016", "an open end is written as two dots"},
      {"[2016,2017]", "sets of dates in [ ] or { } are EDTF level 2"},
      {"{2016..2017}", "sets of dates in [ ] or { } are EDTF level 2"},
  };
  for (const Case& c : cases) {
    INFO("input: \"", std::string(c.text), "\"");
    const std::string error = error_of(c.text);
    INFO("error: ", error);
    CHECK(error.find(c.message) != std::string::npos);
    CHECK(error.back() != '.');
  }
}

TEST_CASE("errors do not repeat the input") {
  // The caller prefixes the input; an error names only the part it could not read.
  for (const char* text : {"2015-13", "2015-02-30", "Y1000000000", "2004?-06", "201X-05"}) {
    INFO("input: ", std::string(text));
    CHECK(error_of(text).find(text) == std::string::npos);
  }
}

// ---------------------------------------------------------------------------------
// 5. earliest/latest; precision
// ---------------------------------------------------------------------------------
TEST_CASE("earliest and latest day for each shape") {
  struct Case {
    const char* text;
    int64_t ey;
    int em, ed;
    int64_t ly;
    int lm, ld;
  };
  const std::vector<Case> cases = {
      {"2015", 2015, 1, 1, 2015, 12, 31},
      {"2015-07", 2015, 7, 1, 2015, 7, 31},
      {"2015-04", 2015, 4, 1, 2015, 4, 30},
      {"2015-07-14", 2015, 7, 14, 2015, 7, 14},
      {"2016-02", 2016, 2, 1, 2016, 2, 29},
      {"2015-02", 2015, 2, 1, 2015, 2, 28},
      {"1900-02", 1900, 2, 1, 1900, 2, 28},
      {"2000-02", 2000, 2, 1, 2000, 2, 29},
      {"2100-02", 2100, 2, 1, 2100, 2, 28},
      {"0000-02", 0, 2, 1, 0, 2, 29},
      {"-0004-02", -4, 2, 1, -4, 2, 29},
      {"-0100-02", -100, 2, 1, -100, 2, 28},
      {"-0400-02", -400, 2, 1, -400, 2, 29},
      {"2015-21", 2015, 3, 1, 2015, 5, 31},
      {"2015-22", 2015, 6, 1, 2015, 8, 31},
      {"2015-23", 2015, 9, 1, 2015, 11, 30},
      {"2015-24", 2015, 12, 1, 2016, 2, 29},
      {"2014-24", 2014, 12, 1, 2015, 2, 28},
      {"1899-24", 1899, 12, 1, 1900, 2, 28},
      {"1999-24", 1999, 12, 1, 2000, 2, 29},
      {"-0001-24", -1, 12, 1, 0, 2, 29},
      {"201X", 2010, 1, 1, 2019, 12, 31},
      {"20XX", 2000, 1, 1, 2099, 12, 31},
      {"1XXX", 1000, 1, 1, 1999, 12, 31},
      {"XXXX", 0, 1, 1, 9999, 12, 31},
      {"000X", 0, 1, 1, 9, 12, 31},
      {"-201X", -2019, 1, 1, -2010, 12, 31},
      {"-19XX", -1999, 1, 1, -1900, 12, 31},
      {"-1XXX", -1999, 1, 1, -1000, 12, 31},
      {"-001X", -19, 1, 1, -10, 12, 31},
      // Known digits all 0: the minus is kept, and year 0 (written 0000) is not included.
      {"-0XXX", -999, 1, 1, -1, 12, 31},
      {"-00XX", -99, 1, 1, -1, 12, 31},
      {"-000X", -9, 1, 1, -1, 12, 31},
      {"-XXXX", -9999, 1, 1, -1, 12, 31},
      {"2004-XX", 2004, 1, 1, 2004, 12, 31},
      {"2004-XX-XX", 2004, 1, 1, 2004, 12, 31},
      {"2004-06-XX", 2004, 6, 1, 2004, 6, 30},
      {"2004-02-XX", 2004, 2, 1, 2004, 2, 29},
      {"-1985", -1985, 1, 1, -1985, 12, 31},
      {"Y170000002", 170000002, 1, 1, 170000002, 12, 31},
      {"Y-170000002", -170000002, 1, 1, -170000002, 12, 31},
      {"2016?", 2016, 1, 1, 2016, 12, 31},
      {"2016-05-03%", 2016, 5, 3, 2016, 5, 3},
      {"2013/2015-07", 2013, 1, 1, 2015, 7, 31},
      {"2015-24/2016-23", 2015, 12, 1, 2016, 11, 30},
      {"201X/20XX", 2010, 1, 1, 2099, 12, 31},
  };
  for (const Case& c : cases) {
    INFO("input: \"", std::string(c.text), "\"");
    const Value v = valid(c.text);
    CHECK(v.earliest() == day(c.ey, c.em, c.ed));
    CHECK(v.latest() == day(c.ly, c.lm, c.ld));
    if (!v.interval) {
      CHECK(v.start.earliest_day() == v.earliest());
      CHECK(v.start.latest_day() == v.latest());
    }
  }
}

TEST_CASE("open and unknown interval ends are unbounded") {
  Value v = valid("2016-03/..");
  CHECK(v.earliest() == day(2016, 3, 1));
  CHECK(v.latest() == edtf::kUnboundedFuture);
  v = valid("2015-07/");
  CHECK(v.earliest() == day(2015, 7, 1));
  CHECK(v.latest() == edtf::kUnboundedFuture);
  v = valid("../2016");
  CHECK(v.earliest() == edtf::kUnboundedPast);
  CHECK(v.latest() == day(2016, 12, 31));
  v = valid("/2015");
  CHECK(v.earliest() == edtf::kUnboundedPast);
  CHECK(v.latest() == day(2015, 12, 31));
}

TEST_CASE("precision") {
  struct Case {
    const char* text;
    Precision precision;
    const char* name;
  };
  const std::vector<Case> cases = {
      {"2017-06-12", Precision::Day, "day"},    {"2017-06-12~", Precision::Day, "day"},
      {"2017-06", Precision::Month, "month"},   {"2017-06-XX", Precision::Month, "month"},
      {"2015-21", Precision::Season, "season"}, {"2015-24", Precision::Season, "season"},
      {"2017", Precision::Year, "year"},        {"2017-XX", Precision::Year, "year"},
      {"2017-XX-XX", Precision::Year, "year"},  {"Y170000002", Precision::Year, "year"},
      {"-1985", Precision::Year, "year"},       {"201X", Precision::Decade, "decade"},
      {"20XX", Precision::Century, "century"},  {"1XXX", Precision::Millennium, "millennium"},
      {"XXXX", Precision::Unknown, "unknown"},  {"-19XX", Precision::Century, "century"},
  };
  for (const Case& c : cases) {
    INFO("input: \"", std::string(c.text), "\"");
    const Precision p = valid(c.text).start.precision();
    CHECK(p == c.precision);
    CHECK(std::string(edtf::precision_name(p)) == c.name);
  }
}

// ---------------------------------------------------------------------------------
// 6. describe
// ---------------------------------------------------------------------------------
TEST_CASE("describe: single dates") {
  struct Case {
    const char* text;
    std::string sentence;
  };
  const std::vector<Case> cases = {
      {"2018-05", "sometime in May 2018"},
      {"2017", "sometime in 2017"},
      {"2017-06-12", "12 June 2017"},
      {"2017-06-02", "2 June 2017"},
      {"2026-03-04T09:30", "4 March 2026 at 09:30 (local time)"},
      {"2026-03-04T09:30:15Z", "4 March 2026 at 09:30:15 UTC"},
      {"2026-03-04T09:30+08:00", "4 March 2026 at 09:30 (UTC+08:00)"},
      {"2026-03-04T00:00-03:30", "4 March 2026 at 00:00 (UTC-03:30)"},
      {"0500-03-04T12:00Z", "4 March AD 500 at 12:00 UTC"},
      {"2016?", "sometime in 2016 (uncertain)"},
      {"2016~", "around 2016"},
      {"2016%", "around 2016 (uncertain)"},
      {"2017-06-12?", "12 June 2017 (uncertain)"},
      {"2017-06-12~", "around 12 June 2017"},
      {"2018-05%", "around May 2018 (uncertain)"},
      {"201X", "sometime in the 2010s"},
      {"199X~", "around the 1990s"},
      {"001X", "sometime in the AD 10s"},
      {"20XX", "sometime between 2000 and 2099"},
      {"20XX~", "roughly between 2000 and 2099"},
      {"20XX?", "sometime between 2000 and 2099 (uncertain)"},
      {"1XXX", "sometime between 1000 and 1999"},
      {"XXXX", "sometime in an unknown year"},
      {"2004-XX", "sometime in 2004"},
      {"2004-XX-XX", "sometime in 2004"},
      {"2004-06-XX", "sometime in June 2004"},
      {"2015-21", "spring 2015"},
      {"2015-22", "summer 2015"},
      {"2015-23", "autumn 2015"},
      {"2015-24", "winter 2015" + kDash + "2016"},
      {"2015-21~", "around spring 2015"},
      {"2015-23?", "autumn 2015 (uncertain)"},
      {"-0050", "sometime in 51 BC"},
      {"0000", "sometime in 1 BC"},
      {"-0001", "sometime in 2 BC"},
      {"0001", "sometime in AD 1"},
      {"0050-07-04", "4 July AD 50"},
      {"-1985-03-04", "4 March 1986 BC"},
      {"-0050-07", "sometime in July 51 BC"},
      {"-0050-24", "winter 51 BC" + kDash + "50 BC"},
      {"0000-24", "winter 1 BC" + kDash + "AD 1"},
      {"-19XX", "sometime between 2000 BC and 1901 BC"},
      {"-0XXX", "sometime between 1000 BC and 2 BC"},
      {"-XXXX", "sometime between 10000 BC and 2 BC"},
      {"-201X", "sometime between 2020 BC and 2011 BC"},
      {"000X", "sometime between 1 BC and AD 9"},
      {"Y170000002", "sometime in year 170000002"},
      {"Y170000002~", "around year 170000002"},
      {"Y-170000002", "sometime in 170000003 BC"},
  };
  for (const Case& c : cases) {
    INFO("input: \"", std::string(c.text), "\"");
    CHECK(edtf::describe(valid(c.text)) == c.sentence);
  }
}

TEST_CASE("describe: intervals") {
  struct Case {
    const char* text;
    std::string sentence;
  };
  const std::vector<Case> cases = {
      {"2013/2015-07", "2013 to July 2015, exact date unknown"},
      {"2015-07-01/2015-07-03", "1 July 2015 to 3 July 2015"},
      {"2015-07-01/2015-07", "1 July 2015 to July 2015, exact date unknown"},
      {"2016-03/..", "from March 2016, ongoing"},
      {"../2016", "until 2016 (start open)"},
      {"2015-07/", "from July 2015, end unknown"},
      {"/2015", "until 2015, start unknown"},
      {"1984?/2004-06~", "1984 (uncertain) to around June 2004, exact date unknown"},
      {"2016~/..", "from around 2016, ongoing"},
      {"../2016?", "until 2016 (uncertain; start open)"},
      {"/2016%", "until around 2016 (uncertain), start unknown"},
      {"2015-21/2015-23", "spring 2015 to autumn 2015, exact date unknown"},
      {"20XX/2150", "2000" + kDash + "2099 to 2150, exact date unknown"},
      {"201X/2020", "the 2010s to 2020, exact date unknown"},
      {"-0050/0050", "51 BC to AD 50, exact date unknown"},
      {"-0050/-0010", "51 BC to 11 BC, exact date unknown"},
      {"Y-170000002/2015-07-01", "170000003 BC to 1 July AD 2015, exact date unknown"},
      {"XXXX/2015", "an unknown year to 2015, exact date unknown"},
  };
  for (const Case& c : cases) {
    INFO("input: \"", std::string(c.text), "\"");
    CHECK(edtf::describe(valid(c.text)) == c.sentence);
  }
}

// ---------------------------------------------------------------------------------
// 7. compare
// ---------------------------------------------------------------------------------
TEST_CASE("compare orders by earliest, then latest, then text") {
  std::vector<std::string> texts = {"2016",       "2015-07", "../2016", "2015",
                                    "2015-07-04", "2015/..", "201X",    "2015-21",
                                    "2016?",      "2016-XX", "/2014",   "2015-07/"};
  std::vector<Value> values;
  for (const std::string& t : texts) values.push_back(valid(t));
  std::sort(values.begin(), values.end(),
            [](const Value& a, const Value& b) { return edtf::compare(a, b) < 0; });
  std::vector<std::string> sorted;
  for (const Value& v : values) sorted.push_back(edtf::format(v));
  // Both open starts share kUnboundedPast; the earlier end comes first.
  const std::vector<std::string> expected = {"/2014",      "../2016", "201X",    "2015",
                                             "2015/..",    "2015-21", "2015-07", "2015-07/",
                                             "2015-07-04", "2016",    "2016-XX", "2016?"};
  CHECK(sorted == expected);

  for (const Value& a : values) {
    CHECK(edtf::compare(a, a) == 0);
    for (const Value& b : values) CHECK(edtf::compare(a, b) == -edtf::compare(b, a));
  }
  CHECK(edtf::compare(valid("2016"), valid("2016?")) < 0);
  CHECK(edtf::compare(valid("Y-170000002"), valid("-9999")) < 0);
  CHECK(edtf::compare(valid("Y170000002"), valid("9999")) > 0);
}

// ---------------------------------------------------------------------------------
// 8. Fuzz
// ---------------------------------------------------------------------------------
namespace {

// Every accepted string must round-trip and give a sane range and sentence; every
// rejected one must say why in a single short sentence.
struct FuzzStats {
  int accepted = 0;
  int rejected = 0;
  int threw = 0;
  int bad = 0;
};

void fuzz_one(const std::string& s, FuzzStats& stats, edtf::ParseResult& out) {
  try {
    out = edtf::parse(s);
  } catch (...) {
    ++stats.threw;
    out = {};
    return;
  }
  if (out.value.has_value() == !out.error.empty()) ++stats.bad;
  if (!out.value) {
    ++stats.rejected;
    if (out.error.empty() || out.error.back() == '.' || out.error.find('\n') != std::string::npos)
      ++stats.bad;
    return;
  }
  ++stats.accepted;
  const Value& v = *out.value;
  // A date-time is written in full (seconds, offset minutes): its canonical text must
  // then be a fixed point. Everything else comes back exactly as written.
  if (v.has_time()) {
    const std::string canonical = edtf::format(v);
    edtf::ParseResult again = edtf::parse(canonical);
    if (!again.value || edtf::format(*again.value) != canonical) ++stats.bad;
  } else if (edtf::format(v) != s) {
    ++stats.bad;
  }
  if (v.earliest() > v.latest()) ++stats.bad;
  if (edtf::describe(v).empty()) ++stats.bad;
  if (edtf::compare(v, v) != 0) ++stats.bad;
}

}  // namespace

TEST_CASE("fuzz: random strings from the EDTF alphabet") {
  const std::string alphabet = "0123456789-/?~%XY.T:";
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<int> length(0, 20);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  FuzzStats stats;
  edtf::ParseResult r;
  std::string first_bad;
  for (int i = 0; i < 200000; ++i) {
    std::string s;
    const int n = length(rng);
    for (int k = 0; k < n; ++k) s += alphabet[pick(rng)];
    const int before = stats.bad + stats.threw;
    fuzz_one(s, stats, r);
    if (stats.bad + stats.threw != before && first_bad.empty()) first_bad = s;
  }
  INFO("first bad input: \"", first_bad, "\"");
  CHECK(stats.threw == 0);
  CHECK(stats.bad == 0);
  CHECK(stats.rejected > 0);
  CHECK(stats.accepted > 100);  // the alphabet does reach valid dates now and then
}

TEST_CASE("fuzz: generated near-valid strings agree with a piece-wise oracle") {
  // Strings are glued from pieces whose syntax class is known, so the oracle is the
  // level 0 + 1 grammar applied to the classes, independent of the parser's code. Anything
  // accepted must be syntactically valid; anything syntactically valid but refused must be
  // refused for a calendar or level-2 reason, never a syntax one.
  enum Cls { kFull, kXYear, kLong, kNone, kOk, kBad, kTime };
  struct Piece {
    const char* text;
    Cls cls;
  };
  const std::vector<Piece> years = {
      {"2015", kFull},        {"0000", kFull},   {"-0050", kFull},  {"1900", kFull},
      {"2000", kFull},        {"9999", kFull},   {"-9999", kFull},  {"-0000", kFull},
      {"201X", kXYear},       {"20XX", kXYear},  {"1XXX", kXYear},  {"XXXX", kXYear},
      {"-19XX", kXYear},      {"-0XXX", kXYear}, {"Y12345", kLong}, {"Y-170000002", kLong},
      {"Y1000000000", kLong}, {"Y1234", kBad},   {"Y01234", kBad},  {"201", kBad},
      {"20155", kBad},        {"X015", kBad},    {"2X15", kBad},    {"", kBad}};
  const std::vector<Piece> months = {{"", kNone},  {"-01", kOk},   {"-02", kOk}, {"-04", kOk},
                                     {"-12", kOk}, {"-13", kOk},   {"-00", kOk}, {"-21", kOk},
                                     {"-24", kOk}, {"-25", kOk},   {"-XX", kOk}, {"-1X", kBad},
                                     {"-7", kBad}, {"-007", kBad}, {"-", kBad}};
  const std::vector<Piece> days = {{"", kNone},  {"-01", kOk},  {"-28", kOk}, {"-29", kOk},
                                   {"-30", kOk}, {"-31", kOk},  {"-32", kOk}, {"-00", kOk},
                                   {"-XX", kOk}, {"-1X", kBad}, {"-1", kBad}, {"-", kBad}};
  const std::vector<Piece> qualifiers = {{"", kNone},
                                         {"", kNone},
                                         {"", kNone},
                                         {"?", kOk},
                                         {"~", kOk},
                                         {"%", kOk},
                                         {"?~", kBad},
                                         {"?-01", kBad},
                                         {"T10:00", kTime},
                                         {"T10:00:00Z", kTime},
                                         {"T23:59+08:00", kTime},
                                         {"T10", kBad},
                                         {"T10:00?", kBad},
                                         {"?T10:00", kBad}};
  const std::vector<std::string> calendar_or_level2 = {"there is no",
                                                       "leap year",
                                                       "EDTF level 2",
                                                       "year too large",
                                                       "negative year",
                                                       "interval starts",
                                                       "a season cannot have a day"};

  std::mt19937 rng(7);
  auto pick = [&rng](const auto& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(rng)];
  };
  // A date side: its text and whether the level 0 + 1 syntax allows it. A time of day
  // needs a whole day with a year from 0000 (level 0), and no interval has one.
  bool timed = false;
  auto make_date = [&](std::string& text) {
    const Piece y = pick(years);
    const Piece m = pick(months);
    const Piece d = m.cls == kNone ? Piece{"", kNone} : pick(days);  // no day without month
    const Piece q = pick(qualifiers);
    text = std::string(y.text) + m.text + d.text + q.text;
    bool ok = q.cls != kBad && m.cls != kBad && d.cls != kBad;
    if (y.cls == kBad) ok = false;
    if ((y.cls == kXYear || y.cls == kLong) && m.cls != kNone) ok = false;
    if (q.cls == kTime) {
      timed = true;
      if (y.cls != kFull || y.text[0] == '-' || m.cls != kOk || d.cls != kOk ||
          std::string(m.text) == "-XX" || std::string(d.text) == "-XX")
        ok = false;
    }
    return ok;
  };

  FuzzStats stats;
  int disagreements = 0;
  std::string first_disagreement;
  edtf::ParseResult r;
  for (int i = 0; i < 100000; ++i) {
    std::string s, a, b;
    bool syntax_ok = false;
    timed = false;
    const int shape = std::uniform_int_distribution<int>(0, 3)(rng);
    switch (shape) {
      case 0:
        syntax_ok = make_date(s);
        break;
      case 1: {
        const bool ok_a = make_date(a);
        const bool ok_b = make_date(b);
        s = a + "/" + b;
        // An empty side is an unknown end, so it is fine when the other side is a date.
        syntax_ok = (ok_a && (ok_b || b.empty())) || (a.empty() && ok_b);
        break;
      }
      case 2:
        syntax_ok = make_date(a);
        b = pick(std::vector<std::string>{"..", "", "..."});
        s = a + "/" + b;
        syntax_ok = syntax_ok && b != "...";
        break;
      default:
        a = pick(std::vector<std::string>{"..", "", "."});
        syntax_ok = make_date(b) && a != ".";
        s = a + "/" + b;
        break;
    }
    if (shape != 0 && timed) syntax_ok = false;
    fuzz_one(s, stats, r);
    bool agrees = true;
    if (r.value && !syntax_ok) agrees = false;
    if (!r.value && syntax_ok) {
      agrees = std::any_of(
          calendar_or_level2.begin(), calendar_or_level2.end(),
          [&](const std::string& reason) { return r.error.find(reason) != std::string::npos; });
    }
    if (!agrees) {
      ++disagreements;
      if (first_disagreement.empty()) first_disagreement = s + "  ->  " + r.error;
    }
  }
  INFO("first disagreement: ", first_disagreement);
  CHECK(disagreements == 0);
  CHECK(stats.threw == 0);
  CHECK(stats.bad == 0);
  CHECK(stats.accepted > 2000);
  CHECK(stats.rejected > 2000);
}

TEST_CASE("hand-built values still format to parseable text") {
  Date d;
  d.year = 12345;  // no y_prefix: format adds it, since five digits need it
  Value v;
  v.start = d;
  CHECK(edtf::format(v) == "Y12345");
  CHECK(valid(edtf::format(v)).start.year == 12345);
}
