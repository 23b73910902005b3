// test_cluster.cpp — stacking, clustering per zoom (conservation, stacks never split, merge
// radius, the 180° meridian), the frame query against brute force, items and hit testing.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <tuple>
#include <vector>

#include "geo/cluster.hpp"

using namespace atlas::geo;

namespace {
// Points around a few "cities" (so clusters form at every zoom), some exactly repeated
// places (stacks), some scattered, some across the 180° meridian.
std::vector<MarkerPoint> sample_points(std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  std::normal_distribution<double> g(0, 1);
  std::vector<Vec2> cities;
  for (int i = 0; i < 40; ++i) cities.push_back({u(rng), 0.25 + 0.5 * u(rng)});
  cities.push_back({0.9995, 0.6});  // Fiji-like: right at the seam
  std::vector<MarkerPoint> pts;
  std::uint32_t next_place = 0;
  while (pts.size() < n) {
    const double r = u(rng);
    if (r < 0.2 && !pts.empty()) {  // another event at an existing place
      MarkerPoint p = pts[static_cast<std::size_t>(u(rng) * pts.size())];
      p.item = static_cast<std::uint32_t>(pts.size());
      pts.push_back(p);
      continue;
    }
    Vec2 w;
    if (r < 0.85) {
      const Vec2 c = cities[static_cast<std::size_t>(u(rng) * cities.size())];
      const double spread = std::exp2(-4 - 12 * u(rng));
      w = {wrap_x(c.x + g(rng) * spread), std::clamp(c.y + g(rng) * spread, 0.0, 1.0)};
    } else {
      w = {u(rng), u(rng)};
    }
    pts.push_back({w, static_cast<std::uint32_t>(pts.size()), next_place++});
  }
  return pts;
}

ClusterOptions small_options() {
  ClusterOptions o;
  o.radius_px = 40;
  o.min_zoom = 0;
  o.max_zoom = 14;
  return o;
}
}  // namespace

TEST_CASE("cluster: counts are conserved and every item is in exactly one marker per zoom") {
  const auto pts = sample_points(6000, 1);
  ClusterIndex idx;
  idx.build(pts.data(), pts.size(), small_options());
  std::set<std::uint32_t> places;
  for (const auto& p : pts) places.insert(p.place);
  CHECK(idx.item_count() == pts.size());
  CHECK(idx.place_count() == places.size());
  std::size_t prev_size = 0;
  for (int z = idx.min_zoom(); z <= idx.max_zoom() + 1; ++z) {
    std::size_t items = 0, stacks = 0;
    std::vector<int> seen(pts.size(), 0);
    for (std::uint32_t i = 0; i < idx.level_size(z); ++i) {
      const VisibleMarker m = idx.level_marker(z, i);
      items += m.count;
      stacks += m.places;
      const ItemSpan span = idx.items(z, i);
      REQUIRE(span.size == m.count);
      for (std::uint32_t item : span) ++seen[item];
    }
    CHECK(items == pts.size());
    CHECK(stacks == places.size());
    CHECK(std::all_of(seen.begin(), seen.end(), [](int s) { return s == 1; }));
    // Finer zooms never have fewer markers.
    CHECK(idx.level_size(z) >= prev_size);
    prev_size = idx.level_size(z);
  }
  CHECK(idx.level_size(idx.max_zoom() + 1) == places.size());  // the finest: one per place
  CHECK(idx.level_size(idx.min_zoom()) < 200);                 // the world view: few
}

TEST_CASE("cluster: events at one place always stack together") {
  const auto pts = sample_points(4000, 2);
  ClusterIndex idx;
  idx.build(pts.data(), pts.size(), small_options());
  std::map<std::uint32_t, std::uint32_t> place_of;
  for (const auto& p : pts) place_of[p.item] = p.place;
  for (int z = idx.min_zoom(); z <= idx.max_zoom() + 1; ++z) {
    std::map<std::uint32_t, std::uint32_t> node_of_place;
    for (std::uint32_t i = 0; i < idx.level_size(z); ++i) {
      for (std::uint32_t item : idx.items(z, i)) {
        auto [it, fresh] = node_of_place.emplace(place_of[item], i);
        REQUIRE(it->second == i);  // every item of a place in the same marker
        (void)fresh;
      }
    }
  }
  // At the finest level a marker is exactly one place, with the count of its events.
  const int finest = idx.max_zoom() + 1;
  for (std::uint32_t i = 0; i < idx.level_size(finest); ++i) {
    const VisibleMarker m = idx.level_marker(finest, i);
    CHECK(m.places == 1);
    std::set<std::uint32_t> ps;
    for (std::uint32_t item : idx.items(finest, i)) ps.insert(place_of[item]);
    CHECK(ps.size() == 1);
  }
}

