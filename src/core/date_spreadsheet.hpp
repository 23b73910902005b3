// date_spreadsheet.hpp — the dates people type into spreadsheets, read as EDTF.
//
// Accepted (and nothing else; each refusal says what would be read):
//   EDTF itself                2015-07-14, 2015-07, 2016?, 201X, 2013/2015-07
//   ISO with a time            2015-07-14T09:30, 2015-07-14 09:30:00 (the day is kept)
//   numbers with / . or -      14/07/2015 and 7/14/2015 (day/month or month/day, below),
//                              2015/07/14 (year first is always year/month/day),
//                              07/2015 and 2015/07 (a month)
//   month names (English)      Jul 2015, July 2015, 14 Jul 2015, 14-Jul-2015,
//                              Jul 14, 2015, Tuesday, 14 July 2015, 14th July 2015
//   spreadsheet serial numbers 42199 (five digits, a fraction for the time allowed:
//                              Excel's and LibreOffice's 1900 date system, 1927 to 2173)
// Two-digit years (14/07/15, Jul-15) are refused: the century is a guess.
//
// Day/month order: "03/04/2015" is 3 April or 4 March. With DayMonthOrder::Unknown such
// a date has no value and says it is ambiguous; "13/04/2015" is day/month whatever the
// order (the reading that has no month 13), unless the order given excludes it (then it
// is an error). The importer settles a file's order from its unambiguous dates or asks.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date_edtf.hpp"

namespace atlas {

enum class DayMonthOrder { Unknown, DayFirst, MonthFirst };

struct SpreadsheetDate {
  std::optional<edtf::Value> value;  // none for an empty cell, an error or an ambiguity
  std::string error;                 // a sentence without the input, as edtf::parse's
  // For n/n/yyyy: which readings are real dates. Both, and different: ambiguous.
  bool day_first_possible = false, month_first_possible = false;
  bool time_dropped = false;  // "2015-07-14 09:30": the time was not kept
  bool ambiguous() const { return day_first_possible && month_first_possible && !value; }
};

SpreadsheetDate read_spreadsheet_date(std::string_view text,
                                      DayMonthOrder order = DayMonthOrder::Unknown);

}  // namespace atlas
