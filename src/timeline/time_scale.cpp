// time_scale.cpp — the timeline camera's moves and limits (contract in time_scale.hpp).
#include "timeline/time_scale.hpp"

#include <algorithm>
#include <cmath>

namespace atlas::timeline {

namespace {

// The camera must survive whatever the input layer sends (a zero-distance pinch, a
// NaN from a degenerate gesture): a non-finite value resets rather than poisons it.
double finite_or(double v, double fallback) { return std::isfinite(v) ? v : fallback; }

}  // namespace

void TimeScale::set_width(double width) {
  width_px = std::max(finite_or(width, 1.0), 1.0);
  clamp();
}

void TimeScale::zoom_about(double x_px, double factor) {
  if (!std::isfinite(factor) || factor <= 0.0 || !std::isfinite(x_px)) return;
  const double fixed_day = day_at(x_px);
  const double lo = std::min(min_px_per_day(), kMaxPxPerDay);
  px_per_day = std::clamp(px_per_day * factor, lo, kMaxPxPerDay);
  origin_day = fixed_day - x_px / px_per_day;
  clamp();
}

void TimeScale::pan(double dx_px) {
  if (!std::isfinite(dx_px)) return;
  origin_day -= dx_px / px_per_day;
  clamp();
}

void TimeScale::fit(int64_t first_day, int64_t last_day, double margin_px) {
  if (last_day < first_day) std::swap(first_day, last_day);
  show(static_cast<double>(first_day), static_cast<double>(last_day) + 1.0, margin_px);
}

void TimeScale::show(double day0, double day1, double margin_px) {
  if (!std::isfinite(day0) || !std::isfinite(day1)) return;
  if (day1 < day0) std::swap(day0, day1);
  day0 = std::clamp(day0, kMinDay, kMaxDay);
  day1 = std::clamp(day1, kMinDay, kMaxDay);
  const double margin = std::clamp(finite_or(margin_px, 0.0), 0.0, width_px * 0.45);
  const double usable = std::max(width_px - 2.0 * margin, 1.0);
  const double span = std::max(day1 - day0, 1e-9);
  const double lo = std::min(min_px_per_day(), kMaxPxPerDay);
  px_per_day = std::clamp(usable / span, lo, kMaxPxPerDay);
  origin_day = 0.5 * (day0 + day1) - 0.5 * width_px / px_per_day;
  clamp();
}

void TimeScale::clamp() {
  width_px = std::max(finite_or(width_px, 1.0), 1.0);
  origin_day = finite_or(origin_day, 0.0);
  const double lo = std::min(min_px_per_day(), kMaxPxPerDay);
  const double ppd = std::clamp(finite_or(px_per_day, 1.0), lo, kMaxPxPerDay);
  if (ppd != px_per_day) {
    // Zoom limits apply about the centre, so a resize or a direct write does not
    // throw the view sideways.
    const double centre = std::isfinite(px_per_day) && px_per_day > 0.0
                              ? day_at(0.5 * width_px)
                              : origin_day + 0.5 * width_px / ppd;
    px_per_day = ppd;
    origin_day = centre - 0.5 * width_px / px_per_day;
  }
  const double visible_days = width_px / px_per_day;
  origin_day = std::clamp(origin_day, kMinDay, std::max(kMinDay, kMaxDay - visible_days));
}

int64_t day_from_unix_seconds(int64_t seconds) {
  constexpr int64_t kSecondsPerDay = 86400;
  int64_t day = seconds / kSecondsPerDay;
  if (seconds % kSecondsPerDay < 0) --day;  // floor, not truncation, before 1970
  return day;
}

}  // namespace atlas::timeline
