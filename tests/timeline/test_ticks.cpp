// test_ticks.cpp — the time axis (src/timeline/ticks.hpp): the level at each zoom, labels
// that never overlap over a sweep of zooms, widths and fonts, real month lengths and leap
// years, year and decade boundaries, and no allocation once warm.
//
// Index
//   1. Helpers
//   2. Levels and labels
//   3. No overlap: the sweep
//   4. Calendar: month lengths, leap years, year and decade boundaries
//   5. Minor ticks, context, buffers
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "core/date_edtf.hpp"
#include "timeline/ticks.hpp"

using atlas::edtf::civil_from_days;
using atlas::edtf::days_from_civil;
using atlas::edtf::days_in_month;
using namespace atlas::timeline;

// ---------------------------------------------------------------------------------
// 1. Helpers
// ---------------------------------------------------------------------------------
namespace {

TimeScale scale_at(double width, int64_t year, int month, int day, double ppd) {
  TimeScale s;
  s.width_px = width;
  s.px_per_day = ppd;
  s.origin_day = static_cast<double>(days_from_civil(year, month, day));
  s.clamp();
  return s;
}

struct Civil {
  int64_t y;
  int m, d;
};

Civil civil(int64_t day) {
  Civil c;
  civil_from_days(day, c.y, c.m, c.d);
  return c;
}

// A proportional font, roughly: narrow 1 and space, wide M and W.
float proportional(std::string_view s) {
  float w = 0.0f;
  for (char c : s) {
    if (c == ' ')
      w += 3.0f;
    else if (c == '1' || c == 'l' || c == 'i')
      w += 4.0f;
    else if (c == 'M' || c == 'W')
      w += 11.0f;
    else if (c >= '0' && c <= '9')
      w += 7.0f;
    else
      w += 7.5f;
  }
  return w;
}

void check_no_overlap(const TickSet& ts, const TickStyle& style, double x0, double x1) {
  const Tick* prev = nullptr;
  float prev_x = -1e30f;
  for (const Tick& t : ts.ticks) {
    CHECK(t.x >= prev_x);  // sorted
    prev_x = t.x;
    CHECK(t.x >= x0 - 1e-3);
    CHECK(t.x <= x1 + 1e-3);
    if (!t.major) CHECK(t.label[0] == '\0');
    if (t.label[0] == '\0') continue;
    if (prev) {
      INFO("labels \"", prev->label, "\" at ", prev->label_x, " w ", prev->label_w, " and \"",
           t.label, "\" at ", t.label_x);
      CHECK(prev->label_x + prev->label_w + style.label_gap <= t.label_x + 1e-3f);
    }
    prev = &t;
  }
}

int labelled(const TickSet& ts) {
  int n = 0;
  for (const Tick& t : ts.ticks) n += t.label[0] != '\0';
  return n;
}

}  // namespace

// ---------------------------------------------------------------------------------
// 2. Levels and labels
// ---------------------------------------------------------------------------------
TEST_CASE("ticks: the unit follows the zoom, days to centuries") {
  const TickStyle style;
  const TextWidth w(7.0f);
  struct Case {
    double ppd;
    TickUnit unit;
    int64_t step;
  };
  // Widest day label "28 Sep" = 42 px + 10 gap: a level's smallest tick gap needs 52 px;
  // month and year labels ("2015", "Sep") need 28 + 10 = 38 px.
  const Case cases[] = {
      {60.0, TickUnit::Day, 1},    {30.0, TickUnit::Day, 2},    {15.0, TickUnit::Day, 5},
      {12.0, TickUnit::Day, 10},   {5.0, TickUnit::Day, 15},    {2.0, TickUnit::Month, 1},
      {0.8, TickUnit::Month, 2},   {0.5, TickUnit::Month, 3},   {0.3, TickUnit::Month, 6},
      {0.15, TickUnit::Year, 1},   {0.08, TickUnit::Year, 2},   {0.03, TickUnit::Year, 5},
      {0.015, TickUnit::Year, 10}, {0.006, TickUnit::Year, 20}, {0.0035, TickUnit::Year, 50},
  };
  for (const Case& c : cases) {
    const TimeScale s = scale_at(300.0, 2015, 1, 1, c.ppd);
    REQUIRE(s.px_per_day == c.ppd);
    const TickLevel level = choose_level(s, w, style);
    INFO("ppd ", c.ppd, " got unit ", static_cast<int>(level.unit), " step ", level.step);
    CHECK(level.unit == c.unit);
    CHECK(level.step == c.step);
  }
  // The narrowest zoom the scale allows on a small pane still gets a level that fits.
  TimeScale s = scale_at(300.0, 1900, 1, 1, 1e-9);
  TickSet ts;
  generate_ticks(s, 0.0, s.width_px, w, style, ts);
  check_no_overlap(ts, style, 0.0, s.width_px);
  CHECK(ts.major.unit == TickUnit::Year);
  CHECK(ts.major.step >= 50);
}

