// lanes.hpp — the timeline's items laid out in lanes and rows, and the per-frame
// queries the view runs on them: what is visible (culled, tiny items merged), what is
// under the pointer, how many items a brush window holds, where the selection is.
//
// Index
//   1. Input: TimelineItem, BuildOptions
//   2. Vertical layout: RowMetrics, Lane, VisualRow
//   3. Per-frame output: Span, RowSpans, VisibleSet, VisitOptions, ViewWindow
//   4. TimelineModel
//
// The shape of it, and why:
// - build() runs once per data change, O(n log n): items are grouped by lane key, and in
//   each lane assigned rows by greedy interval partitioning in day space (sorted by
//   start, each item to the lowest-numbered row free at its start). Greedy in start
//   order uses the fewest rows possible (when it opens a row, every open row is busy at
//   that day, so that many items overlap there), and lowest-free-row keeps the items
//   packed at the top of the lane. Day space, not pixels, so the layout is stable under
//   zoom; an item occupies at least one whole day, so points on the same day stack.
// - Rows are kept as flat arrays (struct of arrays) sorted by start. Items in a row do not
//   overlap, so their ends are sorted too: the first visible item is one binary search
//   on the ends, the last one on the starts. No per-row vectors, no pointers: the per-frame
//   walk reads two contiguous arrays of doubles.
// - Merging, as Tracy's timeline does: a run of consecutive items of a row each narrower
//   than min_px with gaps under merge_gap_px becomes one span with a count. The walk
//   gallops over such runs with an exponential search on the ends (any item ending
//   less than min(min_px, merge_gap_px) right of the run's end is necessarily tiny and
//   close, since it starts after that end), so a row costs about one step per few
//   pixels of merged run, not one per item: 100,000 points zoomed out cost a few
//   thousand steps.
// - A collapsed lane shows one summary row: the lane's items joined into segments where
//   they overlap in day space, precomputed at build time. Segments do not overlap, so
//   the summary row is culled and merged like any row; a span on it counts the items of
//   its segments (which may reach outside the view).
// - visible() writes into a caller-owned VisibleSet whose vectors are cleared, never
//   freed: after the first frames the hot path allocates nothing.
// - Pixels are pane-local like TimeScale's. y is content y: 0 is the top of the first
//   lane; the UI adds its vertical scroll to a pointer's pane y, and subtracts it when
//   it draws a row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "timeline/time_scale.hpp"

namespace atlas::timeline {

// ---------------------------------------------------------------------------------
// 1. Input
// ---------------------------------------------------------------------------------
enum ItemFlag : uint8_t {
  kItemUncertain = 1 << 0,    // '?': the UI draws it hatched or faded
  kItemApproximate = 1 << 1,  // '~'
  kItemOpenStart = 1 << 2,    // ".." start: drawn from the earliest day given
  kItemOpenEnd = 1 << 3,      // ".." end: the UI passes today as latest_day
  kItemInterval = 1 << 4,     // an interval (bar) rather than a dated event (point)
};

struct TimelineItem {
  uint32_t id = 0;  // the caller's handle, returned in spans (e.g. an index into events)
  // The honest range the date covers, whole days inclusive (edtf earliest()/latest()):
  // "2015-07" is 1..31 July. Unbounded sentinels are clamped to TimeScale's day limits
  // and left out of data_range().
  int64_t earliest_day = 0;
  int64_t latest_day = 0;
  uint32_t lane = 0;  // lane key, chosen by the UI (kind, country, organisation...)
  uint8_t flags = 0;  // ItemFlag bits, passed back untouched
};

struct BuildOptions {
  // Each item occupies at least this many days in the row assignment (1 = a point is
  // one day). Larger values leave room for labels at a typical zoom, at the cost of
  // more rows.
  double min_item_days = 1.0;
  double row_gap_days = 0.0;  // extra free days required between items of a row
};

// ---------------------------------------------------------------------------------
// 2. Vertical layout
// ---------------------------------------------------------------------------------
struct RowMetrics {
  float lane_header = 18.0f;  // band above each lane's rows for its title (may be 0)
  float row_height = 16.0f;
  float row_gap = 2.0f;
  float lane_gap = 8.0f;
};

constexpr uint32_t kSummaryRow = UINT32_MAX;  // VisualRow::row of a collapsed lane

struct Lane {
  uint32_t key = 0;
  uint32_t item_count = 0;
  uint32_t row_count = 0;  // rows when expanded
  bool collapsed = false;
  uint32_t first_visual_row = 0;
  uint32_t visual_row_count = 0;  // row_count, or 1 when collapsed
  float y0 = 0.0f;                // top of the header band
  float rows_y0 = 0.0f;           // top of the first row
  float y1 = 0.0f;                // bottom of the last row
};

struct VisualRow {
  uint32_t lane = 0;  // index into lanes()
  uint32_t row = 0;   // row within the lane, or kSummaryRow
  float y0 = 0.0f, y1 = 0.0f;
};

// ---------------------------------------------------------------------------------
// 3. Per-frame output
// ---------------------------------------------------------------------------------
enum SpanFlag : uint8_t {
  kSpanMerged = 1 << 0,        // several tiny items (or segments) drawn as one box
  kSpanGroup = 1 << 1,         // on a summary row: stands for more than one item
  kSpanClippedLeft = 1 << 2,   // continues left of the view
  kSpanClippedRight = 1 << 3,  // continues right of the view
};

struct Span {
  float x0 = 0.0f, x1 = 0.0f;     // clipped to the view; at least min_px wide before clipping
  double day0 = 0.0, day1 = 0.0;  // the days it covers, [day0, day1), unclipped: zoom to it
  uint32_t visual_row = 0;
  uint32_t count = 0;     // items it stands for (1: a single item)
  uint32_t first_id = 0;  // caller ids of its first and last item by start
  uint32_t last_id = 0;
  uint32_t begin = 0, end = 0;  // internal positions, for TimelineModel::span_contains
  float label_room = 0.0f;      // free px from x0 to the next span of the row (or the
                                // view's end): a label that fits here collides with nothing
  uint8_t item_flags = 0;       // the item's ItemFlag bits when count == 1
  uint8_t span_flags = 0;       // SpanFlag bits

