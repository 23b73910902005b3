// date_spreadsheet.cpp — see date_spreadsheet.hpp.
//
// Index
//   1. Pieces: trimming, digits, month names
//   2. Building a checked day, month or year as EDTF
//   3. The forms, tried in order
#include "core/date_spreadsheet.hpp"

#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

namespace atlas {

namespace {

// ---------------------------------------------------------------------------------
// 1. Pieces
// ---------------------------------------------------------------------------------
std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const char* const kMonths[12] = {"january",   "february", "march",    "april",
                                 "may",       "june",     "july",     "august",
                                 "september", "october",  "november", "december"};
const char* const kMonthNames[12] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};

// "jul", "july", "sept" -> 7, 7, 9; 0 when not a month.
int month_of(std::string_view word) {
  std::string w = lower(word);
  if (w.size() >= 3)
    for (int m = 0; m < 12; ++m) {
      std::string full = kMonths[m];
      if (w == full || w == full.substr(0, 3) || (m == 8 && w == "sept")) return m + 1;
    }
  return 0;
}

bool weekday(std::string_view word) {
  static const char* const days[] = {"monday", "tuesday",  "wednesday", "thursday",
                                     "friday", "saturday", "sunday"};
  std::string w = lower(word);
  for (const char* d : days)
    if (w == d || (w.size() == 3 && std::string(d).compare(0, 3, w) == 0)) return true;
  return false;
}

// "14th" -> "14"; other words unchanged.
std::string_view ordinal(std::string_view w) {
  if (w.size() > 2 && all_digits(w.substr(0, w.size() - 2))) {
    std::string end = lower(w.substr(w.size() - 2));
    if (end == "st" || end == "nd" || end == "rd" || end == "th") return w.substr(0, w.size() - 2);
  }
  return w;
}

// ---------------------------------------------------------------------------------
// 2. Building
// ---------------------------------------------------------------------------------
const char* kTwoDigitYear =
    "the year has two digits, so its century is a guess: write the year in full (2015)";

SpreadsheetDate make(int year, int month, int day) {
  SpreadsheetDate r;
  if (month < 1 || month > 12) {
    r.error = "there is no month " + std::to_string(month) + " (months are 1 to 12)";
    return r;
  }
  if (day != 0) {
    int last = edtf::days_in_month(year, month);
    if (day < 1 || day > last) {
      r.error = day < 1 ? "there is no day 0"
                        : std::string(kMonthNames[month - 1]) + " " + std::to_string(year) +
                              " has " + std::to_string(last) + " days";
      return r;
    }
  }
  char buf[32];
  if (day)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  auto p = edtf::parse(buf);
  if (p.value)
    r.value = p.value;
  else
    r.error = p.error;
  return r;
}

// Excel's 1900 date system: day 1 is 1900-01-01, and day 60 is 29 February 1900, a day
// that never was (kept from Lotus 1-2-3); from day 61 on, day n is 1899-12-30 + n.
SpreadsheetDate from_serial(int serial) {
  SpreadsheetDate r;
  int64_t base = edtf::days_from_civil(1899, 12, 30);
  int64_t y;
  int m, d;
  edtf::civil_from_days(base + serial, y, m, d);
  return make(int(y), m, d);
}

// n/n/yyyy with the day/month order: each reading, then the one that applies.
SpreadsheetDate day_month(int a, int b, int year, DayMonthOrder order) {
  SpreadsheetDate dm = make(year, b, a), md = make(year, a, b);
  SpreadsheetDate r;
  r.day_first_possible = dm.value.has_value();
  r.month_first_possible = md.value.has_value();
  if (order == DayMonthOrder::DayFirst ||
      (order == DayMonthOrder::Unknown && !md.value && dm.value))
    r.value = dm.value, r.error = dm.error;
  else if (order == DayMonthOrder::MonthFirst ||
           (order == DayMonthOrder::Unknown && !dm.value && md.value))
    r.value = md.value, r.error = md.error;
  else if (!dm.value && !md.value)
    r.error = dm.error;
  else if (a == b)  // 03/03/2015: both readings are the same day
    r.value = dm.value;
  if (r.value || !r.error.empty()) {
    if (!r.value && order == DayMonthOrder::DayFirst && md.value)
      r.error += ", read day/month as asked (month/day would be a date)";
    if (!r.value && order == DayMonthOrder::MonthFirst && dm.value)
      r.error += ", read month/day as asked (day/month would be a date)";
  }
  return r;
}

// ---------------------------------------------------------------------------------
// 3. The forms
// ---------------------------------------------------------------------------------
// "2015-07-14T09:30", "2015-07-14 09:30:00.000", with an optional Z or offset.
bool iso_with_time(std::string_view s, std::string_view& date) {
  if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ')) return false;
  std::string_view t = s.substr(11);
  if (t.size() < 5 || !all_digits(t.substr(0, 2)) || t[2] != ':' || !all_digits(t.substr(3, 2)))
    return false;
  for (char c : t.substr(5))
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.' || c == 'Z' ||
          c == '+' || c == '-'))
      return false;
  date = s.substr(0, 10);
  return true;
}

