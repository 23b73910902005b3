// lanes.cpp — lane and row layout, the per-frame visible walk with Tracy-style merging,
// hit testing and the brush counts (the design and its reasons are in lanes.hpp).
//
// Index
//   1. build: clamp, group by lane, assign rows, flatten, segments, indexes
//   2. Vertical layout
//   3. The visible walk
//   4. Hit testing
//   5. Counts, data range, selection
#include "timeline/lanes.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <queue>

namespace atlas::timeline {

namespace {

constexpr int64_t kMinDayInt = static_cast<int64_t>(TimeScale::kMinDay);
constexpr int64_t kMaxDayInt = static_cast<int64_t>(TimeScale::kMaxDay);

}  // namespace

// ---------------------------------------------------------------------------------
// 1. build
// ---------------------------------------------------------------------------------
void TimelineModel::build(const std::vector<TimelineItem>& items, const BuildOptions& options) {
  build(items.data(), items.size(), options);
}

// One item while building: clamped to the scale's days, with the room it takes in a row.
struct TimelineModel::Work {
  double start, end, occupied_end;
  uint32_t id, lane_key;
  uint8_t flags;
};

void TimelineModel::build(const TimelineItem* items, size_t count, const BuildOptions& options) {
  // Collapse state belongs to lane keys, so it survives an edit of the data.
  std::vector<uint32_t> was_collapsed;
  for (const Lane& l : lanes_)
    if (l.collapsed) was_collapsed.push_back(l.key);
  const std::vector<Work> work = clamp(items, count, options);

  // Lane, then start; longer first on ties so a bar is placed above the points it
  // starts with; id last so equal input always gives the same layout.
  std::vector<uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const Work& x = work[a];
    const Work& y = work[b];
    if (x.lane_key != y.lane_key) return x.lane_key < y.lane_key;
    if (x.start != y.start) return x.start < y.start;
    if (x.end != y.end) return x.end > y.end;
    if (x.id != y.id) return x.id < y.id;
    return a < b;
  });

  std::vector<uint32_t> row_in_lane(count), lane_of(count);  // by rank in `order`
  const uint32_t total_rows = assign_rows(work, order, was_collapsed, row_in_lane, lane_of);
  std::vector<uint32_t> pos_of_order(count);
  flatten(work, order, row_in_lane, lane_of, total_rows, pos_of_order);
  build_segments(work, order, lane_of, pos_of_order);
  build_indexes();
  layout();
}

// Each item clamped to the scale's days, and the data's range over the bounded ends.
std::vector<TimelineModel::Work> TimelineModel::clamp(const TimelineItem* items, size_t count,
                                                      const BuildOptions& options) {
  std::vector<Work> work(count);
  has_range_ = false;
  range_first_ = range_last_ = 0;
  const double min_days = std::max(0.0, options.min_item_days);
  const double gap_days = std::max(0.0, options.row_gap_days);
  auto extend = [&](int64_t day) {
    range_first_ = has_range_ ? std::min(range_first_, day) : day;
    range_last_ = has_range_ ? std::max(range_last_, day) : day;
    has_range_ = true;
  };
  for (size_t i = 0; i < count; ++i) {
    const TimelineItem& it = items[i];
    const int64_t lo = std::min(it.earliest_day, it.latest_day);
    const int64_t hi = std::max(it.earliest_day, it.latest_day);
    const int64_t s = std::clamp(lo, kMinDayInt, kMaxDayInt - 1);
    const int64_t e = std::clamp(hi, kMinDayInt, kMaxDayInt - 1) + 1;
    Work& w = work[i];
    w.start = static_cast<double>(s);
    w.end = static_cast<double>(e);
    w.occupied_end = std::max(w.end, w.start + min_days) + gap_days;
    w.id = it.id;
    w.lane_key = it.lane;
    w.flags = it.flags;
    // Ends at or past the clamp are unbounded sentinels: no place in a fit.
    if (lo > kMinDayInt) extend(lo);
    if (hi < kMaxDayInt - 1) extend(hi);
  }
  return work;
}

