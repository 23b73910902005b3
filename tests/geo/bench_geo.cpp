// bench_geo.cpp — the map's per-frame cost with 100,000 markers: cluster build time and
// the frame query's median and worst time over a sweep of cameras, plus heap allocations
// during the queries (must be 0). Prints tools/bench's format, one JSON object a line:
//   {"name": "cluster_query_median_us_100k", "value": 12.3, "unit": "us"}
//
//   bench_geo [N] [MAP_ASSET]   (N markers, default 100000; with an asset, its load time)
//
// Two point sets: uniform over the world (many levels differ) and clustered round a few
// hundred cities with repeated places (what a real dataset looks like, only bigger).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <new>
#include <random>
#include <string>
#include <vector>

#include "geo/cluster.hpp"
#include "geo/map_asset.hpp"

namespace {
std::size_t g_allocations = 0;  // counted by the replaced operator new below
}

void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace atlas::geo;
using Clock = std::chrono::steady_clock;

namespace {
double us_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
}

void report(const std::string& name, double value, const char* unit) {
  std::printf("{\"name\": \"%s\", \"value\": %.3f, \"unit\": \"%s\"}\n", name.c_str(), value, unit);
}

std::vector<MarkerPoint> uniform_points(std::size_t n, std::mt19937& rng) {
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<MarkerPoint> pts(n);
  for (std::size_t i = 0; i < n; ++i) {
    pts[i] = {lonlat_to_world(-180 + 360 * u(rng), -70 + 140 * u(rng)),
              static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i)};
  }
  return pts;
}

std::vector<MarkerPoint> city_points(std::size_t n, std::mt19937& rng) {
  std::uniform_real_distribution<double> u(0, 1);
  std::normal_distribution<double> g(0, 1);
  std::vector<Vec2> cities;
  for (int i = 0; i < 300; ++i)
    cities.push_back(lonlat_to_world(60 + 140 * u(rng), -50 + 95 * u(rng)));
  std::vector<MarkerPoint> pts;
  pts.reserve(n);
  std::uint32_t place = 0;
  while (pts.size() < n) {
    if (u(rng) < 0.3 && !pts.empty()) {  // one more event at a known place
      MarkerPoint p = pts[static_cast<std::size_t>(u(rng) * pts.size())];
      p.item = static_cast<std::uint32_t>(pts.size());
      pts.push_back(p);
      continue;
    }
    const Vec2 c = cities[static_cast<std::size_t>(u(rng) * cities.size())];
    const double s = std::exp2(-6 - 10 * u(rng));
    pts.push_back({{wrap_x(c.x + g(rng) * s), std::clamp(c.y + g(rng) * s, 0.0, 1.0)},
                   static_cast<std::uint32_t>(pts.size()),
                   place++});
  }
  return pts;
}

void bench_set(const char* label, const std::vector<MarkerPoint>& pts, std::mt19937& rng) {
  const std::string suffix = std::string("_") + label;
  ClusterIndex idx;
  double best_build = 1e300;
  for (int rep = 0; rep < 3; ++rep) {
    const auto t0 = Clock::now();
    idx.build(pts.data(), pts.size());
    best_build = std::min(best_build, us_since(t0) / 1000);
  }
  report("cluster_build_ms" + suffix, best_build, "ms");
  report("cluster_memory_mb" + suffix, idx.memory_bytes() / 1e6, "MB");
  report("cluster_distinct_levels" + suffix, static_cast<double>(idx.distinct_levels()), "levels");

  // Frames: a 1920 x 1080 view at every zoom from the world to the street, random centres
  // (over the points' region half the time), 30 px margin.
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<VisibleMarker> buf(1 << 16);  // owned by the caller, reused every frame
  std::vector<double> times;
  times.reserve(20000);  // so the loop itself allocates nothing
  std::size_t max_visible = 0, total_visible = 0;
  const std::size_t allocs_before = g_allocations;
  for (int frame = 0; frame < 20000; ++frame) {
    Camera cam;
    cam.viewport = {1920, 1080};
    cam.zoom = 18.0 * u(rng);
    cam.center =
        frame % 2 ? pts[static_cast<std::size_t>(u(rng) * pts.size())].world : Vec2{u(rng), u(rng)};
    cam.constrain();
    const auto t0 = Clock::now();
    const std::size_t n = idx.query(cam, buf.data(), buf.size(), 30);
    times.push_back(us_since(t0));
    max_visible = std::max(max_visible, n);
    total_visible += n;
  }
  const std::size_t allocs = g_allocations - allocs_before;
  std::sort(times.begin(), times.end());
  report("cluster_query_median_us" + suffix, times[times.size() / 2], "us");
  report("cluster_query_p99_us" + suffix, times[times.size() * 99 / 100], "us");
  report("cluster_query_max_us" + suffix, times.back(), "us");
  report("cluster_query_max_visible" + suffix, static_cast<double>(max_visible), "markers");
  report("cluster_query_mean_visible" + suffix, static_cast<double>(total_visible) / times.size(),
         "markers");
  report("cluster_query_heap_allocations" + suffix, static_cast<double>(allocs), "allocs");  // 0

  // Hit testing over a full buffer (the worst frame).
  Camera cam;
  cam.viewport = {1920, 1080};
  cam.zoom = 3;
  cam.constrain();
  const std::size_t n = std::min(buf.size(), idx.query(cam, buf.data(), buf.size(), 30));
  const auto t0 = Clock::now();
  int hits = 0;
  for (int i = 0; i < 1000; ++i) hits += hit_test(buf.data(), n, {960.0 + i % 7, 540.0}) >= 0;
  report("hit_test_us" + suffix, us_since(t0) / 1000, "us");
  if (hits < 0) std::puts("");  // keeps the loop
}
}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  std::mt19937 rng(42);
  const std::string k = std::to_string(n / 1000) + "k";
  bench_set(("uniform_" + k).c_str(), uniform_points(n, rng), rng);
  bench_set(("cities_" + k).c_str(), city_points(n, rng), rng);

  if (argc > 2) {
    std::ifstream f(argv[2], std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(f)), {});
    MapAsset asset;
    std::string error;
    const auto t0 = Clock::now();
    const bool ok = load_map_asset(bytes.data(), bytes.size(), asset, error);
    report("map_asset_load_ms", us_since(t0) / 1000, "ms");
    report("map_asset_bytes", static_cast<double>(bytes.size()), "bytes");
    if (!ok) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return 1;
    }
    // Hover: the country under the pointer, at the fine level, random points.
    std::uniform_real_distribution<double> u(0, 1);
    int land = 0;
    const auto t1 = Clock::now();
    for (int i = 0; i < 10000; ++i)
      land += map_country_at(asset, 1, u(rng), 0.2 + 0.6 * u(rng)) >= 0;
    report("map_country_at_us", us_since(t1) / 10000, "us");
    if (land < 0) std::puts("");
  }
  return 0;
}
