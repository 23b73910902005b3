// test_lanes.cpp — lanes, rows and the per-frame queries (src/timeline/lanes.hpp), each
// against a brute-force answer on random data: row layout, culling, merging, hit testing,
// brush counts, collapse, selection; and a 101,000-item sweep that prints its time.
//
// Index
//   1. Helpers: random items, brute force
//   2. Layout: rows never overlap, points stack, the fewest rows, vertical layout
//   3. Visible: exact culling, merging, uncertain ranges, label room, clipping
//   4. Hit testing
//   5. Brush and playhead counts
//   6. Collapse and selection
//   7. The 101,000-item sweep
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <vector>

#include "core/date_edtf.hpp"
#include "timeline/lanes.hpp"

using atlas::edtf::days_from_civil;
using namespace atlas::timeline;

// ---------------------------------------------------------------------------------
// 1. Helpers
// ---------------------------------------------------------------------------------
namespace {

struct Gen {
  std::mt19937_64 rng;
  explicit Gen(uint64_t seed) : rng(seed) {}
  int64_t uniform(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  }
};

// Events: mostly single days, some whole months and years (imprecise dates); intervals of
// a month to a decade, some open-ended (drawn to "today"). Ids are the indices.
std::vector<TimelineItem> random_items(size_t points, size_t intervals, uint32_t lanes,
                                       int64_t first_day, int64_t span_days, uint64_t seed,
                                       bool single_days = false) {
  Gen g(seed);
  std::vector<TimelineItem> items;
  items.reserve(points + intervals);
  const int64_t today = first_day + span_days;
  for (size_t i = 0; i < points; ++i) {
    TimelineItem it;
    it.id = static_cast<uint32_t>(items.size());
    it.earliest_day = first_day + g.uniform(0, span_days - 1);
    const int64_t kind = single_days ? 9 : g.uniform(0, 9);
    it.latest_day = it.earliest_day + (kind == 0 ? 364 : kind == 1 ? 30 : 0);
    if (kind <= 1) it.flags |= kItemUncertain;
    it.lane = static_cast<uint32_t>(g.uniform(0, lanes - 1));
    items.push_back(it);
  }
  for (size_t i = 0; i < intervals; ++i) {
    TimelineItem it;
    it.id = static_cast<uint32_t>(items.size());
    it.earliest_day = first_day + g.uniform(0, span_days - 1);
    it.flags = kItemInterval;
    if (g.uniform(0, 3) == 0) {
      it.latest_day = today;
      it.flags |= kItemOpenEnd;
    } else {
      it.latest_day = it.earliest_day + g.uniform(30, 3650);
    }
    it.lane = static_cast<uint32_t>(g.uniform(0, lanes - 1));
    items.push_back(it);
  }
  return items;
}

bool meets(const TimelineItem& it, double day0, double day1) {
  return static_cast<double>(it.earliest_day)<day1&& static_cast<double>(it.latest_day) + 1.0> day0;
}

ViewWindow whole(const TimelineModel& m, double width) {
  return ViewWindow{0.0, width, 0.0f, m.content_height() + 1.0f};
}

TimeScale scale_over(double width, double origin, double ppd) {
  TimeScale s;
  s.width_px = width;
  s.origin_day = origin;
  s.px_per_day = ppd;
  s.clamp();
  return s;
}

// The span of `vis` that draws the item, or nullptr; checks it is the only one.
const Span* span_of(const TimelineModel& m, const VisibleSet& vis, uint32_t id) {
  TimelineModel::Location loc;
  if (!m.locate(id, loc)) return nullptr;
  const Span* found = nullptr;
  for (const RowSpans& r : vis.rows) {
    if (r.visual_row != loc.visual_row) continue;
    for (uint32_t k = r.begin; k < r.end; ++k) {
      if (m.span_contains(vis.spans[k], loc)) {
        CHECK(found == nullptr);
        found = &vis.spans[k];
      }
    }
  }
  return found;
}

// The deepest overlap of a lane's items in day space: the fewest rows possible.
std::map<uint32_t, int> max_depth_by_lane(const std::vector<TimelineItem>& items) {
  std::map<uint32_t, std::vector<std::pair<int64_t, int>>> events;
  for (const TimelineItem& it : items) {
    events[it.lane].push_back({it.earliest_day, +1});
    events[it.lane].push_back({it.latest_day + 1, -1});
  }
  std::map<uint32_t, int> depth;
  for (auto& [lane, ev] : events) {
    std::sort(ev.begin(), ev.end());  // an end (-1) before a start (+1) on the same day
    int cur = 0, best = 0;
    for (const auto& e : ev) best = std::max(best, cur += e.second);
    depth[lane] = best;
  }
  return depth;
}

}  // namespace