TEST_CASE("cluster: two places merge exactly while closer than the radius on screen") {
  // 0.001 world apart: at zoom z that is 0.256 * 2^z px; the 40 px radius is crossed
  // between zoom 7 (32.8 px) and zoom 8 (65.5 px).
  const MarkerPoint pts[] = {{{0.3, 0.4}, 0, 0}, {{0.301, 0.4}, 1, 1}};
  ClusterIndex idx;
  idx.build(pts, 2, small_options());
  for (int z = 0; z <= 7; ++z) CHECK(idx.level_size(z) == 1);
  for (int z = 8; z <= 15; ++z) CHECK(idx.level_size(z) == 2);
  const VisibleMarker top = idx.level_marker(0, 0);
  CHECK(top.world.x == doctest::Approx(0.3005));  // the weighted mean
  CHECK(idx.expansion_zoom(top) == 8);
  CHECK(idx.expansion_zoom(idx.level_marker(9, 0)) == idx.max_zoom() + 1);  // one place
}

TEST_CASE("cluster: merging across the 180° meridian, the cluster stays on the seam") {
  // 179.9°E and 179.9°W: 0.2° apart over the seam, half a world apart in raw x.
  const MarkerPoint pts[] = {
      {{0.99972, 0.6}, 0, 0}, {{0.00028, 0.6}, 1, 1}, {{0.00028, 0.6}, 2, 1}};
  ClusterIndex idx;
  idx.build(pts, 3, small_options());
  REQUIRE(idx.level_size(0) == 1);
  const VisibleMarker m = idx.level_marker(0, 0);
  CHECK(m.count == 3);
  CHECK(m.places == 2);
  CHECK(std::fabs(wrap_delta(m.world.x, 0.0)) < 0.001);  // near x = 0 ≡ 1, not at 0.5
}

TEST_CASE("cluster: the frame query returns exactly the markers in view (brute force)") {
  const auto pts = sample_points(20000, 3);
  ClusterIndex idx;
  idx.build(pts.data(), pts.size(), small_options());
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<VisibleMarker> buf(1 << 16);
  for (int trial = 0; trial < 400; ++trial) {
    Camera cam;
    cam.viewport = {200 + 1800 * u(rng), 200 + 1000 * u(rng)};
    cam.zoom = -1 + 17 * u(rng);  // includes zoomed-out views with several world copies
    cam.min_zoom = -1;
    cam.center = {u(rng), u(rng)};
    if (trial % 4 == 0) cam.center.x = 0.999 + 0.002 * u(rng);  // on the seam
    cam.constrain();
    const double margin = trial % 2 ? 0 : 30;
    const std::size_t n = idx.query(cam, buf.data(), buf.size(), margin);
    REQUIRE(n <= buf.size());

    const int level = idx.level_for_zoom(cam.zoom);
    std::set<std::tuple<std::uint32_t, long>> got;  // (node, copy)
    for (std::size_t i = 0; i < n; ++i) {
      const VisibleMarker& m = buf[i];
      REQUIRE(m.level == level);
      const long copy = std::lround(std::floor(m.world.x));
      REQUIRE(got.emplace(m.node, copy).second);  // no duplicates
      const Vec2 s = cam.world_to_screen(m.world);
      REQUIRE(m.screen.x == doctest::Approx(s.x));
      // Inside the widened viewport (a hair of tolerance for the edge).
      REQUIRE(s.x >= -margin - 1e-6);
      REQUIRE(s.x <= cam.viewport.x + margin + 1e-6);
      REQUIRE(s.y >= -margin - 1e-6);
      REQUIRE(s.y <= cam.viewport.y + margin + 1e-6);
    }
    // Everything clearly inside was found, in every world copy.
    std::size_t expected = 0;
    for (std::uint32_t i = 0; i < idx.level_size(level); ++i) {
      const VisibleMarker m = idx.level_marker(level, i);
      for (long k = -20; k <= 20; ++k) {  // zoom >= -1: the world is >= 128 px wide
        const Vec2 s = cam.world_to_screen({m.world.x + k, m.world.y});
        if (s.x > -margin + 1e-6 && s.x < cam.viewport.x + margin - 1e-6 && s.y > -margin + 1e-6 &&
            s.y < cam.viewport.y + margin - 1e-6) {
          ++expected;
          REQUIRE(got.count({i, k}) == 1);
        }
      }
    }
    CHECK(n >= expected);
  }
}