TEST_CASE("ticks: labels by unit; a boundary names the coarser unit") {
  char buf[20];
  uint8_t b = 9;
  const int64_t jul12 = days_from_civil(2015, 7, 12);
  CHECK(format_tick_label({TickUnit::Day, 1}, jul12, buf, sizeof buf, &b) == 6);
  CHECK(std::string(buf) == "12 Jul");
  CHECK(b == 0);
  format_tick_label({TickUnit::Day, 1}, days_from_civil(2015, 8, 1), buf, sizeof buf, &b);
  CHECK(std::string(buf) == "1 Aug");
  CHECK(b == 1);
  format_tick_label({TickUnit::Day, 5}, days_from_civil(2016, 1, 1), buf, sizeof buf, &b);
  CHECK(std::string(buf) == "2016");
  CHECK(b == 2);
  format_tick_label({TickUnit::Month, 1}, days_from_civil(2015, 7, 1), buf, sizeof buf, &b);
  CHECK(std::string(buf) == "Jul");
  CHECK(b == 0);
  format_tick_label({TickUnit::Month, 3}, days_from_civil(2016, 1, 1), buf, sizeof buf, &b);
  CHECK(std::string(buf) == "2016");
  CHECK(b == 2);
  // Quarters are labelled as quarters, not as the months they start with.
  format_tick_label({TickUnit::Month, 3}, days_from_civil(2016, 4, 1), buf, sizeof buf, &b);
  CHECK(std::string(buf) == "Q2");
  format_tick_label({TickUnit::Month, 3}, days_from_civil(2016, 10, 1), buf, sizeof buf, &b);
  CHECK(std::string(buf) == "Q4");
  CHECK(b == 0);
  format_tick_label({TickUnit::Year, 1}, days_from_civil(2015, 1, 1), buf, sizeof buf, &b);
  CHECK(std::string(buf) == "2015");
  CHECK(b == 2);
  format_tick_label({TickUnit::Year, 1}, days_from_civil(2020, 1, 1), buf, sizeof buf, &b);
  CHECK(b == 3);  // a decade over years
  format_tick_label({TickUnit::Year, 10}, days_from_civil(2000, 1, 1), buf, sizeof buf, &b);
  CHECK(b == 3);  // a century over decades
  format_tick_label({TickUnit::Year, 10}, days_from_civil(2010, 1, 1), buf, sizeof buf, &b);
  CHECK(b == 2);
  // Astronomical years: 0 is 1 BC, -49 is 50 BC (as edtf::describe reads them).
  format_tick_label({TickUnit::Year, 1}, days_from_civil(0, 1, 1), buf, sizeof buf, &b);
  CHECK(std::string(buf) == "1 BC");
  format_tick_label({TickUnit::Year, 1}, days_from_civil(-49, 1, 1), buf, sizeof buf, &b);
  CHECK(std::string(buf) == "50 BC");
  format_tick_label({TickUnit::Year, 1}, days_from_civil(170000002, 1, 1), buf, sizeof buf, &b);
  CHECK(std::string(buf) == "170000002");
  // A short buffer truncates, never overflows.
  char small[4];
  format_tick_label({TickUnit::Day, 1}, jul12, small, sizeof small, &b);
  CHECK(std::string(small) == "12 ");
}