// Splits at spaces, commas and the separators / . -, keeping no empty words.
std::vector<std::string_view> words(std::string_view s, std::vector<char>* seps = nullptr) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t k = i;
    while (k < s.size() && !std::isspace(static_cast<unsigned char>(s[k])) && s[k] != ',' &&
           s[k] != '/' && s[k] != '.' && s[k] != '-')
      ++k;
    if (k > i) out.push_back(s.substr(i, k - i));
    if (k < s.size() && seps && (s[k] == '/' || s[k] == '.' || s[k] == '-')) seps->push_back(s[k]);
    i = k + 1;
  }
  return out;
}

SpreadsheetDate from_words(const std::vector<std::string_view>& w0) {
  SpreadsheetDate r;
  std::vector<std::string_view> w = w0;
  if (!w.empty() && weekday(w.front())) w.erase(w.begin());
  for (auto& x : w) x = ordinal(x);
  auto year_of = [&](std::string_view y, int& out) {
    if (all_digits(y) && y.size() == 4) {
      out = to_int(y);
      return true;
    }
    if (all_digits(y) && y.size() <= 2) r.error = kTwoDigitYear;
    return false;
  };
  int year = 0, m = 0;
  if (w.size() == 2 && (m = month_of(w[0])) && year_of(w[1], year)) return make(year, m, 0);
  if (w.size() == 2 && (m = month_of(w[1])) && year_of(w[0], year)) return make(year, m, 0);
  if (w.size() == 3 && all_digits(w[0]) && w[0].size() <= 2 && (m = month_of(w[1])) &&
      year_of(w[2], year))
    return make(year, m, to_int(w[0]));
  if (w.size() == 3 && (m = month_of(w[0])) && all_digits(w[1]) && w[1].size() <= 2 &&
      year_of(w[2], year))
    return make(year, m, to_int(w[1]));
  return r;
}

}  // namespace

SpreadsheetDate read_spreadsheet_date(std::string_view text, DayMonthOrder order) {
  std::string_view s = trim(text);
  SpreadsheetDate r;
  if (s.empty()) return r;

  auto edtf = edtf::parse(s);
  if (edtf.value) {
    // EDTF date-times ("2015-07-14T09:30Z") read too; a spreadsheet's date is a day,
    // so the time goes, and is said (times are the plan fields' starts and ends).
    for (edtf::Date* d : {&edtf.value->start, &edtf.value->end})
      if (d->has_time) {
        d->has_time = false;
        d->hour = d->minute = d->second = 0;
        d->offset = edtf::Offset::Local;
        d->offset_minutes = 0;
        r.time_dropped = true;
      }
    r.value = edtf.value;
    return r;
  }
  std::string_view date;
  if (iso_with_time(s, date)) {
    auto p = edtf::parse(date);
    if (p.value) {
      r.value = p.value;
      r.time_dropped = true;
      return r;
    }
  }
  // Serial numbers: five digits, maybe a fraction of a day.
  std::string_view whole = s.substr(0, s.find('.'));
  if (whole.size() == 5 && all_digits(whole) &&
      (whole.size() == s.size() || all_digits(s.substr(whole.size() + 1))))
    return from_serial(to_int(whole));

  std::vector<char> seps;
  std::vector<std::string_view> w = words(s, &seps);
  bool numeric = !w.empty();
  for (auto x : w) numeric = numeric && all_digits(x);
  bool one_sep = seps.size() + 1 == w.size();
  for (char c : seps) one_sep = one_sep && c == seps.front();
  if (numeric && one_sep && w.size() == 3) {
    if (w[0].size() == 4 && w[1].size() <= 2 && w[2].size() <= 2)
      return make(to_int(w[0]), to_int(w[1]), to_int(w[2]));
    if (w[2].size() == 4 && w[0].size() <= 2 && w[1].size() <= 2)
      return day_month(to_int(w[0]), to_int(w[1]), to_int(w[2]), order);
    if (w[2].size() <= 2 && w[0].size() <= 2 && w[1].size() <= 2) {
      r.error = kTwoDigitYear;
      return r;
    }
  }
  if (numeric && one_sep && w.size() == 2) {
    if (w[0].size() == 4 && w[1].size() <= 2) return make(to_int(w[0]), to_int(w[1]), 0);
    if (w[1].size() == 4 && w[0].size() <= 2) return make(to_int(w[1]), to_int(w[0]), 0);
  }
  if (!numeric) {
    r = from_words(w);
    if (r.value || !r.error.empty()) return r;
  }
  // Text that starts like EDTF gets EDTF's own reason ("there is no month 13").
  bool edtf_like =
      s.size() >= 4 && all_digits(s.substr(0, 4)) && (s.size() == 4 || s[4] == '-' || s[4] == '/');
  r.error = edtf_like ? edtf.error
                      : "this is not a date form that is read here: write it as 2015-07-14, "
                        "14/07/2015, Jul 2015, 14 July 2015 or in EDTF (2015-07, 2016?, "
                        "2013/2015)";
  return r;
}

}  // namespace atlas
