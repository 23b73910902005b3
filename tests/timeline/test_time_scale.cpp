// test_time_scale.cpp — the timeline camera (src/timeline/time_scale.hpp): day <-> x at
// every zoom, zoom about a point, pan, fit, the zoom and pan limits, today's day number.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/date_edtf.hpp"
#include "timeline/time_scale.hpp"

using atlas::edtf::days_from_civil;
using atlas::timeline::day_from_unix_seconds;
using atlas::timeline::TimeScale;

namespace {

TimeScale make_scale(double width, double origin, double ppd) {
  TimeScale s;
  s.width_px = width;
  s.origin_day = origin;
  s.px_per_day = ppd;
  s.clamp();
  return s;
}

// Zoom levels from the outermost to the innermost, log-spaced.
template <class F>
void for_each_zoom(double width, F&& f) {
  TimeScale probe = make_scale(width, 0.0, 1.0);
  const double lo = probe.min_px_per_day();
  const double hi = probe.max_px_per_day();
  const int steps = 40;
  for (int i = 0; i <= steps; ++i) f(lo * std::pow(hi / lo, static_cast<double>(i) / steps));
}

}  // namespace

TEST_CASE("time scale: day <-> x at every zoom level, round trip") {
  const double origins[] = {0.0, static_cast<double>(days_from_civil(2015, 7, 1)),
                            static_cast<double>(days_from_civil(-50, 3, 15)),
                            static_cast<double>(days_from_civil(1900, 2, 28)),
                            static_cast<double>(days_from_civil(170000, 1, 1)) + 0.25};
  for (double origin : origins) {
    for_each_zoom(1280.0, [&](double ppd) {
      const TimeScale s = make_scale(1280.0, origin, ppd);
      INFO("origin ", origin, " ppd ", ppd);
      CHECK(s.px_per_day == doctest::Approx(ppd));
      CHECK(s.x(s.origin_day) == doctest::Approx(0.0));
      CHECK(s.x(s.origin_day + 1.0) == doctest::Approx(s.px_per_day));
      CHECK(s.day_at(0.0) == s.origin_day);
      // Within a micro-pixel, even at year 170000 where a double's step is ~1e-8 days.
      for (double x : {0.0, 1.0, 333.3, 640.0, 1279.5, -200.0, 5000.0}) {
        const double d = s.day_at(x);
        CHECK(std::abs(s.x(d) - x) < 1e-6);
      }
      // Adjacent whole days share an edge: x(d + 1) - x(d) is exactly one day's width.
      const double d = std::floor(s.day_at(640.0));
      CHECK(s.x(d + 1.0) - s.x(d) == doctest::Approx(s.px_per_day));
      CHECK(s.end_visible_day() == doctest::Approx(s.origin_day + 1280.0 / s.px_per_day));
    });
  }
}

TEST_CASE("time scale: zoom about a point keeps that point fixed") {
  TimeScale s = make_scale(1000.0, static_cast<double>(days_from_civil(2010, 1, 1)), 0.5);
  for (double x : {0.0, 137.0, 500.0, 999.0}) {
    for (double factor : {1.2, 1.0 / 1.2, 2.0, 0.5, 1.0001, 3.7}) {
      const double before = s.day_at(x);
      s.zoom_about(x, factor);
      INFO("x ", x, " factor ", factor);
      CHECK(s.day_at(x) == doctest::Approx(before).epsilon(1e-12));
    }
  }
  // The same holds when the factor runs into a limit: the clamped zoom is about x too.
  const double before = s.day_at(250.0);
  s.zoom_about(250.0, 1e9);
  CHECK(s.px_per_day == TimeScale::kMaxPxPerDay);
  CHECK(s.day_at(250.0) == doctest::Approx(before).epsilon(1e-12));
  const double before2 = s.day_at(900.0);
  s.zoom_about(900.0, 1e-9);
  CHECK(s.px_per_day == doctest::Approx(s.min_px_per_day()));
  CHECK(s.day_at(900.0) == doctest::Approx(before2).epsilon(1e-12));
}

TEST_CASE("time scale: a wheel sweep in and back out returns to the start") {
  TimeScale s = make_scale(800.0, static_cast<double>(days_from_civil(2014, 1, 1)), 0.2);
  const TimeScale start = s;
  for (int i = 0; i < 10; ++i) s.zoom_about(311.0, std::pow(1.2, 1.0));
  for (int i = 0; i < 10; ++i) s.zoom_about(311.0, std::pow(1.2, -1.0));
  CHECK(s.px_per_day == doctest::Approx(start.px_per_day));
  CHECK(s.origin_day == doctest::Approx(start.origin_day));
}

TEST_CASE("time scale: pan moves the content with the pointer") {
  TimeScale s = make_scale(800.0, 1000.0, 2.0);
  const double under = s.day_at(100.0);
  s.pan(50.0);  // drag right by 50 px: what was at 100 is now at 150
  CHECK(s.day_at(150.0) == doctest::Approx(under));
  s.pan(-50.0);
  CHECK(s.origin_day == doctest::Approx(1000.0));
  s.pan(std::numeric_limits<double>::quiet_NaN());
  CHECK(s.origin_day == doctest::Approx(1000.0));
}