// ---------------------------------------------------------------------------------
// 2. Layout
// ---------------------------------------------------------------------------------
TEST_CASE("lanes: no two items of a row overlap, and each lane uses the fewest rows") {
  for (uint64_t seed : {1u, 2u, 3u}) {
    const auto items = random_items(3000, 200, 5, days_from_civil(2000, 1, 1), 365 * 20, seed);
    TimelineModel m;
    m.build(items);
    REQUIRE(m.item_count() == items.size());
    std::map<std::pair<uint32_t, uint32_t>, std::vector<std::pair<double, double>>> rows;
    for (const TimelineItem& it : items) {
      TimelineModel::Location loc;
      REQUIRE(m.locate(it.id, loc));
      CHECK(m.lanes()[loc.lane].key == it.lane);
      CHECK(loc.day0 == static_cast<double>(it.earliest_day));
      CHECK(loc.day1 == static_cast<double>(it.latest_day + 1));
      rows[{loc.lane, loc.row}].push_back({loc.day0, loc.day1});
    }
    for (auto& [key, v] : rows) {
      std::sort(v.begin(), v.end());
      for (size_t k = 1; k < v.size(); ++k) CHECK(v[k - 1].second <= v[k].first);
    }
    const auto depth = max_depth_by_lane(items);
    REQUIRE(m.lanes().size() == depth.size());
    for (const Lane& lane : m.lanes())
      CHECK(static_cast<int>(lane.row_count) == depth.at(lane.key));
  }
}

TEST_CASE("lanes: points on the same day stack; simple cases use the fewest rows") {
  const int64_t d = days_from_civil(2015, 7, 12);
  std::vector<TimelineItem> items;
  for (uint32_t i = 0; i < 5; ++i) items.push_back({i, d, d, 0, 0});
  // Lane 1: [1,3] [2,4] [5,6]: two rows; lane 2: a chain that only touches: one row.
  items.push_back({10, 1, 3, 1, kItemInterval});
  items.push_back({11, 2, 4, 1, kItemInterval});
  items.push_back({12, 5, 6, 1, kItemInterval});
  for (uint32_t i = 0; i < 10; ++i) items.push_back({20 + i, i * 10, i * 10 + 9, 2, 0});
  TimelineModel m;
  m.build(items);
  REQUIRE(m.lanes().size() == 3);
  CHECK(m.lanes()[0].row_count == 5);
  CHECK(m.lanes()[1].row_count == 2);
  CHECK(m.lanes()[2].row_count == 1);
  std::set<uint32_t> rows;
  for (uint32_t i = 0; i < 5; ++i) {
    TimelineModel::Location loc;
    REQUIRE(m.locate(i, loc));
    rows.insert(loc.row);
  }
  CHECK(rows.size() == 5);
  // [5,6] goes back to the top row, the lowest one free.
  TimelineModel::Location loc;
  REQUIRE(m.locate(12, loc));
  CHECK(loc.row == 0);

  // A wider footprint (room for labels) stacks items that are days apart.
  TimelineModel wide;
  wide.build({{1, 0, 0, 0, 0}, {2, 3, 3, 0, 0}, {3, 30, 30, 0, 0}}, BuildOptions{10.0, 0.0});
  CHECK(wide.lanes()[0].row_count == 2);
  TimelineModel gap;
  gap.build({{1, 0, 9, 0, 0}, {2, 10, 19, 0, 0}}, BuildOptions{1.0, 1.0});
  CHECK(gap.lanes()[0].row_count == 2);
}

TEST_CASE("lanes: vertical layout, lanes in key order, rows and headers") {
  std::vector<TimelineItem> items = {{1, 0, 10, 30, 0}, {2, 5, 15, 30, 0}, {3, 0, 0, 7, 0}};
  TimelineModel m;
  m.set_metrics(RowMetrics{20.0f, 16.0f, 2.0f, 8.0f});
  m.build(items);
  REQUIRE(m.lanes().size() == 2);
  CHECK(m.lanes()[0].key == 7);
  CHECK(m.lanes()[1].key == 30);
  CHECK(m.lane_index(30) == 1);
  CHECK(m.lane_index(8) == -1);
  // Lane 7: header 0..20, row 20..36; gap 8; lane 30: header 44..64, rows 64..80, 82..98.
  CHECK(m.lanes()[0].rows_y0 == 20.0f);
  CHECK(m.lanes()[0].y1 == 36.0f);
  CHECK(m.lanes()[1].y0 == 44.0f);
  CHECK(m.visual_rows().size() == 3);
  CHECK(m.visual_rows()[2].y0 == 82.0f);
  CHECK(m.content_height() == 98.0f);
  CHECK(m.visual_row_at(10.0f) == -1);  // header
  CHECK(m.visual_row_at(25.0f) == 0);
  CHECK(m.visual_row_at(40.0f) == -1);  // lane gap
  CHECK(m.visual_row_at(81.0f) == -1);  // row gap
  CHECK(m.visual_row_at(90.0f) == 2);
  CHECK(m.visual_row_at(99.0f) == -1);
  CHECK(m.lane_at(50.0f) == 1);
  CHECK(m.lane_at(40.0f) == -1);
}

