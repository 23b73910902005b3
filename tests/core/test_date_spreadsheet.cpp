// test_date_spreadsheet.cpp — spreadsheet dates as EDTF (core/date_spreadsheet.hpp).
#include <doctest/doctest.h>

#include "core/date_spreadsheet.hpp"

using namespace atlas;

namespace {
std::string read(std::string_view text, DayMonthOrder o = DayMonthOrder::Unknown) {
  SpreadsheetDate d = read_spreadsheet_date(text, o);
  if (d.ambiguous()) return "ambiguous";
  return d.value ? edtf::format(*d.value) : "error: " + d.error;
}
}  // namespace

TEST_CASE("EDTF and ISO forms pass through; a time is dropped and said") {
  CHECK(read("2015-07-14") == "2015-07-14");
  CHECK(read(" 2016? ") == "2016?");
  CHECK(read("2013/2015-07") == "2013/2015-07");
  CHECK(read("201X") == "201X");
  CHECK(read("2015-07-14T09:30") == "2015-07-14");
  CHECK(read("2015-07-14 09:30:00.000Z") == "2015-07-14");
  CHECK(read_spreadsheet_date("2015-07-14 09:30").time_dropped);
  CHECK(read_spreadsheet_date("2015-07-14T09:30+08:00").time_dropped);
  CHECK_FALSE(read_spreadsheet_date("2015-07-14").time_dropped);
  CHECK(read("2015-13") == "error: there is no month 13 (months are 1 to 12)");
  CHECK(read("2015-02-30") == "error: February 2015 has 28 days");
}

TEST_CASE("d/m/y and m/d/y: the one reading that works, or ambiguous, or the order asked") {
  CHECK(read("14/07/2015") == "2015-07-14");
  CHECK(read("7/14/2015") == "2015-07-14");
  CHECK(read("14.07.2015") == "2015-07-14");
  CHECK(read("14-07-2015") == "2015-07-14");
  CHECK(read("03/04/2015") == "ambiguous");
  CHECK(read("03/03/2015") == "2015-03-03");  // both readings are one day
  CHECK(read("03/04/2015", DayMonthOrder::DayFirst) == "2015-04-03");
  CHECK(read("03/04/2015", DayMonthOrder::MonthFirst) == "2015-03-04");
  SpreadsheetDate d = read_spreadsheet_date("14/07/2015", DayMonthOrder::MonthFirst);
  CHECK_FALSE(d.value);
  CHECK(d.error.find("read month/day as asked") != std::string::npos);
  CHECK(read("31/02/2015") == "error: February 2015 has 28 days");
  CHECK(read("2015/07/14") == "2015-07-14");
  CHECK(read("07/2015") == "2015-07");
  CHECK(read("2015/7") == "2015-07");
  CHECK(read("14/07/15").find("two digits") != std::string::npos);
}

TEST_CASE("month names, weekdays and ordinals") {
  CHECK(read("Jul 2015") == "2015-07");
  CHECK(read("July 2015") == "2015-07");
  CHECK(read("Sept 2015") == "2015-09");
  CHECK(read("14 Jul 2015") == "2015-07-14");
  CHECK(read("14-Jul-2015") == "2015-07-14");
  CHECK(read("Jul 14, 2015") == "2015-07-14");
  CHECK(read("Tuesday, 14 July 2015") == "2015-07-14");
  CHECK(read("14th July 2015") == "2015-07-14");
  CHECK(read("Jul-15").find("two digits") != std::string::npos);
  CHECK(read("30 Feb 2016") == "error: February 2016 has 29 days");
}

TEST_CASE("spreadsheet serial numbers (the 1900 date system)") {
  CHECK(read("42199") == "2015-07-14");
  CHECK(read("42199.375") == "2015-07-14");  // 9 am
  CHECK(read("10000") == "1927-05-18");
  CHECK(read("2015") == "2015");  // four digits are a year
}

TEST_CASE("anything else says which forms are read") {
  CHECK(read("next Tuesday").find("2015-07-14, 14/07/2015, Jul 2015") != std::string::npos);
  CHECK(read("").rfind("error: ", 0) == 0);  // empty: no value, no ambiguity
  CHECK(read_spreadsheet_date("").error.empty());
}
