// test_projection.cpp — Web Mercator, wrapping, bounds across the 180° meridian, the
// camera's pan / zoom / fit, visible world copies and the fly-to path.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "geo/projection.hpp"

using namespace atlas::geo;

namespace {
// A few places the coalition works in (lon, lat).
const Vec2 kSingapore{103.82, 1.35};
const Vec2 kWellington{174.78, -41.29};
const Vec2 kAuckland{174.76, -36.85};
const Vec2 kHonolulu{-157.86, 21.31};
const Vec2 kDakar{-17.47, 14.72};
const Vec2 kNairobi{36.82, -1.29};

Vec2 w(Vec2 lonlat) { return lonlat_to_world(lonlat.x, lonlat.y); }

// Whether a world point (any copy) shows in the camera's viewport, shrunk by inset_px.
bool on_screen(const Camera& c, Vec2 world, double inset_px) {
  const Vec2 s = c.world_to_screen({c.nearest_copy(world.x), world.y});
  return s.x >= inset_px && s.x <= c.viewport.x - inset_px && s.y >= inset_px &&
         s.y <= c.viewport.y - inset_px;
}
}  // namespace

TEST_CASE("projection: known points") {
  const Vec2 o = lonlat_to_world(0, 0);
  CHECK(o.x == doctest::Approx(0.5));
  CHECK(o.y == doctest::Approx(0.5));
  const Vec2 nw = lonlat_to_world(-180, kMaxLatitude);
  CHECK(nw.x == doctest::Approx(0.0));
  CHECK(nw.y == doctest::Approx(0.0).epsilon(1e-12));
  // 180°E is 180°W: the same world x.
  CHECK(lonlat_to_world(180, 0).x == doctest::Approx(0.0));
  // Latitudes past the square world's edge are clamped, not NaN.
  CHECK(lonlat_to_world(0, 90).y == doctest::Approx(0.0).epsilon(1e-12));
  CHECK(lonlat_to_world(0, -90).y == doctest::Approx(1.0));
  // Wellington is south of the equator (y > 0.5) and east of Singapore.
  CHECK(w(kWellington).y > 0.5);
  CHECK(w(kWellington).x > w(kSingapore).x);
}

TEST_CASE("projection: lon/lat -> world -> lon/lat round trip") {
  for (double lat = -85; lat <= 85; lat += 0.5) {
    for (double lon = -180; lon < 180; lon += 0.75) {
      const Vec2 back = world_to_lonlat(lonlat_to_world(lon, lat));
      REQUIRE(back.x == doctest::Approx(lon).epsilon(1e-12).scale(180));
      REQUIRE(back.y == doctest::Approx(lat).epsilon(1e-12).scale(90));
    }
  }
}

TEST_CASE("projection: world -> lon/lat -> world round trip, any copy of x") {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  for (int i = 0; i < 10000; ++i) {
    const Vec2 p{u(rng), u(rng)};
    const int copy = static_cast<int>(i % 5) - 2;
    const Vec2 back =
        lonlat_to_world(world_to_lonlat({p.x + copy, p.y}).x, world_to_lonlat({p.x + copy, p.y}).y);
    REQUIRE(std::fabs(wrap_delta(back.x, p.x)) < 1e-12);
    REQUIRE(back.y == doctest::Approx(p.y).epsilon(1e-10));
  }
}

TEST_CASE("projection: wrap helpers") {
  CHECK(wrap_x(1.25) == doctest::Approx(0.25));
  CHECK(wrap_x(-0.25) == doctest::Approx(0.75));
  CHECK(wrap_x(-1e-17) == 0.0);  // not 1.0: x stays in [0, 1)
  CHECK(wrap_delta(0.95, 0.05) == doctest::Approx(0.1));
  CHECK(wrap_delta(0.05, 0.95) == doctest::Approx(-0.1));
  CHECK(wrap_delta(0.2, 0.4) == doctest::Approx(0.2));
}