// ---------------------------------------------------------------------------------
// 3. Visible
// ---------------------------------------------------------------------------------
TEST_CASE("visible: culling returns exactly the items meeting the view (no merging)") {
  const auto items = random_items(5000, 300, 4, days_from_civil(1990, 1, 1), 365 * 30, 7);
  TimelineModel m;
  m.build(items);
  Gen g(99);
  VisibleSet vis;
  for (int trial = 0; trial < 60; ++trial) {
    const double width = 1000.0;
    const double ppd = std::exp(std::uniform_real_distribution<double>(-4.0, 4.0)(g.rng));
    const double origin = static_cast<double>(days_from_civil(1988, 1, 1)) +
                          std::uniform_real_distribution<double>(0.0, 365.0 * 33)(g.rng);
    const TimeScale s = scale_over(width, origin, ppd);
    m.visible(s, whole(m, width), VisitOptions{0.0f, 0.0f}, vis);
    const double d0 = s.day_at(0.0), d1 = s.day_at(width);
    std::multiset<uint32_t> got, want;
    for (const Span& sp : vis.spans) {
      CHECK(sp.count == 1);
      CHECK(sp.first_id == sp.last_id);
      got.insert(sp.first_id);
    }
    for (const TimelineItem& it : items)
      if (meets(it, d0, d1)) want.insert(it.id);
    INFO("trial ", trial, " ppd ", ppd);
    CHECK(got == want);
    CHECK(vis.item_count == want.size());
  }
}

TEST_CASE("visible: 100k random points zoomed out merge into few boxes; counts add up") {
  const int64_t first = days_from_civil(1995, 1, 1);
  const auto items = random_items(100000, 0, 3, first, 365 * 25, 11, true);
  TimelineModel m;
  m.build(items);
  const double width = 1200.0;
  TimeScale s = scale_over(width, 0.0, 1.0);
  int64_t a, b;
  REQUIRE(m.data_range(a, b));
  s.fit(a, b, 20.0);
  s.pan(-150.0);  // part of the data off screen on the left
  VisibleSet vis;
  const VisitOptions opt{3.0f, 3.0f};
  m.visible(s, whole(m, width), opt, vis);
  const double d0 = s.day_at(0.0), d1 = s.day_at(width);
  size_t want = 0;
  for (const TimelineItem& it : items) want += meets(it, d0, d1);
  MESSAGE(want, " visible items drawn as ", vis.spans.size(), " spans in ", vis.rows.size(),
          " rows");
  CHECK(vis.item_count == want);
  uint64_t sum = 0;
  for (const Span& sp : vis.spans) {
    sum += sp.count;
    CHECK(sp.count == sp.end - sp.begin);
    CHECK(sp.x1 - sp.x0 <= static_cast<float>(width));
    if (sp.count > 1) CHECK((sp.span_flags & kSpanMerged));
  }
  CHECK(sum == want);
  CHECK(vis.spans.size() * 20 < want);  // far fewer boxes than items
  // Every visible item is drawn by exactly one span.
  for (size_t k = 0; k < items.size(); k += 97) {
    const Span* sp = span_of(m, vis, items[k].id);
    CHECK((sp != nullptr) == meets(items[k], d0, d1));
  }
  // Spans of a row are disjoint in item positions and ordered.
  for (const RowSpans& r : vis.rows)
    for (uint32_t k = r.begin + 1; k < r.end; ++k)
      CHECK(vis.spans[k - 1].end <= vis.spans[k].begin);
}