// Rows: greedy interval partitioning per lane, lowest free row first. Makes the lanes;
// returns how many rows they have in all.
uint32_t TimelineModel::assign_rows(const std::vector<Work>& work,
                                    const std::vector<uint32_t>& order,
                                    const std::vector<uint32_t>& was_collapsed,
                                    std::vector<uint32_t>& row_in_lane,
                                    std::vector<uint32_t>& lane_of) {
  const size_t count = order.size();
  lanes_.clear();
  lane_row_begin_.clear();
  using Busy = std::pair<double, uint32_t>;  // (occupied until, row)
  std::priority_queue<Busy, std::vector<Busy>, std::greater<Busy>> busy;
  std::priority_queue<uint32_t, std::vector<uint32_t>, std::greater<uint32_t>> free_rows;
  uint32_t total_rows = 0;
  for (size_t k = 0; k < count;) {
    const uint32_t key = work[order[k]].lane_key;
    Lane lane;
    lane.key = key;
    lane.collapsed =
        std::find(was_collapsed.begin(), was_collapsed.end(), key) != was_collapsed.end();
    busy = {};
    free_rows = {};
    uint32_t rows = 0;
    size_t k_end = k;
    for (; k_end < count && work[order[k_end]].lane_key == key; ++k_end) {
      const Work& w = work[order[k_end]];
      while (!busy.empty() && busy.top().first <= w.start) {
        free_rows.push(busy.top().second);
        busy.pop();
      }
      uint32_t row;
      if (!free_rows.empty()) {
        row = free_rows.top();
        free_rows.pop();
      } else {
        row = rows++;
      }
      busy.push({w.occupied_end, row});
      row_in_lane[k_end] = row;
      lane_of[k_end] = static_cast<uint32_t>(lanes_.size());
    }
    lane.item_count = static_cast<uint32_t>(k_end - k);
    lane.row_count = rows;
    lane_row_begin_.push_back(total_rows);
    total_rows += rows;
    lanes_.push_back(lane);
    k = k_end;
  }
  lane_row_begin_.push_back(total_rows);
  return total_rows;
}

// Flatten by global row with a stable counting sort: start order survives within a row.
void TimelineModel::flatten(const std::vector<Work>& work, const std::vector<uint32_t>& order,
                            const std::vector<uint32_t>& row_in_lane,
                            const std::vector<uint32_t>& lane_of, uint32_t total_rows,
                            std::vector<uint32_t>& pos_of_order) {
  const size_t count = order.size();
  row_begin_.assign(total_rows + 1, 0);
  row_lane_.assign(total_rows, 0);
  for (size_t k = 0; k < count; ++k) {
    const uint32_t g = lane_row_begin_[lane_of[k]] + row_in_lane[k];
    ++row_begin_[g + 1];
    row_lane_[g] = lane_of[k];
  }
  for (uint32_t g = 0; g < total_rows; ++g) row_begin_[g + 1] += row_begin_[g];
  start_.assign(count, 0.0);
  end_.assign(count, 0.0);
  ids_.assign(count, 0);
  flags_.assign(count, 0);
  row_of_.assign(count, 0);
  std::vector<uint32_t> fill(row_begin_.begin(), row_begin_.end() - 1);
  for (size_t k = 0; k < count; ++k) {
    const uint32_t g = lane_row_begin_[lane_of[k]] + row_in_lane[k];
    const uint32_t p = fill[g]++;
    const Work& w = work[order[k]];
    start_[p] = w.start;
    end_[p] = w.end;
    ids_[p] = w.id;
    flags_[p] = w.flags;
    row_of_[p] = g;
    pos_of_order[k] = p;
  }
}