TEST_CASE("bounds: New Zealand + Singapore + Hawaii fit round the Pacific") {
  const Vec2 pts[] = {w(kAuckland), w(kSingapore), w(kHonolulu)};
  const WorldBounds b = bounds_of(pts, 3);
  REQUIRE(!b.empty());
  // Singapore (103.8°E) eastwards to Honolulu (157.9°W = 202.1°E): 98.3°, across 180°.
  CHECK(b.width() * 360 == doctest::Approx(360 - 157.86 - 103.82).epsilon(1e-9));
  CHECK(b.x0 == doctest::Approx(w(kSingapore).x));
  CHECK(b.x1 > 1.0);
  for (const Vec2& p : pts) {
    const double x = p.x < b.x0 ? p.x + 1 : p.x;
    CHECK(x >= b.x0 - 1e-12);
    CHECK(x <= b.x1 + 1e-12);
  }

  Camera cam;
  cam.viewport = {1280, 720};
  cam.fit(b, 32);
  // All three on screen, and the view is centred on the Pacific, not on Africa.
  for (const Vec2& p : pts) CHECK(on_screen(cam, p, 31));
  const Vec2 centre = world_to_lonlat(cam.center);
  CHECK((centre.x > 140 || centre.x < -170));
  CHECK(!on_screen(cam, w(kNairobi), 0));
}

TEST_CASE("bounds: points that need no wrap, one point, none") {
  const Vec2 africa[] = {w(kDakar), w(kNairobi)};
  const WorldBounds b = bounds_of(africa, 2);
  CHECK(b.x0 == doctest::Approx(w(kDakar).x));
  CHECK(b.x1 == doctest::Approx(w(kNairobi).x));
  CHECK(b.x1 < 1.0);

  const Vec2 one[] = {w(kSingapore)};
  const WorldBounds p = bounds_of(one, 1);
  CHECK(p.width() == 0);
  Camera cam;
  cam.viewport = {800, 600};
  cam.fit(p, 24, 9);
  CHECK(cam.zoom == doctest::Approx(9));
  CHECK(cam.center.x == doctest::Approx(w(kSingapore).x));

  CHECK(bounds_of(nullptr, 0).empty());
  cam.fit(bounds_of(nullptr, 0), 0);  // the whole world
  CHECK(cam.center.x == doctest::Approx(0.5));
  CHECK(cam.scale() == doctest::Approx(600));  // the world square fits the 600 px height
}

TEST_CASE("camera: world <-> screen are inverse, zoom about a point keeps it fixed") {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  for (int i = 0; i < 2000; ++i) {
    Camera c;
    c.viewport = {300 + 1500 * u(rng), 200 + 1000 * u(rng)};
    c.zoom = 6 + 8 * u(rng);  // deep enough that the vertical limit never moves the view
    c.center = {u(rng), 0.3 + 0.4 * u(rng)};
    const Vec2 s{c.viewport.x * u(rng), c.viewport.y * u(rng)};
    const Vec2 back = c.world_to_screen(c.screen_to_world(s));
    REQUIRE(back.x == doctest::Approx(s.x).epsilon(1e-9));
    REQUIRE(back.y == doctest::Approx(s.y).epsilon(1e-9));

    const Vec2 before = c.screen_to_world(s);
    const double factor = std::exp2(4 * u(rng) - 2);
    c.zoom_about(s, factor);
    const Vec2 after = c.screen_to_world(s);
    // The same place (x up to the copy: the centre is re-wrapped into [0, 1)).
    REQUIRE(std::fabs(wrap_delta(before.x, after.x)) * c.scale() < 1e-6);
    REQUIRE(std::fabs(before.y - after.y) * c.scale() < 1e-6);
  }
}

TEST_CASE("camera: pan follows the pointer, limits hold") {
  Camera c;
  c.viewport = {1000, 800};
  c.zoom = 5;
  c.center = {0.8, 0.55};
  const Vec2 p{300, 200};
  const Vec2 at = c.screen_to_world(p);
  c.pan(40, -25);
  const Vec2 s = c.world_to_screen({c.nearest_copy(at.x), at.y});
  CHECK(s.x == doctest::Approx(340));
  CHECK(s.y == doctest::Approx(175));

  // Panning far east wraps the centre, never leaving [0, 1).
  for (int i = 0; i < 100; ++i) c.pan(-5000, 0);
  CHECK(c.center.x >= 0);
  CHECK(c.center.x < 1);
  // Panning far north stops with the world's top edge at the viewport's top.
  c.pan(0, 1e9);
  CHECK(c.world_to_screen({0, 0}).y == doctest::Approx(0).epsilon(1e-9));
  // Zoomed out until the world is shorter than the viewport: centred vertically.
  c.zoom_about({500, 400}, 1.0 / 1024);
  CHECK(c.zoom == doctest::Approx(c.min_zoom));
  CHECK(c.center.y == doctest::Approx(0.5));
  c.zoom_about({500, 400}, 1e30);
  CHECK(c.zoom == doctest::Approx(c.max_zoom));
  c.zoom_about({500, 400}, 0);  // nonsense factors are ignored
  c.zoom_about({500, 400}, NAN);
  CHECK(c.zoom == doctest::Approx(c.max_zoom));
}