// ---------------------------------------------------------------------------------
// 3. No overlap: the sweep
// ---------------------------------------------------------------------------------
TEST_CASE("ticks: labels never overlap over a sweep of zooms, widths, origins and fonts") {
  const TickStyle styles[] = {TickStyle{}, TickStyle{2.0f, 4.0f, 4.0f, 12.0f},
                              TickStyle{6.0f, 24.0f, 10.0f, 60.0f}};
  const double widths[] = {120.0, 480.0, 1280.0, 3840.0};
  struct Origin {
    int64_t y;
    int m, d;
  };
  const Origin origins[] = {{2015, 7, 12}, {1900, 2, 20}, {2000, 2, 27}, {-50, 12, 30},
                            {1, 1, 1},     {9999, 6, 1},  {1969, 12, 31}};
  int sets = 0;
  for (const TickStyle& style : styles) {
    for (double width : widths) {
      for (const Origin& o : origins) {
        TimeScale s = scale_at(width, o.y, o.m, o.d, 1.0);
        const double lo = s.min_px_per_day();
        const double hi = s.max_px_per_day();
        for (int i = 0; i <= 60; ++i) {
          s.px_per_day = lo * std::pow(hi / lo, i / 60.0);
          s.origin_day = static_cast<double>(days_from_civil(o.y, o.m, o.d)) + 0.37;
          for (int font = 0; font < 4; ++font) {
            TickSet ts;
            const float per_char[] = {5.0f, 7.0f, 16.0f};
            INFO("width ", width, " origin ", o.y, "-", o.m, "-", o.d, " ppd ", s.px_per_day,
                 " font ", font);
            if (font < 3) {
              generate_ticks(s, 0.0, width, TextWidth(per_char[font]), style, ts);
            } else {
              generate_ticks(s, 0.0, width, proportional, style, ts);
            }
            check_no_overlap(ts, style, 0.0, width);
            // A pane wide enough for two labels shows at least one.
            if (width >= 480.0) CHECK(labelled(ts) >= 1);
            ++sets;
          }
        }
      }
    }
  }
  MESSAGE(sets, " tick sets checked");
}

TEST_CASE("ticks: the level does not change while panning") {
  const TickStyle style;
  for (double ppd : {50.0, 9.0, 4.5, 0.9, 0.1, 0.01}) {
    TimeScale s = scale_at(900.0, 2014, 1, 1, ppd);
    TickSet first;
    generate_ticks(s, 0.0, 900.0, TextWidth(7.0f), style, first);
    for (int i = 0; i < 200; ++i) {
      s.pan(-37.0);
      TickSet ts;
      generate_ticks(s, 0.0, 900.0, TextWidth(7.0f), style, ts);
      CHECK(ts.major.unit == first.major.unit);
      CHECK(ts.major.step == first.major.step);
      // With this font the estimate is exact: no label is ever dropped.
      for (const Tick& t : ts.ticks)
        if (t.major) CHECK(t.label[0] != '\0');
    }
  }
}

// ---------------------------------------------------------------------------------
// 4. Calendar
// ---------------------------------------------------------------------------------
TEST_CASE("ticks: month ticks fall on month starts with real month lengths") {
  // Month level across 1899..1901 and 1999..2001 and 2015..2017: each tick is a 1st, and
  // the distance to the next is that month's length (Feb 1900: 28, Feb 2000 and 2016: 29).
  for (int64_t year : {1899, 1999, 2015}) {
    TimeScale s = scale_at(3000.0, year, 1, 1, 2.5);  // three years over 3000 px
    TickSet ts;
    generate_ticks(s, 0.0, 3000.0, TextWidth(7.0f), TickStyle{}, ts);
    REQUIRE(ts.major.unit == TickUnit::Month);
    REQUIRE(ts.major.step == 1);
    const Tick* prev = nullptr;
    int feb = 0;
    for (const Tick& t : ts.ticks) {
      if (!t.major) continue;
      const Civil c = civil(t.day);
      CHECK(c.d == 1);
      CHECK(t.x == doctest::Approx(s.x(static_cast<double>(t.day))));
      if (prev) {
        const Civil p = civil(prev->day);
        CHECK(t.day - prev->day == days_in_month(p.y, p.m));
        if (p.m == 2) {
          ++feb;
          const bool leap = p.y == 2000 || p.y == 2016;
          CHECK(t.day - prev->day == (leap ? 29 : 28));
        }
        CHECK((c.m == p.m + 1 || (c.m == 1 && p.m == 12 && c.y == p.y + 1)));
      }
      prev = &t;
    }
    CHECK(feb >= 2);
  }
}