  bool single() const { return count == 1 && !(span_flags & kSpanGroup); }
};

struct RowSpans {
  uint32_t visual_row = 0;
  uint32_t begin = 0, end = 0;  // its spans: VisibleSet::spans[begin, end)
};

struct VisibleSet {
  std::vector<Span> spans;     // grouped by row, top to bottom; by x within a row
  std::vector<RowSpans> rows;  // the visited rows that have spans, top to bottom
  uint64_t item_count = 0;     // sum of the spans' counts
  double x0 = 0.0, x1 = 0.0;   // the view it was made for
  float min_px = 0.0f;

  // The span of `visual_row` under x (within slop_px of its box; the nearest if several),
  // or nullptr.
  const Span* span_at(uint32_t visual_row, float x, float slop_px) const;
};

struct VisitOptions {
  float min_px = 3.0f;        // items narrower than this are "tiny" and drawn this wide
  float merge_gap_px = 3.0f;  // tiny items closer than this merge into one span
};

struct ViewWindow {
  double x0 = 0.0, x1 = 0.0;   // pane-local pixels; days [day_at(x0), day_at(x1)) are visited
  float y0 = 0.0f, y1 = 0.0f;  // content y (scroll applied): rows touching it are visited
};

// ---------------------------------------------------------------------------------
// 4. TimelineModel
// ---------------------------------------------------------------------------------
class TimelineModel {
 public:
  // --- Data change (allocates; O(n log n)) ---
  // Lanes appear in ascending key order. Collapsed state is kept for keys that remain.
  void build(const std::vector<TimelineItem>& items, const BuildOptions& options = {});
  void build(const TimelineItem* items, size_t count, const BuildOptions& options = {});

  // --- Vertical layout (O(lanes + rows); call when collapse state or metrics change) ---
  void set_metrics(const RowMetrics& metrics);
  const RowMetrics& metrics() const { return metrics_; }
  void set_collapsed(uint32_t lane_key, bool collapsed);  // unknown keys are ignored
  bool collapsed(uint32_t lane_key) const;
  void set_all_collapsed(bool collapsed);

  const std::vector<Lane>& lanes() const { return lanes_; }
  const std::vector<VisualRow>& visual_rows() const { return visual_rows_; }
  int lane_index(uint32_t lane_key) const;  // -1 if absent
  float content_height() const { return content_height_; }
  int visual_row_at(float y) const;  // -1 over a header, a gap or outside
  int lane_at(float y) const;        // the lane whose block [y0, y1) holds y, or -1

  // --- Data facts ---
  size_t item_count() const { return ids_.size(); }
  // First and last day (inclusive) over the bounded ends, for fit-to-data. False if none.
  bool data_range(int64_t& first_day, int64_t& last_day) const;