// Summary segments: a lane's items joined where they overlap (touching is not
// overlapping: two consecutive days stay two segments, and may merge when tiny).
void TimelineModel::build_segments(const std::vector<Work>& work,
                                   const std::vector<uint32_t>& order,
                                   const std::vector<uint32_t>& lane_of,
                                   const std::vector<uint32_t>& pos_of_order) {
  const size_t count = order.size();
  seg_start_.clear();
  seg_end_.clear();
  seg_first_id_.clear();
  seg_last_id_.clear();
  seg_flags_.clear();
  seg_count_prefix_.assign(1, 0);
  lane_seg_begin_.clear();
  segment_of_.assign(count, 0);
  for (size_t k = 0; k < count;) {
    const uint32_t lane = lane_of[k];
    lane_seg_begin_.push_back(static_cast<uint32_t>(seg_start_.size()));
    for (; k < count && lane_of[k] == lane; ++k) {
      const Work& w = work[order[k]];
      if (seg_start_.size() == lane_seg_begin_.back() || w.start >= seg_end_.back()) {
        seg_start_.push_back(w.start);
        seg_end_.push_back(w.end);
        seg_first_id_.push_back(w.id);
        seg_last_id_.push_back(w.id);
        seg_flags_.push_back(w.flags);
        seg_count_prefix_.push_back(seg_count_prefix_.back() + 1);
      } else {
        seg_end_.back() = std::max(seg_end_.back(), w.end);
        seg_last_id_.back() = w.id;
        seg_flags_.back() = 0;
        ++seg_count_prefix_.back();
      }
      segment_of_[pos_of_order[k]] = static_cast<uint32_t>(seg_start_.size() - 1);
    }
  }
  lane_seg_begin_.push_back(static_cast<uint32_t>(seg_start_.size()));
}

// For counting (every start and every end, sorted) and for locating an id.
void TimelineModel::build_indexes() {
  all_starts_ = start_;
  all_ends_ = end_;
  std::sort(all_starts_.begin(), all_starts_.end());
  std::sort(all_ends_.begin(), all_ends_.end());
  id_index_.resize(ids_.size());
  for (size_t p = 0; p < ids_.size(); ++p) id_index_[p] = {ids_[p], static_cast<uint32_t>(p)};
  std::sort(id_index_.begin(), id_index_.end());
}

// ---------------------------------------------------------------------------------
// 2. Vertical layout
// ---------------------------------------------------------------------------------
void TimelineModel::set_metrics(const RowMetrics& metrics) {
  metrics_ = metrics;
  layout();
}

void TimelineModel::set_collapsed(uint32_t lane_key, bool collapsed) {
  const int l = lane_index(lane_key);
  if (l < 0 || lanes_[l].collapsed == collapsed) return;
  lanes_[l].collapsed = collapsed;
  layout();
}

bool TimelineModel::collapsed(uint32_t lane_key) const {
  const int l = lane_index(lane_key);
  return l >= 0 && lanes_[l].collapsed;
}

void TimelineModel::set_all_collapsed(bool collapsed) {
  for (Lane& l : lanes_) l.collapsed = collapsed;
  layout();
}

int TimelineModel::lane_index(uint32_t lane_key) const {
  const auto it = std::lower_bound(lanes_.begin(), lanes_.end(), lane_key,
                                   [](const Lane& l, uint32_t k) { return l.key < k; });
  return it != lanes_.end() && it->key == lane_key ? static_cast<int>(it - lanes_.begin()) : -1;
}

void TimelineModel::layout() {
  visual_rows_.clear();
  float y = 0.0f;
  for (uint32_t l = 0; l < lanes_.size(); ++l) {
    Lane& lane = lanes_[l];
    lane.y0 = y;
    y += metrics_.lane_header;
    lane.rows_y0 = y;
    lane.first_visual_row = static_cast<uint32_t>(visual_rows_.size());
    lane.visual_row_count = lane.collapsed ? 1 : lane.row_count;
    for (uint32_t r = 0; r < lane.visual_row_count; ++r) {
      if (r > 0) y += metrics_.row_gap;
      visual_rows_.push_back({l, lane.collapsed ? kSummaryRow : r, y, y + metrics_.row_height});
      y += metrics_.row_height;
    }
    lane.y1 = y;
    y += metrics_.lane_gap;
  }
  content_height_ = lanes_.empty() ? 0.0f : y - metrics_.lane_gap;
}