TEST_CASE("time scale: fit shows the range between the margins") {
  TimeScale s = make_scale(1200.0, 0.0, 1.0);
  const int64_t first = days_from_civil(2013, 1, 1);
  const int64_t last = days_from_civil(2018, 5, 31);
  s.fit(first, last, 40.0);
  CHECK(s.x(static_cast<double>(first)) == doctest::Approx(40.0));
  CHECK(s.x(static_cast<double>(last) + 1.0) == doctest::Approx(1160.0));
  // Reversed arguments mean the same range.
  TimeScale r = make_scale(1200.0, 0.0, 1.0);
  r.fit(last, first, 40.0);
  CHECK(r.origin_day == doctest::Approx(s.origin_day));
  CHECK(r.px_per_day == doctest::Approx(s.px_per_day));

  // One day cannot fill the pane (60 px/day at most): centred instead.
  s.fit(first, first, 40.0);
  CHECK(s.px_per_day == TimeScale::kMaxPxPerDay);
  CHECK(s.x(static_cast<double>(first) + 0.5) == doctest::Approx(600.0));

  // A thousand years is beyond the outermost zoom: centred at 300 years over the width.
  const int64_t a = days_from_civil(1000, 1, 1);
  const int64_t b = days_from_civil(1999, 12, 31);
  s.fit(a, b, 40.0);
  CHECK(s.px_per_day == doctest::Approx(1200.0 / (300.0 * TimeScale::kDaysPerYear)));
  CHECK(s.x(0.5 * (static_cast<double>(a) + static_cast<double>(b) + 1.0)) ==
        doctest::Approx(600.0));

  // show() takes fractional days, e.g. a merged box the user clicked.
  s.show(100.25, 130.75, 0.0);
  CHECK(std::abs(s.x(100.25)) < 1e-9);
  CHECK(s.x(130.75) == doctest::Approx(1200.0));
}

TEST_CASE("time scale: zoom limits, 300 years over the width to 60 px a day") {
  for (double width : {320.0, 1000.0, 2560.0}) {
    TimeScale s = make_scale(width, 0.0, 1.0);
    for (int i = 0; i < 200; ++i) s.zoom_about(width / 2, 0.5);
    INFO("width ", width);
    CHECK(s.px_per_day == doctest::Approx(width / (300.0 * 365.2425)));
    CHECK(s.end_visible_day() - s.first_visible_day() == doctest::Approx(300.0 * 365.2425));
    CHECK(s.at_min_zoom());
    for (int i = 0; i < 200; ++i) s.zoom_about(width / 3, 2.0);
    CHECK(s.px_per_day == 60.0);
    CHECK(s.at_max_zoom());
  }
  // Factors that mean nothing leave the camera alone.
  TimeScale s = make_scale(1000.0, 500.0, 3.0);
  s.zoom_about(10.0, 0.0);
  s.zoom_about(10.0, -2.0);
  s.zoom_about(10.0, std::numeric_limits<double>::infinity());
  s.zoom_about(std::numeric_limits<double>::quiet_NaN(), 2.0);
  CHECK(s.px_per_day == 3.0);
  CHECK(s.origin_day == 500.0);

  // Direct writes are clamped about the centre.
  s.px_per_day = 1e6;
  const double centre = s.day_at(500.0);
  s.clamp();
  CHECK(s.px_per_day == 60.0);
  CHECK(s.day_at(500.0) == doctest::Approx(centre));
  s.px_per_day = std::numeric_limits<double>::quiet_NaN();
  s.origin_day = std::numeric_limits<double>::infinity();
  s.clamp();
  CHECK(std::isfinite(s.px_per_day));
  CHECK(std::isfinite(s.origin_day));
}

TEST_CASE("time scale: a narrower pane tightens the outermost zoom; pan stops at the limits") {
  TimeScale s = make_scale(2000.0, 0.0, 1.0);
  for (int i = 0; i < 100; ++i) s.zoom_about(0.0, 0.5);
  const double wide_min = s.px_per_day;
  s.set_width(500.0);
  CHECK(s.px_per_day == doctest::Approx(wide_min));  // still within the limits
  s.set_width(4000.0);                               // now 300 years need more px per day
  CHECK(s.px_per_day == doctest::Approx(4000.0 / (300.0 * 365.2425)));
  s.set_width(0.0);
  CHECK(s.width_px == 1.0);

  TimeScale p = make_scale(1000.0, 0.0, 1.0);
  p.pan(1e18);
  CHECK(p.first_visible_day() == TimeScale::kMinDay);
  p.pan(-1e18);
  CHECK(p.end_visible_day() == doctest::Approx(TimeScale::kMaxDay));
  // The limits lie beyond every year EDTF allows.
  CHECK(TimeScale::kMinDay < static_cast<double>(days_from_civil(-999999999, 1, 1)));
  CHECK(TimeScale::kMaxDay > static_cast<double>(days_from_civil(999999999, 12, 31)));
}

TEST_CASE("time scale: today's day number from Unix time, floored") {
  CHECK(day_from_unix_seconds(0) == 0);
  CHECK(day_from_unix_seconds(86399) == 0);
  CHECK(day_from_unix_seconds(86400) == 1);
  CHECK(day_from_unix_seconds(-1) == -1);
  CHECK(day_from_unix_seconds(-86400) == -1);
  CHECK(day_from_unix_seconds(-86401) == -2);
  CHECK(day_from_unix_seconds(1709164800) == days_from_civil(2024, 2, 29));  // 00:00Z
  CHECK(day_from_unix_seconds(1709251199) == days_from_civil(2024, 2, 29));  // 23:59:59Z
}