TEST_CASE("visible: merging matches a plain item-by-item merge") {
  // The galloping walk must make exactly the runs a naive loop over each row's visible
  // items makes (taken from an unmerged pass: min_px = 0 gives one span per item).
  const auto items = random_items(20000, 100, 2, days_from_civil(2000, 1, 1), 365 * 10, 5);
  TimelineModel m;
  m.build(items);
  Gen g(3);
  VisibleSet merged, plain;
  int merged_spans = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const double ppd = std::exp(std::uniform_real_distribution<double>(-3.0, 2.5)(g.rng));
    const TimeScale s = scale_over(800.0, static_cast<double>(days_from_civil(2003, 1, 1)), ppd);
    const VisitOptions opt{3.0f, trial % 2 ? 4.0f : 1.5f};
    m.visible(s, whole(m, 800.0), opt, merged);
    m.visible(s, whole(m, 800.0), VisitOptions{0.0f, 0.0f}, plain);
    REQUIRE(merged.rows.size() == plain.rows.size());
    for (size_t r = 0; r < plain.rows.size(); ++r) {
      const RowSpans& pr = plain.rows[r];
      const RowSpans& mr = merged.rows[r];
      REQUIRE(pr.visual_row == mr.visual_row);
      uint32_t out = mr.begin;
      for (uint32_t i = pr.begin; i < pr.end;) {
        const auto x = [&](uint32_t k, bool end) {
          return s.x(end ? plain.spans[k].day1 : plain.spans[k].day0);
        };
        double run_end = x(i, true);
        uint32_t j = i + 1;
        if (run_end - x(i, false) < opt.min_px) {
          while (j < pr.end && x(j, true) - x(j, false) < opt.min_px &&
                 x(j, false) - run_end <= opt.merge_gap_px) {
            run_end = x(j, true);
            ++j;
          }
        }
        REQUIRE(out < mr.end);
        const Span& sp = merged.spans[out++];
        INFO("trial ", trial, " row ", pr.visual_row);
        CHECK(sp.count == j - i);
        CHECK(sp.first_id == plain.spans[i].first_id);
        CHECK(sp.last_id == plain.spans[j - 1].first_id);
        CHECK(((sp.span_flags & kSpanMerged) != 0) == (j - i > 1));
        merged_spans += j - i > 1;
        i = j;
      }
      CHECK(out == mr.end);
    }
  }
  CHECK(merged_spans > 100);
}

TEST_CASE("visible: an imprecise date is drawn as its whole range") {
  const auto parsed = atlas::edtf::parse("2015-07");
  REQUIRE(parsed.value);
  const auto year = atlas::edtf::parse("2016?");
  REQUIRE(year.value);
  TimelineModel m;
  m.build({{1, parsed.value->earliest(), parsed.value->latest(), 0, 0},
           {2, year.value->earliest(), year.value->latest(), 1, kItemUncertain}});
  const double jul1 = static_cast<double>(days_from_civil(2015, 7, 1));
  const double aug1 = static_cast<double>(days_from_civil(2015, 8, 1));
  const TimeScale s = scale_over(800.0, jul1 - 100.0, 1.5);  // to September 2016
  VisibleSet vis;
  m.visible(s, whole(m, 800.0), VisitOptions{}, vis);
  REQUIRE(vis.spans.size() == 2);
  CHECK(vis.spans[0].day0 == jul1);
  CHECK(vis.spans[0].day1 == aug1);
  CHECK(vis.spans[0].x0 == doctest::Approx(s.x(jul1)));
  CHECK(vis.spans[0].x1 == doctest::Approx(s.x(aug1)));
  CHECK(vis.spans[0].x1 - vis.spans[0].x0 == doctest::Approx(31 * 1.5));
  CHECK(vis.spans[1].day1 - vis.spans[1].day0 == 366.0);  // 2016 is leap
  CHECK(vis.spans[1].item_flags == kItemUncertain);
  CHECK((vis.spans[1].span_flags & kSpanClippedRight));
}

TEST_CASE("visible: label room never reaches the next span; tiny items get min_px") {
  const auto items = random_items(4000, 100, 3, days_from_civil(2010, 1, 1), 365 * 8, 21);
  TimelineModel m;
  m.build(items);
  VisibleSet vis;
  for (double ppd : {0.05, 0.5, 2.0, 10.0, 50.0}) {
    const TimeScale s = scale_over(900.0, static_cast<double>(days_from_civil(2012, 1, 1)), ppd);
    m.visible(s, ViewWindow{0.0, 900.0, 0.0f, 1e6f}, VisitOptions{4.0f, 4.0f}, vis);
    for (const RowSpans& r : vis.rows) {
      for (uint32_t k = r.begin; k < r.end; ++k) {
        const Span& sp = vis.spans[k];
        CHECK(sp.x0 >= 0.0f);
        CHECK(sp.x1 <= 900.0f);
        const bool clipped = sp.span_flags & (kSpanClippedLeft | kSpanClippedRight);
        if (!clipped && sp.x0 > 2.0f && sp.x1 < 898.0f)
          CHECK(sp.x1 - sp.x0 >= doctest::Approx(4.0f));
        const float next = k + 1 < r.end ? vis.spans[k + 1].x0 : 900.0f;
        CHECK(sp.x0 + sp.label_room <= next + 1e-3f);
        CHECK(sp.label_room >= 0.0f);
      }
    }
  }
}