int TimelineModel::visual_row_at(float y) const {
  const auto it = std::upper_bound(visual_rows_.begin(), visual_rows_.end(), y,
                                   [](float v, const VisualRow& r) { return v < r.y0; });
  if (it == visual_rows_.begin()) return -1;
  const auto& r = *(it - 1);
  return y < r.y1 ? static_cast<int>(it - 1 - visual_rows_.begin()) : -1;
}

int TimelineModel::lane_at(float y) const {
  const auto it = std::upper_bound(lanes_.begin(), lanes_.end(), y,
                                   [](float v, const Lane& l) { return v < l.y0; });
  if (it == lanes_.begin()) return -1;
  return y < (it - 1)->y1 ? static_cast<int>(it - 1 - lanes_.begin()) : -1;
}

// ---------------------------------------------------------------------------------
// 3. The visible walk
// ---------------------------------------------------------------------------------
namespace {

// First k in [lo, hi) with ends[k] >= t, searching outward from lo: the cost is the log of
// the distance skipped, so short hops stay as cheap as a linear step.
size_t gallop_ends(const double* ends, size_t lo, size_t hi, double t) {
  if (lo >= hi || ends[lo] >= t) return lo;
  size_t below = lo;  // ends[below] < t
  size_t step = 1;
  while (below + step < hi && ends[below + step] < t) {
    below += step;
    step *= 2;
  }
  const size_t limit = std::min(below + step, hi);
  return static_cast<size_t>(std::lower_bound(ends + below + 1, ends + limit, t) - ends);
}

// One row's walk. `Row` supplies the arrays and how counts, ids and flags read; the
// output goes through `emit(i, j, raw_x0, raw_x1)` for items [i, j) of the row.
struct RowArrays {
  const double* start;
  const double* end;
  size_t lo, hi;
};

template <class Emit>
void walk_row(const RowArrays& row, const TimeScale& scale, double day0, double day1,
              const VisitOptions& opt, Emit&& emit) {
  const double* s = row.start;
  const double* e = row.end;
  // Ends are sorted within a row (its items do not overlap), so both bounds are binary
  // searches.
  size_t i = static_cast<size_t>(std::upper_bound(e + row.lo, e + row.hi, day0) - e);
  const size_t stop = static_cast<size_t>(std::lower_bound(s + i, s + row.hi, day1) - s);
  const double origin = scale.origin_day;
  const double ppd = scale.px_per_day;
  const auto x_of = [&](double d) { return (d - origin) * ppd; };
  const double min_px = opt.min_px;
  const double gap_px = opt.merge_gap_px;
  const double hop_px = std::min(min_px, gap_px);
  while (i < stop) {
    const double xs = x_of(s[i]);
    double run_end = x_of(e[i]);
    size_t j = i + 1;
    if (run_end - xs < min_px) {
      while (j < stop) {
        if (hop_px > 0.0) {
          // Everything ending within hop_px of the run starts after the run's end, so it
          // is tiny and close: absorb it without looking at each item.
          const double t = origin + (run_end + hop_px) / ppd;
          const size_t k = gallop_ends(e, j, stop, t);
          if (k > j) {
            run_end = x_of(e[k - 1]);
            j = k;
            continue;
          }
        }
        const double nx0 = x_of(s[j]);
        const double nx1 = x_of(e[j]);
        if (nx1 - nx0 >= min_px || nx0 - run_end > gap_px) break;
        run_end = nx1;
        ++j;
      }
    }
    emit(i, j, xs, run_end);
    i = j;
  }
}

}  // namespace