TEST_CASE("ticks: day ticks through February 2016, 1900 and 2000") {
  struct Case {
    int64_t year;
    int last_feb_day;
  };
  for (const Case c : {Case{2016, 29}, Case{1900, 28}, Case{2000, 29}, Case{2015, 28}}) {
    TimeScale s = scale_at(60.0 * 40, c.year, 1, 25, 60.0);  // 25 Jan .. 5 Mar
    TickSet ts;
    generate_ticks(s, 0.0, s.width_px, TextWidth(6.0f), TickStyle{}, ts);
    REQUIRE(ts.major.unit == TickUnit::Day);
    REQUIRE(ts.major.step == 1);
    int feb_days = 0;
    int64_t prev = 0;
    bool first = true;
    for (const Tick& t : ts.ticks) {
      const Civil d = civil(t.day);
      if (!first) CHECK(t.day == prev + 1);  // every day, no gap, no repeat
      first = false;
      prev = t.day;
      if (d.m == 2) {
        ++feb_days;
        CHECK(d.d <= c.last_feb_day);
      }
      if (d.m == 3 && d.d == 1) CHECK(std::string(t.label) == "1 Mar");
      if (d.m == 2 && d.d == 12) CHECK(std::string(t.label) == "12 Feb");
    }
    INFO("year ", c.year);
    CHECK(feb_days == c.last_feb_day);
  }
}

TEST_CASE("ticks: multi-day levels restart each month and keep month ends apart") {
  // The 10-day level: 1, 11, 21 in every month (February's 21st is kept, 8 days from
  // 1 March); the 5-day level drops the 31st and February's 26th.
  TimeScale s = scale_at(4000.0, 2015, 1, 1, 8.0);
  TickSet ts;
  generate_ticks(s, 0.0, 4000.0, TextWidth(7.0f), TickStyle{}, ts);
  REQUIRE(ts.major.unit == TickUnit::Day);
  REQUIRE(ts.major.step == 10);
  int64_t prev = -1;
  for (const Tick& t : ts.ticks) {
    if (!t.major) continue;
    const Civil c = civil(t.day);
    CHECK((c.d == 1 || c.d == 11 || c.d == 21));
    if (prev >= 0) CHECK(t.day - prev >= min_tick_gap_days(ts.major));
    prev = t.day;
  }
  CHECK(min_tick_gap_days({TickUnit::Day, 10}) == 7.0);
  CHECK(min_tick_gap_days({TickUnit::Day, 5}) == 4.0);

  TimeScale s5 = scale_at(6000.0, 2015, 1, 1, 15.0);
  TickSet t5;
  generate_ticks(s5, 0.0, 6000.0, TextWidth(7.0f), TickStyle{}, t5);
  REQUIRE(t5.major.step == 5);
  for (const Tick& t : t5.ticks) {
    if (!t.major) continue;
    const Civil c = civil(t.day);
    CHECK(c.d != 31);
    if (c.m == 2) CHECK(c.d != 26);
  }
}

TEST_CASE("ticks: year and decade boundaries") {
  // Years: every tick is 1 January, one a year.
  TimeScale y = scale_at(2000.0, 1995, 1, 1, 0.15);
  TickSet ys;
  generate_ticks(y, 0.0, 2000.0, TextWidth(7.0f), TickStyle{}, ys);
  REQUIRE(ys.major.unit == TickUnit::Year);
  REQUIRE(ys.major.step == 1);
  int64_t prev_year = 0;
  bool first = true;
  for (const Tick& t : ys.ticks) {
    if (!t.major) continue;
    const Civil c = civil(t.day);
    CHECK(c.m == 1);
    CHECK(c.d == 1);
    CHECK(std::string(t.label) == std::to_string(c.y));
    CHECK(t.boundary == (c.y % 10 == 0 ? 3 : 2));
    if (!first) CHECK(c.y == prev_year + 1);
    first = false;
    prev_year = c.y;
  }
  // Decades across year 0: ticks on multiples of ten, BC written as such.
  TimeScale d = scale_at(1000.0, -100, 1, 1, 0.015);
  TickSet ds;
  generate_ticks(d, 0.0, 1000.0, TextWidth(7.0f), TickStyle{}, ds);
  REQUIRE(ds.major.unit == TickUnit::Year);
  REQUIRE(ds.major.step == 10);
  bool saw_bc = false, saw_zero = false;
  for (const Tick& t : ds.ticks) {
    if (!t.major) continue;
    const Civil c = civil(t.day);
    CHECK(c.m == 1);
    CHECK(c.d == 1);
    CHECK(((c.y % 10) + 10) % 10 == 0);
    if (c.y < 0) {
      saw_bc = true;
      CHECK(std::string(t.label) == std::to_string(1 - c.y) + " BC");
    }
    if (c.y == 0) {
      saw_zero = true;
      CHECK(std::string(t.label) == "1 BC");
    }
  }
  CHECK(saw_bc);
  CHECK(saw_zero);
}