TEST_CASE("visible: unbounded ends are clamped, clipped and left out of the data range") {
  TimelineModel m;
  m.build({{1, atlas::edtf::kUnboundedPast, 100, 0, kItemOpenStart | kItemInterval},
           {2, 50, atlas::edtf::kUnboundedFuture, 1, kItemInterval},
           {3, 70, 80, 2, 0}});
  int64_t a = 0, b = 0;
  REQUIRE(m.data_range(a, b));
  CHECK(a == 50);
  CHECK(b == 100);
  const TimeScale s = scale_over(500.0, 0.0, 2.0);
  VisibleSet vis;
  m.visible(s, whole(m, 500.0), VisitOptions{}, vis);
  REQUIRE(vis.spans.size() == 3);
  CHECK((vis.spans[0].span_flags & kSpanClippedLeft));
  CHECK(vis.spans[0].x0 == 0.0f);
  CHECK(vis.spans[0].x1 == doctest::Approx(202.0f));
  CHECK((vis.spans[1].span_flags & kSpanClippedRight));
  CHECK(vis.spans[1].x1 == 500.0f);
  CHECK(m.count_intersecting(-1e15, 1e15) == 3);
  TimelineModel empty;
  empty.build({});
  CHECK_FALSE(empty.data_range(a, b));
  CHECK(empty.content_height() == 0.0f);
  empty.visible(s, whole(empty, 500.0), VisitOptions{}, vis);
  CHECK(vis.spans.empty());
}

TEST_CASE("visible: only rows meeting the y window are visited; buffers are reused") {
  const auto items = random_items(2000, 50, 6, days_from_civil(2000, 1, 1), 365 * 5, 4);
  TimelineModel m;
  m.build(items);
  const TimeScale s = scale_over(700.0, static_cast<double>(days_from_civil(2001, 1, 1)), 0.7);
  VisibleSet vis;
  const float y0 = 100.0f, y1 = 260.0f;
  m.visible(s, ViewWindow{0.0, 700.0, y0, y1}, VisitOptions{}, vis);
  REQUIRE(!vis.rows.empty());
  for (const RowSpans& r : vis.rows) {
    const VisualRow& vr = m.visual_rows()[r.visual_row];
    CHECK(vr.y1 > y0);
    CHECK(vr.y0 < y1);
  }
  for (size_t k = 1; k < vis.rows.size(); ++k)
    CHECK(vis.rows[k - 1].visual_row < vis.rows[k].visual_row);

  // Warm up over a sweep, then the same sweep again must not touch the allocator.
  TimeScale sweep = s;
  const auto run = [&] {
    sweep = s;
    for (int i = 0; i < 40; ++i) {
      sweep.zoom_about(350.0, i < 20 ? 0.8 : 1.25);
      sweep.pan(13.0);
      m.visible(sweep, whole(m, 700.0), VisitOptions{}, vis);
    }
  };
  run();
  const Span* spans = vis.spans.data();
  const RowSpans* rows = vis.rows.data();
  run();
  CHECK(vis.spans.data() == spans);
  CHECK(vis.rows.data() == rows);
}