void TimelineModel::visible(const TimeScale& scale, const ViewWindow& view,
                            const VisitOptions& options, VisibleSet& out) const {
  out.spans.clear();
  out.rows.clear();
  out.item_count = 0;
  out.x0 = std::min(view.x0, view.x1);
  out.x1 = std::max(view.x0, view.x1);
  out.min_px = options.min_px;
  const double vx0 = out.x0;
  const double vx1 = out.x1;
  const double day0 = scale.day_at(vx0);
  const double day1 = scale.day_at(vx1);
  const double half_min = 0.5 * options.min_px;

  // Rows meeting [y0, y1): visual rows are sorted by y.
  const auto first_row = std::upper_bound(visual_rows_.begin(), visual_rows_.end(), view.y0,
                                          [](float v, const VisualRow& r) { return v < r.y1; });
  for (auto vr = first_row; vr != visual_rows_.end() && vr->y0 < view.y1; ++vr) {
    const uint32_t visual_row = static_cast<uint32_t>(vr - visual_rows_.begin());
    const auto span_begin = static_cast<uint32_t>(out.spans.size());
    const bool summary = vr->row == kSummaryRow;

    const auto push = [&](size_t i, size_t j, double rx0, double rx1, uint32_t count,
                          uint32_t first_id, uint32_t last_id, uint8_t item_flags, double d0,
                          double d1) {
      Span sp;
      double a = rx0, b = rx1;
      if (b - a < options.min_px) {
        const double c = 0.5 * (a + b);
        a = c - half_min;
        b = c + half_min;
      }
      if (rx0 < vx0) sp.span_flags |= kSpanClippedLeft;
      if (rx1 > vx1) sp.span_flags |= kSpanClippedRight;
      sp.x0 = static_cast<float>(std::max(a, vx0));
      sp.x1 = static_cast<float>(std::min(b, vx1));
      sp.day0 = d0;
      sp.day1 = d1;
      sp.visual_row = visual_row;
      sp.count = count;
      sp.first_id = first_id;
      sp.last_id = last_id;
      sp.begin = static_cast<uint32_t>(i);
      sp.end = static_cast<uint32_t>(j);
      if (j - i > 1) sp.span_flags |= kSpanMerged;
      if (summary && count > 1) sp.span_flags |= kSpanGroup;
      sp.item_flags = count == 1 ? item_flags : 0;
      out.spans.push_back(sp);
      out.item_count += count;
    };

    if (summary) {
      const uint32_t lane = vr->lane;
      const RowArrays row{seg_start_.data(), seg_end_.data(), lane_seg_begin_[lane],
                          lane_seg_begin_[lane + 1]};
      walk_row(row, scale, day0, day1, options, [&](size_t i, size_t j, double rx0, double rx1) {
        const auto count = static_cast<uint32_t>(seg_count_prefix_[j] - seg_count_prefix_[i]);
        push(i, j, rx0, rx1, count, seg_first_id_[i], seg_last_id_[j - 1], seg_flags_[i],
             seg_start_[i], seg_end_[j - 1]);
      });
    } else {
      const uint32_t g = lane_row_begin_[vr->lane] + vr->row;
      const RowArrays row{start_.data(), end_.data(), row_begin_[g], row_begin_[g + 1]};
      walk_row(row, scale, day0, day1, options, [&](size_t i, size_t j, double rx0, double rx1) {
        push(i, j, rx0, rx1, static_cast<uint32_t>(j - i), ids_[i], ids_[j - 1], flags_[i],
             start_[i], end_[j - 1]);
      });
    }

    const auto span_end = static_cast<uint32_t>(out.spans.size());
    if (span_end == span_begin) continue;
    // Room for labels: up to the next span of the row, so labels never cover an item
    // nor each other (rows do not share y).
    for (uint32_t k = span_begin; k < span_end; ++k) {
      Span& sp = out.spans[k];
      const double next = k + 1 < span_end ? out.spans[k + 1].x0 : vx1;
      sp.label_room = static_cast<float>(std::max(0.0, next - sp.x0));
    }
    out.rows.push_back({visual_row, span_begin, span_end});
  }
}

