// projection.cpp — Web Mercator, the camera, bounds across the 180° meridian, fly-to.
#include "geo/projection.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace atlas::geo {
namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;

bool finite(Vec2 v) { return std::isfinite(v.x) && std::isfinite(v.y); }
}  // namespace

// ---------------------------------------------------------------------------------
// 1. World coordinates
// ---------------------------------------------------------------------------------
double wrap_x(double x) {
  const double w = x - std::floor(x);
  return w >= 1.0 ? 0.0 : w;  // -1e-17 - floor(-1e-17) rounds to exactly 1
}

double wrap_delta(double a, double b) {
  const double d = b - a;
  return d - std::floor(d + 0.5);
}

Vec2 lonlat_to_world(double lon, double lat) {
  const double phi = std::clamp(lat, -kMaxLatitude, kMaxLatitude) * kDeg;
  const double y = 0.5 - std::log(std::tan(kPi / 4 + phi / 2)) / (2 * kPi);
  return {wrap_x((lon + 180.0) / 360.0), std::clamp(y, 0.0, 1.0)};
}

Vec2 world_to_lonlat(Vec2 w) {
  const double y = std::clamp(w.y, 0.0, 1.0);
  const double lat = std::atan(std::sinh(kPi * (1 - 2 * y))) / kDeg;
  return {wrap_x(w.x) * 360.0 - 180.0, std::clamp(lat, -kMaxLatitude, kMaxLatitude)};
}

// ---------------------------------------------------------------------------------
// 2. Bounds
// ---------------------------------------------------------------------------------
WorldBounds bounds_of(const Vec2* points, std::size_t count) {
  WorldBounds b;
  std::vector<double> xs;
  xs.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (!finite(points[i])) continue;
    xs.push_back(wrap_x(points[i].x));
    b.y0 = std::min(b.y0, points[i].y);
    b.y1 = std::max(b.y1, points[i].y);
  }
  if (xs.empty()) return WorldBounds{};
  std::sort(xs.begin(), xs.end());
  // The widest empty stretch stays outside the box. The stretch across the 180° meridian
  // (from the last x round to the first) wins ties, so a box need not cross it.
  const std::size_t n = xs.size();
  double best_gap = xs[0] + 1.0 - xs[n - 1];
  b.x0 = xs[0];
  b.x1 = xs[n - 1];
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double gap = xs[i + 1] - xs[i];
    if (gap > best_gap) {
      best_gap = gap;
      b.x0 = xs[i + 1];
      b.x1 = xs[i] + 1.0;
    }
  }
  return b;
}

// ---------------------------------------------------------------------------------
// 3. Camera
// ---------------------------------------------------------------------------------
double Camera::scale() const { return kTileSize * std::exp2(zoom); }

Vec2 Camera::world_to_screen(Vec2 w) const {
  const double s = scale();
  return {(w.x - center.x) * s + viewport.x / 2, (w.y - center.y) * s + viewport.y / 2};
}

Vec2 Camera::screen_to_world(Vec2 p) const {
  const double s = scale();
  return {(p.x - viewport.x / 2) / s + center.x, (p.y - viewport.y / 2) / s + center.y};
}

double Camera::nearest_copy(double x) const { return x + std::floor(center.x - x + 0.5); }

void Camera::visible_copies(int& first, int& last, double margin_px) const {
  const double half = (viewport.x / 2 + margin_px) / scale();
  // Clamped so a degenerate camera (zoom far below the limits) cannot ask for millions.
  first = static_cast<int>(std::max(-64.0, std::floor(center.x - half)));
  last = static_cast<int>(std::min(64.0, std::floor(center.x + half)));
}

void Camera::pan(double dx_px, double dy_px) {
  const double s = scale();
  center.x -= dx_px / s;
  center.y -= dy_px / s;
  constrain();
}

void Camera::zoom_about(Vec2 screen, double factor) {
  if (!(factor > 0) || !std::isfinite(factor) || !finite(screen)) return;
  const Vec2 w = screen_to_world(screen);
  zoom = std::clamp(zoom + std::log2(factor), min_zoom, max_zoom);
  const double s = scale();
  center = {w.x - (screen.x - viewport.x / 2) / s, w.y - (screen.y - viewport.y / 2) / s};
  constrain();
}