// ---------------------------------------------------------------------------------
// 4. Hit testing
// ---------------------------------------------------------------------------------
TEST_CASE("hit test: the item under a point, headers, gaps, merged boxes") {
  const auto items = random_items(3000, 100, 3, days_from_civil(2010, 1, 1), 365 * 4, 8);
  TimelineModel m;
  m.set_metrics(RowMetrics{18.0f, 16.0f, 2.0f, 8.0f});
  m.build(items);
  // Zoomed in: items are at least 20 px wide, so the point hits exactly one of them.
  const TimeScale s = scale_over(1000.0, static_cast<double>(days_from_civil(2011, 3, 1)), 20.0);
  VisibleSet vis;
  m.visible(s, whole(m, 1000.0), VisitOptions{}, vis);
  const double d0 = s.day_at(0.0), d1 = s.day_at(1000.0);
  int tested = 0;
  for (const TimelineItem& it : items) {
    if (!meets(it, d0, d1)) continue;
    TimelineModel::Location loc;
    REQUIRE(m.locate(it.id, loc));
    const double a = std::max(loc.day0, d0), b = std::min(loc.day1, d1);
    const float x = static_cast<float>(s.x(0.5 * (a + b)));
    const VisualRow& vr = m.visual_rows()[loc.visual_row];
    const float y = 0.5f * (vr.y0 + vr.y1);
    const TimelineModel::Hit h = m.hit_test(vis, x, y, 0.0f);
    INFO("item ", it.id);
    CHECK(h.visual_row == static_cast<int>(loc.visual_row));
    CHECK(h.lane == static_cast<int>(loc.lane));
    CHECK_FALSE(h.header);
    REQUIRE(h.span != nullptr);
    CHECK(h.span->single());
    CHECK(h.span->first_id == it.id);
    ++tested;
  }
  CHECK(tested > 50);

  // A header, a row gap, and empty space far right of the last item of a row.
  const Lane& lane = m.lanes()[0];
  TimelineModel::Hit h = m.hit_test(vis, 10.0f, lane.y0 + 1.0f, 2.0f);
  CHECK(h.header);
  CHECK(h.lane == 0);
  CHECK(h.span == nullptr);
  h = m.hit_test(vis, 10.0f, m.visual_rows()[0].y1 + 1.0f, 2.0f);
  CHECK(h.span == nullptr);
  h = m.hit_test(vis, 10.0f, m.content_height() + 50.0f, 2.0f);
  CHECK(h.lane == -1);

  // Slop: just left of a row's first span counts, further away does not.
  int slop_checked = 0;
  for (const RowSpans& r : vis.rows) {
    const Span& sp = vis.spans[r.begin];  // nothing drawn left of it in this row
    if (sp.x0 < 10.0f) continue;
    const VisualRow& vr = m.visual_rows()[sp.visual_row];
    const float ry = 0.5f * (vr.y0 + vr.y1);
    CHECK(vis.span_at(sp.visual_row, sp.x0 - 1.5f, 2.0f) == &sp);
    CHECK(m.hit_test(vis, sp.x0 - 1.5f, ry, 2.0f).span == &sp);
    CHECK(vis.span_at(sp.visual_row, sp.x0 - 3.0f, 2.0f) == nullptr);
    ++slop_checked;
  }
  CHECK(slop_checked > 0);

  // Zoomed out: the point falls in a merged box that contains the item.
  const TimeScale out = scale_over(1000.0, static_cast<double>(days_from_civil(2009, 6, 1)), 0.3);
  m.visible(out, whole(m, 1000.0), VisitOptions{3.0f, 3.0f}, vis);
  int merged_hits = 0, contained = 0, total = 0;
  for (size_t k = 0; k < items.size(); k += 7) {
    TimelineModel::Location loc;
    REQUIRE(m.locate(items[k].id, loc));
    const float x = static_cast<float>(out.x(0.5 * (loc.day0 + loc.day1)));
    if (x < 0.0f || x > 1000.0f) continue;
    const VisualRow& vr = m.visual_rows()[loc.visual_row];
    const TimelineModel::Hit hit = m.hit_test(vis, x, 0.5f * (vr.y0 + vr.y1), 0.0f);
    REQUIRE(hit.span != nullptr);
    CHECK(hit.span->x0 <= x);
    CHECK(hit.span->x1 >= x);
    ++total;
    merged_hits += hit.span->count > 1;
    contained += m.span_contains(*hit.span, loc);
  }
  CHECK(merged_hits > total / 2);
  CHECK(contained >= total * 95 / 100);  // the rest: a widened neighbour on top
}

// ---------------------------------------------------------------------------------
// 5. Brush and playhead counts
// ---------------------------------------------------------------------------------
TEST_CASE("counts: intersecting, inside and started-before match brute force") {
  const auto items = random_items(20000, 500, 7, days_from_civil(1980, 1, 1), 365 * 40, 13);
  TimelineModel m;
  m.build(items);
  Gen g(17);
  const int64_t lo = days_from_civil(1975, 1, 1), hi = days_from_civil(2030, 1, 1);
  for (int trial = 0; trial < 200; ++trial) {
    double a = static_cast<double>(g.uniform(lo, hi));
    if (trial % 3 == 0) a += 0.5;  // fractional edges too
    const double b = a + static_cast<double>(g.uniform(0, trial % 4 == 0 ? 20 : 4000));
    size_t meet = 0, inside = 0, before = 0;
    for (const TimelineItem& it : items) {
      meet += meets(it, a, b);
      inside += static_cast<double>(it.earliest_day) >= a &&
                static_cast<double>(it.latest_day) + 1.0 <= b;
      before += static_cast<double>(it.earliest_day) < a;
    }
    INFO("window ", a, " .. ", b);
    CHECK(m.count_intersecting(a, b) == meet);
    CHECK(m.count_inside(a, b) == inside);
    CHECK(m.count_started_before(a) == before);
  }
  CHECK(m.count_intersecting(10.0, 5.0) == 0);
  CHECK(m.count_inside(10.0, 5.0) == 0);
  CHECK(m.count_intersecting(-1e12, 1e12) == items.size());
  CHECK(m.count_inside(-1e12, 1e12) == items.size());
}