// ---------------------------------------------------------------------------------
// 4. Hit testing
// ---------------------------------------------------------------------------------
const Span* VisibleSet::span_at(uint32_t visual_row, float x, float slop_px) const {
  const auto row = std::lower_bound(rows.begin(), rows.end(), visual_row,
                                    [](const RowSpans& r, uint32_t v) { return r.visual_row < v; });
  if (row == rows.end() || row->visual_row != visual_row) return nullptr;
  // Spans of a row are in x order and overlap by at most min_px (the widening of tiny
  // items), so the candidates sit just before the first span starting right of x.
  const Span* first = spans.data() + row->begin;
  const Span* last = spans.data() + row->end;
  const Span* p =
      std::upper_bound(first, last, x + slop_px, [](float v, const Span& s) { return v < s.x0; });
  const Span* best = nullptr;
  float best_distance = 0.0f;
  for (const Span* q = p; q != first;) {
    --q;
    if (q->x1 + slop_px + min_px < x) break;  // everything further left ends earlier
    const float d = x < q->x0 ? q->x0 - x : (x > q->x1 ? x - q->x1 : 0.0f);
    if (d <= slop_px && (!best || d < best_distance)) {
      best = q;
      best_distance = d;
    }
  }
  return best;
}

TimelineModel::Hit TimelineModel::hit_test(const VisibleSet& vis, float x, float y,
                                           float slop_px) const {
  Hit h;
  h.lane = lane_at(y);
  if (h.lane < 0) return h;
  if (y < lanes_[h.lane].rows_y0) {
    h.header = true;
    return h;
  }
  h.visual_row = visual_row_at(y);
  if (h.visual_row >= 0) h.span = vis.span_at(static_cast<uint32_t>(h.visual_row), x, slop_px);
  return h;
}

// ---------------------------------------------------------------------------------
// 5. Counts, data range, selection
// ---------------------------------------------------------------------------------
size_t TimelineModel::count_intersecting(double day0, double day1) const {
  if (day1 < day0) return 0;
  // Items meeting the window are all items but those wholly after it (start >= day1)
  // and those wholly before it (end <= day0); the two sets cannot share an item.
  const auto started = std::lower_bound(all_starts_.begin(), all_starts_.end(), day1);
  const auto ended = std::upper_bound(all_ends_.begin(), all_ends_.end(), day0);
  return static_cast<size_t>((started - all_starts_.begin()) - (ended - all_ends_.begin()));
}

size_t TimelineModel::count_inside(double day0, double day1) const {
  if (day1 < day0) return 0;
  // Within a row starts and ends are both sorted, so the items inside are one run.
  size_t n = 0;
  for (size_t g = 0; g + 1 < row_begin_.size(); ++g) {
    const double* s = start_.data();
    const double* e = end_.data();
    const auto a = std::lower_bound(s + row_begin_[g], s + row_begin_[g + 1], day0) - s;
    const auto b = std::upper_bound(e + a, e + row_begin_[g + 1], day1) - e;
    if (b > a) n += static_cast<size_t>(b - a);
  }
  return n;
}

size_t TimelineModel::count_started_before(double day) const {
  return static_cast<size_t>(std::lower_bound(all_starts_.begin(), all_starts_.end(), day) -
                             all_starts_.begin());
}

bool TimelineModel::data_range(int64_t& first_day, int64_t& last_day) const {
  if (!has_range_) return false;
  first_day = range_first_;
  last_day = range_last_;
  return true;
}

bool TimelineModel::locate(uint32_t id, Location& where) const {
  const auto it =
      std::lower_bound(id_index_.begin(), id_index_.end(), std::pair<uint32_t, uint32_t>(id, 0));
  if (it == id_index_.end() || it->first != id) return false;
  const uint32_t p = it->second;
  const uint32_t g = row_of_[p];
  const uint32_t l = row_lane_[g];
  const Lane& lane = lanes_[l];
  where.lane = l;
  where.row = g - lane_row_begin_[l];
  where.visual_row = lane.first_visual_row + (lane.collapsed ? 0 : where.row);
  where.pos = lane.collapsed ? segment_of_[p] : p;
  where.day0 = start_[p];
  where.day1 = end_[p];
  return true;
}

bool TimelineModel::span_contains(const Span& span, const Location& where) const {
  return span.visual_row == where.visual_row && span.begin <= where.pos && where.pos < span.end;
}

}  // namespace atlas::timeline