// ---------------------------------------------------------------------------------
// 5. Minor ticks, context, buffers
// ---------------------------------------------------------------------------------
TEST_CASE("ticks: minor ticks nest the majors and are not too dense") {
  const TickStyle style;
  TimeScale s = scale_at(1500.0, 2010, 3, 3, 1.0);
  const double lo = s.min_px_per_day(), hi = s.max_px_per_day();
  for (int i = 0; i <= 50; ++i) {
    s.px_per_day = lo * std::pow(hi / lo, i / 50.0);
    TickSet ts;
    generate_ticks(s, 0.0, 1500.0, TextWidth(7.0f), style, ts);
    INFO("ppd ", s.px_per_day);
    if (!ts.has_minor) continue;
    CHECK(min_tick_gap_days(ts.minor) * s.px_per_day >= style.minor_min_px);
    // Consecutive ticks (minor or major) are at least the minor level's gap apart.
    for (size_t k = 1; k < ts.ticks.size(); ++k)
      CHECK(ts.ticks[k].day - ts.ticks[k - 1].day >= min_tick_gap_days(ts.minor));
    // Majors are on whole-unit boundaries of their level.
    for (const Tick& t : ts.ticks) {
      if (!t.major) continue;
      const Civil c = civil(t.day);
      if (ts.major.unit == TickUnit::Year) CHECK((c.m == 1 && c.d == 1));
      if (ts.major.unit == TickUnit::Month) CHECK(c.d == 1);
    }
  }
}

TEST_CASE("ticks: the context names the period at the left edge") {
  TickSet ts;
  TimeScale days = scale_at(800.0, 2015, 7, 12, 40.0);
  generate_ticks(days, 0.0, 800.0, TextWidth(7.0f), TickStyle{}, ts);
  CHECK(ts.major.unit == TickUnit::Day);
  CHECK(std::string(ts.context_text()) == "Jul 2015");
  CHECK(ts.context_w == doctest::Approx(7.0f * 8));
  TimeScale months = scale_at(800.0, 2015, 7, 12, 2.0);
  generate_ticks(months, 0.0, 800.0, TextWidth(7.0f), TickStyle{}, ts);
  CHECK(ts.major.unit == TickUnit::Month);
  CHECK(std::string(ts.context_text()) == "2015");
  TimeScale years = scale_at(800.0, 2015, 7, 12, 0.2);
  generate_ticks(years, 0.0, 800.0, TextWidth(7.0f), TickStyle{}, ts);
  CHECK(ts.major.unit == TickUnit::Year);
  CHECK(ts.context_text().empty());
}

TEST_CASE("ticks: a sub-range of the pane, and the buffer is reused") {
  TimeScale s = scale_at(1200.0, 2015, 1, 1, 2.0);
  TickSet ts;
  generate_ticks(s, 200.0, 700.0, TextWidth(7.0f), TickStyle{}, ts);
  REQUIRE(!ts.ticks.empty());
  for (const Tick& t : ts.ticks) {
    CHECK(t.x >= 200.0f);
    CHECK(t.x <= 700.0f);
  }
  generate_ticks(s, 0.0, 1200.0, TextWidth(7.0f), TickStyle{}, ts);
  const Tick* data = ts.ticks.data();
  const size_t cap = ts.ticks.capacity();
  for (int i = 0; i < 50; ++i) {
    s.pan(3.0);
    generate_ticks(s, 0.0, 1200.0, TextWidth(7.0f), TickStyle{}, ts);
    if (ts.ticks.size() > cap) break;  // a frame needing more may grow it once
    CHECK(ts.ticks.data() == data);
    CHECK(ts.ticks.capacity() == cap);
  }
  // A callable with state works through TextWidth and is called for every label.
  int calls = 0;
  auto counting = [&calls](std::string_view v) {
    ++calls;
    return 7.0f * static_cast<float>(v.size());
  };
  generate_ticks(s, 0.0, 1200.0, counting, TickStyle{}, ts);
  CHECK(calls > 0);
}