// ---------------------------------------------------------------------------------
// 6. Collapse and selection
// ---------------------------------------------------------------------------------
TEST_CASE("collapse: a collapsed lane is one summary row of joined segments") {
  std::vector<TimelineItem> items = {{1, 10, 19, 7, kItemInterval},
                                     {2, 15, 29, 7, kItemInterval},
                                     {3, 40, 40, 7, 0},
                                     {4, 41, 41, 7, kItemApproximate},
                                     {5, 0, 100, 9, 0}};
  TimelineModel m;
  m.set_metrics(RowMetrics{10.0f, 10.0f, 0.0f, 0.0f});
  m.build(items);
  REQUIRE(m.lanes()[0].row_count == 2);
  const float expanded = m.content_height();
  m.set_collapsed(7, true);
  CHECK(m.collapsed(7));
  CHECK_FALSE(m.collapsed(9));
  CHECK(m.lanes()[0].visual_row_count == 1);
  CHECK(m.visual_rows()[0].row == kSummaryRow);
  CHECK(m.content_height() == expanded - 10.0f);
  CHECK(m.lanes()[1].first_visual_row == 1);

  const TimeScale s = scale_over(1000.0, 0.0, 20.0);
  VisibleSet vis;
  m.visible(s, whole(m, 1000.0), VisitOptions{}, vis);
  REQUIRE(vis.rows.size() == 2);
  REQUIRE(vis.rows[0].end - vis.rows[0].begin == 3);
  const Span& group = vis.spans[0];
  CHECK(group.count == 2);
  CHECK((group.span_flags & kSpanGroup));
  CHECK_FALSE(group.single());
  CHECK(group.day0 == 10.0);
  CHECK(group.day1 == 30.0);
  CHECK(group.first_id == 1);
  CHECK(group.last_id == 2);
  CHECK(vis.spans[1].single());
  CHECK(vis.spans[2].item_flags == kItemApproximate);
  for (uint32_t id : {1u, 2u}) {
    TimelineModel::Location loc;
    REQUIRE(m.locate(id, loc));
    CHECK(loc.visual_row == 0);
    CHECK(m.span_contains(group, loc));
    CHECK_FALSE(m.span_contains(vis.spans[1], loc));
  }
  // Zoomed out, the two points and the group merge into one box of four items.
  const TimeScale far = scale_over(1000.0, 0.0, 0.05);
  m.visible(far, whole(m, 1000.0), VisitOptions{3.0f, 3.0f}, vis);
  CHECK(vis.spans[0].count == 4);
  CHECK((vis.spans[0].span_flags & kSpanMerged));

  // Collapse state belongs to the key and survives a rebuild; unknown keys are ignored.
  m.build(items);
  CHECK(m.collapsed(7));
  m.set_collapsed(12345, true);
  m.set_all_collapsed(false);
  CHECK_FALSE(m.collapsed(7));
  CHECK(m.visual_rows().size() == 3);
}

TEST_CASE("collapse: summary rows count every item over random data") {
  const auto items = random_items(10000, 300, 4, days_from_civil(2000, 1, 1), 365 * 15, 23);
  TimelineModel m;
  m.build(items);
  m.set_all_collapsed(true);
  CHECK(m.visual_rows().size() == 4);
  const TimeScale s =
      scale_over(1000.0, static_cast<double>(days_from_civil(1999, 1, 1)), 1000.0 / (365.0 * 17));
  VisibleSet vis;
  m.visible(s, whole(m, 1000.0), VisitOptions{}, vis);
  CHECK(vis.item_count == items.size());
  for (size_t k = 0; k < items.size(); k += 101) CHECK(span_of(m, vis, items[k].id) != nullptr);
}