void Camera::fit(const WorldBounds& b, double margin_px, double max_fit_zoom) {
  const WorldBounds box = b.empty() ? WorldBounds{0, 0, 1, 1} : b;
  const double w = std::max(1.0, viewport.x - 2 * margin_px);
  const double h = std::max(1.0, viewport.y - 2 * margin_px);
  // A point (zero width and height) divides by zero: +inf, then capped by max_fit_zoom.
  const double zx = box.width() > 0 ? std::log2(w / (box.width() * kTileSize)) : INFINITY;
  const double zy = box.height() > 0 ? std::log2(h / (box.height() * kTileSize)) : INFINITY;
  zoom = std::min({zx, zy, max_fit_zoom});
  center = {(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2};
  constrain();
}

void Camera::constrain() {
  if (!std::isfinite(zoom)) zoom = min_zoom;
  zoom = std::clamp(zoom, min_zoom, std::max(min_zoom, max_zoom));
  if (!finite(center)) center = {0.5, 0.5};
  center.x = wrap_x(center.x);
  const double half = viewport.y / 2 / scale();
  center.y = half >= 0.5 ? 0.5 : std::clamp(center.y, half, 1.0 - half);
}

// ---------------------------------------------------------------------------------
// 4. Fly-to
// ---------------------------------------------------------------------------------
FlyTo::FlyTo(const Camera& from, Vec2 to_center, double to_zoom, double rho)
    : from_(from), rho_(rho > 0 && std::isfinite(rho) ? rho : 1.4142135623730951) {
  from_.constrain();
  to_zoom_ =
      std::isfinite(to_zoom) ? std::clamp(to_zoom, from_.min_zoom, from_.max_zoom) : from_.zoom;
  c0_ = from_.center;
  if (!finite(to_center)) to_center = c0_;
  c1_ = {c0_.x + wrap_delta(c0_.x, to_center.x), std::clamp(to_center.y, 0.0, 1.0)};
  const double vw = std::max(1.0, from_.viewport.x);
  w0_ = vw / from_.scale();
  w1_ = vw / (kTileSize * std::exp2(to_zoom_));
  const double dx = c1_.x - c0_.x, dy = c1_.y - c0_.y;
  dist_ = std::sqrt(dx * dx + dy * dy);
  const double rho2 = rho_ * rho_, rho4 = rho2 * rho2;
  if (dist_ < 1e-12) {
    // No pan: a pure zoom at a constant rate in log scale.
    pure_zoom_ = true;
    length_ = std::fabs(std::log(w1_ / w0_)) / rho_;
    return;
  }
  pure_zoom_ = false;
  const double b0 = (w1_ * w1_ - w0_ * w0_ + rho4 * dist_ * dist_) / (2 * w0_ * rho2 * dist_);
  const double b1 = (w1_ * w1_ - w0_ * w0_ - rho4 * dist_ * dist_) / (2 * w1_ * rho2 * dist_);
  r0_ = std::log(std::sqrt(b0 * b0 + 1) - b0);
  const double r1 = std::log(std::sqrt(b1 * b1 + 1) - b1);
  length_ = (r1 - r0_) / rho_;
}

Camera FlyTo::at(double t) const {
  Camera c = from_;
  t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 1.0;
  if (t >= 1.0) {  // exactly the target, whatever rounding the path accumulates
    c.center = c1_;
    c.zoom = to_zoom_;
    c.constrain();
    return c;
  }
  double u, w;  // fraction of the way along the pan; visible world width
  if (pure_zoom_) {
    u = t;
    w = w0_ * std::exp(std::log(w1_ / w0_) * t);
  } else {
    const double s = t * length_;
    const double rho2 = rho_ * rho_;
    u = w0_ / (rho2 * dist_) * (std::cosh(r0_) * std::tanh(rho_ * s + r0_) - std::sinh(r0_));
    w = w0_ * std::cosh(r0_) / std::cosh(rho_ * s + r0_);
  }
  c.center = {c0_.x + u * (c1_.x - c0_.x), c0_.y + u * (c1_.y - c0_.y)};
  c.zoom = std::log2(std::max(1.0, from_.viewport.x) / (w * kTileSize));
  c.constrain();
  return c;
}

double FlyTo::duration_s(double speed, double min_s, double max_s) const {
  const double d = length_ * rho_ / 1.4142135623730951 / (speed > 0 ? speed : 1.0);
  return std::clamp(d, min_s, std::max(min_s, max_s));
}

double ease_in_out(double t) {
  t = std::clamp(t, 0.0, 1.0);
  if (t < 0.5) return 4 * t * t * t;
  const double k = -2 * t + 2;
  return 1 - k * k * k / 2;
}

}  // namespace atlas::geo