TEST_CASE("camera: visible world copies") {
  Camera c;
  c.viewport = {800, 600};
  c.zoom = 3;  // the world is 2048 px wide
  c.center = {0.5, 0.5};
  int first = 9, last = -9;
  c.visible_copies(first, last);
  CHECK(first == 0);
  CHECK(last == 0);
  c.center = {0.98, 0.5};  // looking across 180°E: the next copy shows on the right
  c.visible_copies(first, last);
  CHECK(first == 0);
  CHECK(last == 1);
  c.center = {0.02, 0.5};
  c.visible_copies(first, last);
  CHECK(first == -1);
  CHECK(last == 0);
  c.zoom = 0;  // a 256 px world in an 800 px viewport: several copies
  c.center = {0.5, 0.5};
  c.visible_copies(first, last);
  CHECK(first == -2);  // 0.5 - 400/256 = -1.06 -> copy -2
  CHECK(last == 2);    // 0.5 + 400/256 = 2.06 -> copy 2
  // Every copy in the range really meets the viewport; the ones beyond do not.
  for (int k = first - 1; k <= last + 1; ++k) {
    const double left = c.world_to_screen({static_cast<double>(k), 0}).x;
    const double right = c.world_to_screen({k + 1.0, 0}).x;
    const bool meets = right > 0 && left < c.viewport.x;
    CHECK(meets == (k >= first && k <= last));
  }
  // nearest_copy puts a point within half a world of the centre.
  c.center = {0.97, 0.5};
  CHECK(c.nearest_copy(0.01) == doctest::Approx(1.01));
  CHECK(c.nearest_copy(0.9) == doctest::Approx(0.9));
}

TEST_CASE("fly-to: ends exactly, moves smoothly, takes the short way round") {
  Camera from;
  from.viewport = {1280, 720};
  from.center = w(kAuckland);
  from.zoom = 7;
  const Vec2 to = w(kHonolulu);
  const FlyTo fly(from, to, 8);
  CHECK(fly.length() > 0);
  CHECK(fly.duration_s() >= 0.25);
  CHECK(fly.duration_s() <= 3.0);

  const Camera start = fly.at(0);
  CHECK(start.center.x == doctest::Approx(from.center.x));
  CHECK(start.zoom == doctest::Approx(from.zoom));
  const Camera end = fly.at(1);
  CHECK(end.center.x == doctest::Approx(to.x));
  CHECK(end.center.y == doctest::Approx(to.y));
  CHECK(end.zoom == doctest::Approx(8));

  // Auckland (x 0.985) to Honolulu (x 0.06): east across 180°, never back over Africa.
  double prev_x = from.center.x, min_zoom_seen = from.zoom;
  for (int i = 1; i <= 200; ++i) {
    const Camera c = fly.at(i / 200.0);
    const double step = std::fabs(wrap_delta(prev_x, c.center.x));
    REQUIRE(step < 0.01);  // continuous
    const double lon = world_to_lonlat(c.center).x;
    REQUIRE((lon > 170 || lon < -150));
    prev_x = c.center.x;
    min_zoom_seen = std::min(min_zoom_seen, c.zoom);
  }
  CHECK(min_zoom_seen < 7);  // it zooms out to travel (van Wijk & Nuij), then back in

  // No pan: a plain zoom, log-linear.
  const FlyTo zoom_only(from, from.center, 9);
  CHECK(zoom_only.at(0.5).zoom == doctest::Approx(8));
  CHECK(zoom_only.at(0.5).center.x == doctest::Approx(from.center.x));
  // Nothing to do: zero length, still a sane duration.
  const FlyTo stay(from, from.center, from.zoom);
  CHECK(stay.length() == doctest::Approx(0));
  CHECK(stay.duration_s() == doctest::Approx(0.25));

  CHECK(ease_in_out(0) == 0);
  CHECK(ease_in_out(1) == 1);
  CHECK(ease_in_out(0.5) == doctest::Approx(0.5));
  CHECK(ease_in_out(0.1) < 0.1);
}
