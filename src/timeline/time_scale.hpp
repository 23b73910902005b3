// time_scale.hpp — the timeline's horizontal camera: which day sits at which pixel, and
// how wheel, pinch, buttons, drag and "fit" move it. Pure math, no UI.
//
// Index
//   1. Day space conventions
//   2. TimeScale
//   3. Today
//
// 1. Day space. A day number d (int64 days since 1970-01-01, atlas::edtf) names the whole
// calendar day [d, d + 1) on a continuous axis of fractional days. So a date that covers
// days e..l inclusive (edtf earliest/latest) is drawn from x(e) to x(l + 1): "2015-07"
// spans exactly July, a single day is one day wide, and adjacent months touch without a
// gap or an overlap. Every other file of src/timeline uses the same convention.
//
// Why doubles: a double holds every day number of |year| <= 1e9 exactly (they stay below
// 2^53), and the view's pixels come out with sub-pixel precision at any zoom. Pixels are
// pane-local: x = 0 is the left edge of the timeline pane; the UI adds the pane's screen
// position when it draws.
#pragma once

#include <cstdint>

namespace atlas::timeline {

// ---------------------------------------------------------------------------------
// 2. TimeScale
// ---------------------------------------------------------------------------------
// A plain struct: the UI may read every field and keep it in its view state; writes go
// through the methods, which keep the zoom and pan limits (call clamp() after writing
// fields directly).
//
// Zoom limits, why these two: at 60 px per day a day is wide enough for "28 Sep" in a
// projector-sized font, and nothing in the data is finer than a day; 300 years over the
// pane's width keeps the whole initiative (and any sane dataset) within one fit while
// stopping a runaway wheel from zooming into a single pixel of a million years.
struct TimeScale {
  static constexpr double kMaxPxPerDay = 60.0;
  static constexpr double kMaxVisibleYears = 300.0;
  static constexpr double kDaysPerYear = 365.2425;  // Gregorian mean
  // The pan limit, and where the model clamps unbounded ends: beyond every day of the
  // years -1e9..1e9 (edtf::kMaxAbsYear), about +-3.653e11.
  static constexpr double kMinDay = -3.66e11;
  static constexpr double kMaxDay = 3.66e11;

  double origin_day = 0.0;  // the (fractional) day at x = 0
  double px_per_day = 1.0;
  double width_px = 1.0;  // the pane's width; the outermost zoom depends on it

  double x(double day) const { return (day - origin_day) * px_per_day; }
  double day_at(double x_px) const { return origin_day + x_px / px_per_day; }
  double first_visible_day() const { return origin_day; }
  double end_visible_day() const { return day_at(width_px); }  // exclusive

  double min_px_per_day() const { return width_px / (kMaxVisibleYears * kDaysPerYear); }
  double max_px_per_day() const { return kMaxPxPerDay; }
  bool at_min_zoom() const { return px_per_day <= min_px_per_day(); }
  bool at_max_zoom() const { return px_per_day >= kMaxPxPerDay; }

  // A resized pane keeps its left edge's day and its zoom (more or less of the time
  // shows), then the limits apply again.
  void set_width(double width);

  // Multiplies the zoom by `factor` (>1 zooms in) keeping the day under x_px under x_px:
  // the wheel (factor = pow(1.2, wheel_steps)) and a pinch (ratio of finger distances)
  // zoom about the pointer; the +/- buttons zoom about the pane's centre.
  void zoom_about(double x_px, double factor);

  // Moves the content by dx_px (a drag to the right shows earlier days).
  void pan(double dx_px);

  // Shows the days first_day..last_day (inclusive, whole days) between margin_px and
  // width_px - margin_px, centred; as much as the zoom limits allow.
  void fit(int64_t first_day, int64_t last_day, double margin_px);

  // Shows the fractional day range [day0, day1) over the pane (e.g. a merged box the
  // user clicked, or a brush), centred, within the zoom limits.
  void show(double day0, double day1, double margin_px);

  // Enforces the zoom limits (about the pane's centre) and the pan limit.
  void clamp();
};

// ---------------------------------------------------------------------------------
// 3. Today
// ---------------------------------------------------------------------------------
// The day number of a Unix time (seconds since 1970-01-01T00:00Z), flooring negative
// times correctly. The platform reads the clock; the timeline only needs the day.
int64_t day_from_unix_seconds(int64_t seconds);

}  // namespace atlas::timeline