TEST_CASE("selection: locate an item, find the span that draws it") {
  const auto items = random_items(500, 20, 2, days_from_civil(2015, 1, 1), 365, 31);
  TimelineModel m;
  m.build(items);
  TimelineModel::Location loc;
  CHECK_FALSE(m.locate(999999, loc));
  REQUIRE(m.locate(123, loc));
  CHECK(loc.day0 == static_cast<double>(items[123].earliest_day));
  // Fit the scale to the selection: it is then drawn, alone, within the pane.
  TimeScale s = scale_over(800.0, 0.0, 1.0);
  s.show(loc.day0, loc.day1, 100.0);
  VisibleSet vis;
  m.visible(s, whole(m, 800.0), VisitOptions{}, vis);
  const Span* sp = span_of(m, vis, 123);
  REQUIRE(sp != nullptr);
  CHECK(sp->single());
  CHECK(sp->first_id == 123);
  CHECK(sp->x0 >= 99.0f);
  CHECK(sp->x1 <= 701.0f);
}

// ---------------------------------------------------------------------------------
// 7. The 101,000-item sweep
// ---------------------------------------------------------------------------------
TEST_CASE("sweep: 100,000 events + 1,000 intervals, visible() 100 times over pan and zoom") {
  // Events in 5 lanes (kinds), intervals in 10 more (working groups by country).
  const int64_t first = days_from_civil(1995, 1, 1);
  auto items = random_items(100000, 0, 5, first, 365 * 30, 2024);
  const auto intervals = random_items(0, 1000, 10, first, 365 * 30, 2025);
  for (TimelineItem it : intervals) {
    it.id += 100000;
    it.lane += 5;
    items.push_back(it);
  }
  REQUIRE(items.size() == 101000);

  const auto t_build = std::chrono::steady_clock::now();
  TimelineModel m;
  m.build(items);
  const double build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_build).count();

  const double width = 1600.0;
  TimeScale s = scale_over(width, 0.0, 1.0);
  int64_t a, b;
  REQUIRE(m.data_range(a, b));
  s.fit(a, b, 20.0);
  const TimeScale fitted = s;
  VisibleSet vis;
  const VisitOptions opt{3.0f, 3.0f};
  const ViewWindow view = whole(m, width);  // every row: the worst case

  // The frames' cameras, decided up front so the timed loop only runs visible().
  std::vector<TimeScale> cameras;
  for (int i = 0; i < 100; ++i) {
    if (i < 50) {
      s.zoom_about(width * (0.3 + 0.4 * (i % 5) / 4.0), 1.15);  // into the middle years
      s.pan(i % 2 ? 40.0 : -25.0);
    } else if (i < 60) {
      s.pan(-120.0);  // drag across
    } else {
      s.zoom_about(width * 0.5, 1.0 / 1.16);  // back out past the fit
      s.pan(17.0);
    }
    cameras.push_back(s);
  }
  m.visible(fitted, view, opt, vis);  // warm the buffers like a first frame does

  double total_ms = 0.0, worst_ms = 0.0;
  uint64_t items_seen = 0, spans_drawn = 0;
  std::vector<uint64_t> counts;
  for (const TimeScale& cam : cameras) {
    const auto t0 = std::chrono::steady_clock::now();
    m.visible(cam, view, opt, vis);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    total_ms += ms;
    worst_ms = std::max(worst_ms, ms);
    counts.push_back(vis.item_count);
    items_seen += vis.item_count;
    spans_drawn += vis.spans.size();
    uint64_t sum = 0;
    for (const Span& sp : vis.spans) sum += sp.count;
    CHECK(sum == vis.item_count);
  }
  // The same frames with a typical pane: rows 0..900 px only, as the UI asks.
  const ViewWindow pane{0.0, width, 0.0f, 900.0f};
  const auto t_pane = std::chrono::steady_clock::now();
  uint64_t pane_spans = 0;
  for (const TimeScale& cam : cameras) {
    m.visible(cam, pane, opt, vis);
    pane_spans += vis.spans.size();
  }
  const double pane_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_pane).count();

  // Correctness only: each frame drew exactly the items meeting its view.
  for (size_t i = 0; i < cameras.size(); ++i) {
    const double d0 = cameras[i].day_at(0.0), d1 = cameras[i].day_at(width);
    CHECK(counts[i] == m.count_intersecting(d0, d1));
  }
  MESSAGE("101,000 items: build ", build_ms, " ms; 100 x visible(): total ", total_ms, " ms, mean ",
          total_ms / 100.0, " ms, worst ", worst_ms, " ms; mean ", items_seen / 100, " items as ",
          spans_drawn / 100, " spans per frame; ", m.visual_rows().size(), " rows");
  MESSAGE("same sweep over a 900 px tall pane: total ", pane_ms, " ms, mean ", pane_ms / 100.0,
          " ms, ", pane_spans / 100, " spans per frame");
}
