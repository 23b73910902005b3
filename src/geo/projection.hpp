// projection.hpp — Web Mercator, the map camera, fitting and fly-to (pure math, no GL).
//
// Index
//   1. World coordinates: lon/lat <-> world [0,1)², wrapping across the 180° meridian
//   2. Bounds that take the short way round (the Pacific, not across Africa)
//   3. Camera: world <-> screen, pan, zoom about a point, fit, visible world copies
//   4. Fly-to: van Wijk & Nuij's smooth zoom-and-pan path
//
// Conventions. World x runs east from 180°W (0) to 180°E (1) and is periodic: x and x + 1
// are the same place, and the map is drawn as side-by-side copies of the world, so New
// Zealand and Hawaii sit next to each other across the 180° meridian. World y runs south
// from 85.0511°N (0) to 85.0511°S (1): latitudes beyond are clamped (Web Mercator's square
// world). Screen coordinates are pixels from the map pane's top-left corner, y down.
// Zoom is a log2 scale as in web maps: the whole world is 256 * 2^zoom pixels wide.
// Everything is double: at zoom 18 a float's 2^-24 in world units is several pixels.
#pragma once

#include <cstddef>

namespace atlas::geo {

// ---------------------------------------------------------------------------------
// 1. World coordinates
// ---------------------------------------------------------------------------------
struct Vec2 {
  double x = 0, y = 0;
};

inline constexpr double kMaxLatitude = 85.0511287798066;  // atan(sinh(pi)): y = 0 and 1
inline constexpr double kTileSize = 256.0;                // world width in px at zoom 0

// x wrapped into [0, 1); y in [0, 1] with the latitude clamped to ±kMaxLatitude.
Vec2 lonlat_to_world(double lon, double lat);
// lon in [-180, 180), lat in [-kMaxLatitude, kMaxLatitude]; any world copy of x is fine.
Vec2 world_to_lonlat(Vec2 world);

// x - floor(x): the copy of a world x inside [0, 1).
double wrap_x(double x);
// The signed shortest step from a to b along the periodic x axis, in [-0.5, 0.5).
double wrap_delta(double a, double b);

// ---------------------------------------------------------------------------------
// 2. Bounds
// ---------------------------------------------------------------------------------
// A world rectangle. x0 is in [0, 1) and x1 >= x0 may pass 1: a box across the 180°
// meridian is [0.95, 1.05], not [0.05, 0.95]. Empty when x1 < x0.
struct WorldBounds {
  double x0 = 1, y0 = 1, x1 = 0, y1 = 0;
  bool empty() const { return x1 < x0 || y1 < y0; }
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

// The smallest box holding the points, choosing across which side of the world x wraps:
// the largest empty stretch of longitude is left outside. Singapore, New Zealand and Hawaii
// give a box over the Pacific (~98° wide), not one round the back through Africa.
// O(n log n), allocates (it sorts a copy of the x values): for a fit, not per frame.
WorldBounds bounds_of(const Vec2* points, std::size_t count);

// ---------------------------------------------------------------------------------
// 3. Camera
// ---------------------------------------------------------------------------------
struct Camera {
  Vec2 center{0.5, 0.5};    // world point at the middle of the viewport; x kept in [0, 1)
  double zoom = 0;          // the world is 256 * 2^zoom px wide
  Vec2 viewport{800, 600};  // pane size in px
  double min_zoom = 0, max_zoom = 18;

  double scale() const;  // px per world unit (256 * 2^zoom)

  // Literal maps, no wrapping: screen_to_world can return x outside [0, 1) (a neighbouring
  // copy of the world), and world_to_screen draws x where it is, not at its nearest copy.
  Vec2 world_to_screen(Vec2 world) const;
  Vec2 screen_to_world(Vec2 screen) const;

  // The copy of world x (x + k, k whole) nearest the view centre: where a marker at x is
  // drawn when only one copy is wanted.
  double nearest_copy(double x) const;
  // The copies k for which the world shifted by k (x + k) meets the viewport widened by
  // margin_px on each side: k = first .. last. At most three once the world is at least as
  // wide as the viewport; more when zoomed out past that.
  void visible_copies(int& first, int& last, double margin_px = 0) const;

  // Drag by (dx, dy) px: the content follows the pointer.
  void pan(double dx_px, double dy_px);
  // Multiply the scale by `factor` keeping the world point under `screen` where it is
  // (unless a zoom limit or the vertical limit stops it).
  void zoom_about(Vec2 screen, double factor);
  // The view holding `bounds` with margin_px clear on each side, centred on them; a point or
  // a tiny box zooms no closer than max_fit_zoom. Empty bounds show the whole world.
  void fit(const WorldBounds& bounds, double margin_px = 24, double max_fit_zoom = 10);

  // Applies the limits: zoom into [min_zoom, max_zoom]; center.x wrapped into [0, 1);
  // center.y kept so the map covers the viewport vertically when it is tall enough, else
  // centred. pan, zoom_about and fit call it.
  void constrain();
};

// ---------------------------------------------------------------------------------
// 4. Fly-to
// ---------------------------------------------------------------------------------
// The path of "Smooth and efficient zooming and panning" (J. J. van Wijk and W. A. A. Nuij,
// InfoVis 2003), as d3.interpolateZoom: zooms out, pans, zooms in, along the path that
// looks fastest, so far jumps (Singapore -> Auckland) read as one motion and short ones
// stay a plain pan. x takes the short way round the world. The viewport is the start
// camera's; rho trades zooming for panning (sqrt(2) is the paper's choice and d3's).
class FlyTo {
 public:
  FlyTo() = default;
  FlyTo(const Camera& from, Vec2 to_center, double to_zoom, double rho = 1.4142135623730951);

  // The camera at t in [0, 1] (clamped; t = 1 gives exactly the target, constrained). The
  // caller picks the timing: t = ease(elapsed / duration_s()) with ease_in_out below.
  Camera at(double t) const;
  // A duration in seconds proportional to the path's length (d3's choice: S * rho / sqrt 2
  // seconds), scaled by 1/speed and kept within [min_s, max_s].
  double duration_s(double speed = 1.0, double min_s = 0.25, double max_s = 3.0) const;
  double length() const { return length_; }  // S, in the paper's units (>= 0)

 private:
  Camera from_;
  Vec2 c0_, c1_;            // centres; c1_.x is on the short side of c0_.x (may be outside [0, 1))
  double w0_ = 1, w1_ = 1;  // visible world widths (viewport width / scale)
  double rho_ = 1.4142135623730951, r0_ = 0, length_ = 0, dist_ = 0;
  bool pure_zoom_ = true;
  double to_zoom_ = 0;
};

// Smooth ease in and out (cubic): 0 -> 0, 1 -> 1, zero speed at both ends.
double ease_in_out(double t);

}  // namespace atlas::geo