TEST_CASE("cluster: a small buffer is never overrun and the total is still reported") {
  const auto pts = sample_points(3000, 4);
  ClusterIndex idx;
  idx.build(pts.data(), pts.size(), small_options());
  Camera cam;
  cam.viewport = {1600, 1000};
  cam.zoom = 2;
  cam.constrain();
  std::vector<VisibleMarker> big(10000);
  const std::size_t total = idx.query(cam, big.data(), big.size());
  REQUIRE(total > 5);
  std::vector<VisibleMarker> small(6);
  small[5].count = 12345;  // a guard: capacity 5 must not touch it
  CHECK(idx.query(cam, small.data(), 5) == total);
  CHECK(small[5].count == 12345);
  CHECK(idx.query(cam, nullptr, 0) == total);
}

TEST_CASE("cluster: empty input, invalid points, odd options") {
  ClusterIndex idx;
  idx.build(nullptr, 0);
  Camera cam;
  VisibleMarker m[4];
  CHECK(idx.query(cam, m, 4) == 0);
  CHECK(idx.item_count() == 0);
  const MarkerPoint bad[] = {{{NAN, 0.5}, 0, 0}, {{0.5, INFINITY}, 1, 1}, {{0.5, 0.5}, 2, 2}};
  ClusterOptions o;
  o.radius_px = -3;  // falls back to the default
  o.min_zoom = 5;
  o.max_zoom = 2;  // raised to min_zoom
  idx.build(bad, 3, o);
  CHECK(idx.item_count() == 1);
  CHECK(idx.level_for_zoom(0) == 5);
  CHECK(idx.level_for_zoom(100) == 6);
  CHECK(idx.level_for_zoom(NAN) == 5);
  CHECK(idx.items(99, 0).size == 0);  // unknown level: nothing, no crash
  CHECK(idx.items(5, 99).size == 0);
}

TEST_CASE("cluster: large worlds of points share unchanged levels") {
  const auto pts = sample_points(20000, 6);
  ClusterIndex idx;
  ClusterOptions o = small_options();
  o.max_zoom = 22;
  idx.build(pts.data(), pts.size(), o);
  // Deep zooms where nothing merges any more are stored once.
  CHECK(idx.distinct_levels() < 24);
  CHECK(idx.memory_bytes() > 0);
}

TEST_CASE("hit testing: the nearest marker under the point, with slop") {
  VisibleMarker ms[3] = {};
  ms[0].screen = {100, 100};
  ms[0].count = 1;  // radius 7
  ms[1].screen = {110, 100};
  ms[1].count = 1000;  // radius 7 + 15 = 22
  ms[2].screen = {400, 300};
  ms[2].count = 1;
  MarkerStyle style;
  CHECK(marker_radius(1, style) == doctest::Approx(7));
  CHECK(marker_radius(1000, style) == doctest::Approx(22));
  CHECK(marker_radius(4000000000u, style) == doctest::Approx(26));  // capped
  CHECK(hit_test(ms, 3, {101, 100}, style) == 0);  // inside both: the nearer centre
  CHECK(hit_test(ms, 3, {108, 100}, style) == 1);
  CHECK(hit_test(ms, 3, {128, 100}, style) == 1);  // only the big one reaches
  CHECK(hit_test(ms, 3, {400, 309}, style) == -1);
  CHECK(hit_test(ms, 3, {400, 309}, style, 4) == 2);  // touch slop
  CHECK(hit_test(ms, 3, {700, 700}, style) == -1);
  CHECK(hit_test(ms, 0, {100, 100}, style) == -1);
}

TEST_CASE("hit testing: against the query's own output") {
  const auto pts = sample_points(5000, 8);
  ClusterIndex idx;
  idx.build(pts.data(), pts.size(), small_options());
  Camera cam;
  cam.viewport = {1200, 800};
  cam.zoom = 5;
  cam.center = {0.5, 0.5};
  cam.constrain();
  std::vector<VisibleMarker> buf(4096);
  const std::size_t n = std::min(buf.size(), idx.query(cam, buf.data(), buf.size(), 26));
  for (std::size_t i = 0; i < n; ++i) {
    // A click on a marker's centre finds that marker (or one drawn exactly on top of it).
    const int h = hit_test(buf.data(), n, buf[i].screen);
    REQUIRE(h >= 0);
    CHECK(buf[static_cast<std::size_t>(h)].screen.x == doctest::Approx(buf[i].screen.x));
    CHECK(buf[static_cast<std::size_t>(h)].screen.y == doctest::Approx(buf[i].screen.y));
  }
}