  // --- Per frame ---
  // Culls by binary search, merges tiny items, writes spans into `out` (cleared; capacity
  // kept). Only rows whose y range meets [view.y0, view.y1) are visited.
  void visible(const TimeScale& scale, const ViewWindow& view, const VisitOptions& options,
               VisibleSet& out) const;

  struct Hit {
    const Span* span = nullptr;  // the span under the pointer, if any
    int visual_row = -1;
    int lane = -1;        // lane under the pointer (also over its header)
    bool header = false;  // over the lane's header band (click to collapse)
  };
  // What the pointer is over, as drawn from `vis` (so a tooltip over a merged box says
  // "n items"). y is content y, like ViewWindow's.
  Hit hit_test(const VisibleSet& vis, float x, float y, float slop_px) const;

  // --- Brush and playhead (fractional days, half-open windows) ---
  // Items whose range [earliest, latest + 1) meets [day0, day1): O(log n).
  size_t count_intersecting(double day0, double day1) const;
  // Items wholly inside [day0, day1): O(rows · log n).
  size_t count_inside(double day0, double day1) const;
  // Items that have started before `day` (a playhead): O(log n).
  size_t count_started_before(double day) const;

  // --- Selection ---
  struct Location {
    uint32_t lane = 0;              // index into lanes()
    uint32_t row = 0;               // row within the lane (also when collapsed)
    uint32_t visual_row = 0;        // where it is drawn: its row, or the lane's summary row
    uint32_t pos = 0;               // internal position (span_contains)
    double day0 = 0.0, day1 = 0.0;  // its range, [day0, day1)
  };
  // Where the item with this caller id is drawn (to highlight it, scroll to it or fit
  // the scale to it). False for an unknown id. O(log n).
  bool locate(uint32_t id, Location& where) const;
  // Whether `span` (from visible()) draws the located item, e.g. inside a merged box.
  bool span_contains(const Span& span, const Location& where) const;

 private:
  // build's phases (lanes.cpp): clamp, group by lane and assign rows, flatten, segments,
  // indexes.
  struct Work;
  std::vector<Work> clamp(const TimelineItem* items, size_t count, const BuildOptions& options);
  uint32_t assign_rows(const std::vector<Work>& work, const std::vector<uint32_t>& order,
                       const std::vector<uint32_t>& was_collapsed,
                       std::vector<uint32_t>& row_in_lane, std::vector<uint32_t>& lane_of);
  void flatten(const std::vector<Work>& work, const std::vector<uint32_t>& order,
               const std::vector<uint32_t>& row_in_lane, const std::vector<uint32_t>& lane_of,
               uint32_t total_rows, std::vector<uint32_t>& pos_of_order);
  void build_segments(const std::vector<Work>& work, const std::vector<uint32_t>& order,
                      const std::vector<uint32_t>& lane_of,
                      const std::vector<uint32_t>& pos_of_order);
  void build_indexes();
  void layout();

  RowMetrics metrics_;
  // Items, flat, sorted by (lane, row, start); rows are ranges of it.
  std::vector<double> start_, end_;  // [start, end) in days
  std::vector<uint32_t> ids_;
  std::vector<uint8_t> flags_;
  std::vector<uint32_t> row_of_;          // global row of each position
  std::vector<uint32_t> segment_of_;      // global segment of each position
  std::vector<uint32_t> row_begin_;       // global row r: positions [row_begin_[r], [r+1])
  std::vector<uint32_t> row_lane_;        // lane index of each global row
  std::vector<uint32_t> lane_row_begin_;  // lane l: global rows [lane_row_begin_[l], [l+1])
  // Summary segments, flat, sorted by (lane, start).
  std::vector<double> seg_start_, seg_end_;
  std::vector<uint32_t> seg_first_id_, seg_last_id_;
  std::vector<uint8_t> seg_flags_;          // the item's flags for a one-item segment
  std::vector<uint64_t> seg_count_prefix_;  // items in segments [0, s) of all lanes
  std::vector<uint32_t> lane_seg_begin_;
  // For counting: every start and every end, sorted.
  std::vector<double> all_starts_, all_ends_;
  // id -> position, sorted by id.
  std::vector<std::pair<uint32_t, uint32_t>> id_index_;
  bool has_range_ = false;
  int64_t range_first_ = 0, range_last_ = 0;

  std::vector<Lane> lanes_;
  std::vector<VisualRow> visual_rows_;
  float content_height_ = 0.0f;
};

}  // namespace atlas::timeline
